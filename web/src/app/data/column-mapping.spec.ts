import { codeFromName, measureOfColumn } from './column-mapping-section';

describe('column mapping helpers', () => {
  it.each([
    ['Roker (%)', 'proportion'],
    ['Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)', 'proportion'],
    ['Bevolking/Aantal inwoners (aantal)', 'count'],
    ['Inkomen/Gemiddeld inkomen (x 1 000 euro)', 'mean'],
    ['Zonder eenheid', 'mean'],
  ])('%s holds a %s', (column, measure) => expect(measureOfColumn(column)).toBe(measure));

  it.each([
    ['Ervaren gezondheid', [], 'ervaren-gezondheid'],
    ['Één of meer aandoeningen (%)', [], 'een-of-meer-aandoeningen'],
    ['Rokers', ['rokers', 'rokers-2'], 'rokers-3'],
    ['!!!', [], 'indicator'],
  ])('%s → code %s', (name, taken, code) => expect(codeFromName(name, new Set(taken))).toBe(code));
});
