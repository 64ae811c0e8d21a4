import { isFormulaLike, parseNumber } from './numbers';

describe('numbers', () => {
  it.each([
    ['    69.0', 69],
    ['  -0.100', -0.1],
    ['14,5', 14.5],
    ['2,2', 2.2],
    ['  457400', 457400],
    ['9.15237961440333e-05', 9.15237961440333e-5],
    ['0', 0],
    ['-0', 0],
    ['+3', 3],
  ])('%j → %p', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ value });
  });

  it.each(['', '       .', '.', 'NA', 'x', '-', '  '])('%j is missing', (raw) => {
    expect(parseNumber(raw)).toEqual({ value: null });
  });

  it('treats -99995 style sentinels as missing only when asked', () => {
    expect(parseNumber('-99995', { sentinels: true })).toEqual({ value: null });
    expect(parseNumber('-99997', { sentinels: true })).toEqual({ value: null });
    expect(parseNumber('-99995')).toEqual({ value: -99995 });
  });

  it('rejects text, formulas and ambiguous numbers with a message', () => {
    expect(parseNumber('abc')).toEqual({ error: 'not a number: "abc"' });
    expect(parseNumber('=CMD()')).toEqual({ error: 'not a number: "=CMD()" (formula-like text is never evaluated)' });
    expect(parseNumber('=1+1')).toHaveProperty('error');
    expect(parseNumber('@SUM(A1)')).toHaveProperty('error');
    expect(parseNumber('1.234,5')).toHaveProperty('error');
    expect(parseNumber('Infinity')).toHaveProperty('error');
    expect(parseNumber('0x10')).toHaveProperty('error');
    expect(parseNumber('14,5', { decimal: 'point' })).toHaveProperty('error');
    expect(isFormulaLike('=CMD()')).toBe(true);
    expect(isFormulaLike('-0.100')).toBe(false);
  });
});
