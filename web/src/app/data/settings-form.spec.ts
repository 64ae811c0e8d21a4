import { HttpErrorResponse } from '@angular/common/http';
import { buildSettings, fieldErrors, flattenSettings } from './settings-form';

describe('signal settings form', () => {
  const settings = { fdrQ: 0.05, peerOutlier: { enabled: true, coverage: 0.998 }, risingTrend: { windows: [1, 2, 3] }, note: 'x' };

  it('flattens the settings into dotted fields', () => {
    expect(flattenSettings(settings)).toEqual([
      { path: 'fdrQ', type: 'number', value: 0.05 },
      { path: 'peerOutlier.enabled', type: 'boolean', value: true },
      { path: 'peerOutlier.coverage', type: 'number', value: 0.998 },
      { path: 'risingTrend.windows', type: 'numbers', value: [1, 2, 3] },
    ]);
  });

  it('rebuilds the nested object, accepting a decimal comma and leaving bad numbers for the server', () => {
    const fields = flattenSettings(settings);
    expect(
      buildSettings(fields, { fdrQ: '0,1', 'peerOutlier.enabled': false, 'peerOutlier.coverage': 'abc', 'risingTrend.windows': '1, 4' }),
    ).toEqual({ fdrQ: 0.1, peerOutlier: { enabled: false, coverage: 'abc' }, risingTrend: { windows: [1, 4] } });
  });

  it('reads field errors from a 400 answer', () => {
    const err = new HttpErrorResponse({
      status: 400,
      error: { statusCode: 400, message: 'Invalid settings', errors: [{ field: 'peerOutlier.coverage', message: 'must be between 0.5 and 1' }] },
    });
    expect(fieldErrors(err)).toEqual({ 'peerOutlier.coverage': 'must be between 0.5 and 1' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('shows a field error with a known code in the user’s language, a generic or unknown one as the server wrote it', () => {
    const err = new HttpErrorResponse({
      status: 400,
      error: { statusCode: 400, message: 'x', code: 'error.invalid', errors: [
        { field: 'a', message: 'a: not a number: "x"', code: 'import.notANumber', params: { column: 'a', value: 'x' } },
        { field: 'b', message: 'must be at most 1', code: 'error.invalid' },
        { field: 'c', message: 'must be a list', code: 'validation.somethingNew' },
      ] },
    });
    expect(fieldErrors(err)).toEqual({ a: 'a: “x” is geen getal.', b: 'must be at most 1', c: 'must be a list' });
  });
});
