import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstPageUrl, measureUnits, ODataShapeError, readODataPage, recordKeys, unitMismatch } from './odata';

/** The real CBS OData v3 TypedDataSet answer (84489NED), byte for byte. */
const V3 = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/real/odata-typeddataset-example/TypedDataSet.json'), 'utf8'));

describe('readODataPage: OData v4 Observations', () => {
  const page = {
    '@odata.context': 'https://datasets.cbs.nl/odata/v1/CBS/85984NED/$metadata#Observations',
    value: [
      { Id: 0, Measure: 'T001036', ValueAttribute: 'None', Value: 17942942, WijkenEnBuurten: 'NL00      ' },
      { Id: 1, Measure: 'T001036', ValueAttribute: 'None', Value: 3590, WijkenEnBuurten: 'WK168000  ' },
      { Id: 2, Measure: 'M000100', ValueAttribute: 'None', Value: 5, WijkenEnBuurten: 'WK168000' },
      { Id: 3, Measure: 'T001036', ValueAttribute: 'Impossible', Value: null, WijkenEnBuurten: 'BU16800000' },
      { Id: 4, Measure: 'T001036', ValueAttribute: 'None', Value: null, StringValue: 'abc', WijkenEnBuurten: 'BU16800001', Perioden: '2024JJ00' },
    ],
    '@odata.nextLink': 'https://datasets.cbs.nl/odata/v1/CBS/85984NED/Observations?$skip=5',
  };
  const out = readODataPage(page, 100, new Set(['T001036']));

  it.each([
    ['version', out.version, 'v4'],
    ['records on the page', out.records, 5],
    ['next link', out.next, page['@odata.nextLink']],
    ['cells of mapped measures only', out.cells.length, 4],
    ['trimmed area code', out.cells[0].area, 'NL00'],
    ['record number continues the offset', out.cells[1].record, 102],
    ['not published → null', out.cells[2].value, null],
    ['text in StringValue is kept for the error', out.cells[3].value, { text: 'abc' }],
    ['period dimension', out.cells[3].period, '2024JJ00'],
    ['no period dimension', out.cells[0].period, null],
  ])('%s', (_what, actual, expected) => expect(actual).toEqual(expected));
});

describe('readODataPage: the real v3 TypedDataSet answer', () => {
  it('reads the padded codes trimmed and finds the region column by its values', () => {
    const p = readODataPage(V3, 0, new Set(['Code_3']));
    expect(p.version).toBe('v3');
    expect(p.records).toBe(2500);
    expect(p.next).toBeNull();
    expect(p.cells[0]).toEqual({ record: 1, area: 'GM0141', period: null, key: 'Code_3', value: { text: 'GM0141' } });
  });

  it('lists the table columns of the first record', () => {
    expect(recordKeys(V3)).toEqual(['Woonplaatsen', 'Woonplaatscode_1', 'Naam_2', 'Code_3', 'Naam_4', 'Code_5', 'Naam_6', 'Code_7']);
  });

  it.each([
    ['numbers', { value: [{ ID: 0, RegioS: 'GM0344    ', AantalInwoners_5: 361966 }] }, 361966],
    ['padded numeric text (UntypedDataSet)', { value: [{ ID: 0, RegioS: 'GM0344    ', AantalInwoners_5: '   361966' }] }, 361966],
    ['CBS missing "."', { value: [{ ID: 0, RegioS: 'GM0344    ', AantalInwoners_5: '       .' }] }, null],
    ['null', { value: [{ ID: 0, RegioS: 'GM0344    ', AantalInwoners_5: null }] }, null],
    ['decimal comma is not a number', { value: [{ ID: 0, RegioS: 'GM0344    ', AantalInwoners_5: '2,2' }] }, { text: '2,2' }],
  ])('cell value: %s', (_what, body, expected) => {
    expect(readODataPage(body, 0, new Set(['AantalInwoners_5'])).cells[0]).toMatchObject({ area: 'GM0344', value: expected });
  });
});

describe('readODataPage: garbage', () => {
  it.each([
    ['an HTML page', '<html>'],
    ['null', null],
    ['an array', []],
    ['no value array', { value: 3 }],
  ])('%s is refused as not an OData result', (_what, body) => {
    expect(() => readODataPage(body, 0, new Set(['x']))).toThrow(ODataShapeError);
  });

  it('names the record that is not an object', () => {
    expect(() => readODataPage({ value: [{ Measure: 'a', Value: 1 }, 3] }, 10, new Set(['a']))).toThrow('record 12 is not an object');
  });
});

describe('firstPageUrl', () => {
  it.each([
    ['v4 filters the mapped measures', 'https://datasets.cbs.nl/odata/v1/CBS/', ['T001036', 'M1'], "https://datasets.cbs.nl/odata/v1/CBS/85984NED/Observations?%24filter=Measure+eq+%27T001036%27+or+Measure+eq+%27M1%27"],
    ['v3 reads TypedDataSet', 'https://opendata.cbs.nl/ODataApi/OData', ['AantalInwoners_5'], 'https://opendata.cbs.nl/ODataApi/OData/85984NED/TypedDataSet'],
  ])('%s', (_what, base, keys, expected) => expect(firstPageUrl(base, '85984NED', keys)).toBe(expected));
});

describe('units', () => {
  it('reads MeasureCodes', () => {
    expect(measureUnits({ value: [{ Identifier: 'T001036', Unit: 'aantal', Title: 'Aantal inwoners' }] }).get('T001036')).toEqual({ unit: 'aantal', title: 'Aantal inwoners' });
  });
  it.each([
    ['aantal', 'count', null],
    ['aantal', 'proportion', 'column K holds counts (aantal): map it to a count indicator, not a proportion'],
    ['%', 'proportion', null],
    ['%', 'rate', 'column K holds percentages (%): map it to a proportion indicator, not a rate'],
    ['x 1 000 euro', 'proportion', 'column K is not a percentage (x 1 000 euro): a proportion indicator cannot read it'],
    ['', 'proportion', null],
  ])('unit %s into a %s', (unit, measure, expected) => expect(unitMismatch('K', unit, measure)).toBe(expected));
});
