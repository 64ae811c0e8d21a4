import { csvCell, fileName, toCsv } from './download';

describe('CSV export', () => {
  it('prefixes formula-like text with a quote (CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+31 6')).toBe("'+31 6");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });

  it('leaves numbers (also negative) and plain text alone', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('Centrum')).toBe('Centrum');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes separators, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('zeg "hoi"')).toBe('"zeg ""hoi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });

  it('joins a header and rows with CRLF', () => {
    expect(toCsv(['code', 'value'], [['WK01', 1.5], ['=1+1', null]])).toBe("code,value\r\nWK01,1.5\r\n'=1+1,\r\n");
  });

  it('makes safe file names', () => {
    expect(fileName('debt-signals', "'s-Gravenhage", '2024 Q1')).toBe('debt-signals-s-gravenhage-2024-q1');
  });
});
