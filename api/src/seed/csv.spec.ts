import { csvField, formatNumber, parseDelimited, toCsv } from './csv';

describe('seed csv helpers', () => {
  it('parses BOM, CRLF, quoted delimiters, escaped quotes and empty fields', () => {
    const text = '\uFEFF"a";"b; c";d\r\n"x ""y""";;3,5\r\n\r\n';
    expect(parseDelimited(text, ';')).toEqual([['a', 'b; c', 'd'], ['x "y"', '', '3,5']]);
  });
  it('round-trips through toCsv', () => {
    const csv = toCsv(['a', 'b'], [['x,y', 1.5], [null, 2]]);
    expect(csv).toBe('a,b\n"x,y",1.5\n,2\n');
    expect(parseDelimited(csv)).toEqual([['a', 'b'], ['x,y', '1.5'], ['', '2']]);
  });
  it('never writes exponent notation', () => {
    expect(formatNumber(1e-7)).toBe('0');
    expect(formatNumber(0.1234567)).toBe('0.123457');
    expect(csvField(1e21 / 1e21)).toBe('1');
  });
});
