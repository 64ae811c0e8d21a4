import { CsvRecord, CsvTokenizer, detectDelimiter, parseCsv, readCsvRecords } from './csv';
import { ParseError } from './errors';

function tokenizeInPieces(text: string, size: number, delimiter: ',' | ';' | 'auto' = 'auto'): CsvRecord[] {
  const t = new CsvTokenizer({ delimiter });
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...t.push(text.slice(i, i + size)));
  out.push(...t.end());
  return out;
}

describe('csv tokenizer', () => {
  const sample = 'a,b,c\r\n1,"x ""y"" z",3\r\n"multi\nline\r\nfield",,"last"\n4,5,6';

  it('handles quotes, doubled quotes, CRLF/LF, embedded newlines and line numbers', () => {
    const { records, delimiter } = parseCsv(sample);
    expect(delimiter).toBe(',');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x "y" z', '3'] },
      { line: 3, fields: ['multi\nline\r\nfield', '', 'last'] },
      { line: 6, fields: ['4', '5', '6'] },
    ]);
  });

  it('gives the same records whatever the chunk size', () => {
    const expected = parseCsv(sample).records;
    for (const size of [1, 2, 3, 4, 7, 13]) expect(tokenizeInPieces(sample, size)).toEqual(expected);
  });

  it('detects ; , and tab from the header, ignoring delimiters inside quotes and title lines', () => {
    expect(detectDelimiter('"a;b","c","d"\n')).toBe(',');
    expect(detectDelimiter('"Personen per soort uitkering; Bijstand (aantal)";"x";"y"\r\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"Nabijheid; afstand, 2021"\n""\n"";"";"Wijken"\n')).toBe(';');
    expect(detectDelimiter('indicator', false)).toBeNull();
    expect(parseCsv('x;"a;b";c\n1;2;3\n').records[0].fields).toEqual(['x', 'a;b', 'c']);
  });

  it('drops a BOM and keeps empty fields', () => {
    expect(parseCsv('\uFEFF"a";"b"\n;\n').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['', ''] },
    ]);
  });

  it('refuses a line longer than the limit, naming the line, also when streamed', () => {
    const long = `a,b\n1,2\n3,${'x'.repeat(2000)}\n`;
    expect(() => parseCsv(long, { maxRecordLength: 1000 })).toThrow(/line 3 is longer than 1000 characters/);
    try {
      tokenizeInPieces(`a\n"${'y'.repeat(5000)}`, 100);
    } catch (e) {
      expect((e as ParseError).line).toBe(2);
    }
    expect(() => tokenizeInPieces(`a\n"${'y'.repeat(1100)}`, 100, 'auto')).not.toThrow(/longer/);
    const t = new CsvTokenizer({ maxRecordLength: 1000 });
    t.push('a\n');
    expect(() => {
      for (let i = 0; i < 20; i++) t.push('z'.repeat(100));
    }).toThrow(ParseError);
  });

  it('reports an unclosed quote and junk after a closing quote', () => {
    expect(() => parseCsv('a,b\n"oops,1\n')).toThrow(/line 2: a quoted field is not closed/);
    expect(() => parseCsv('a,b\n"x"y,1\n')).toThrow(/line 2: unexpected character/);
  });

  it('reads byte streams split mid-character', async () => {
    const data = Buffer.from('\uFEFFnaam;waarde\r\n"Eén";"14,5"\r\n', 'utf8');
    async function* src(): AsyncGenerator<Buffer> {
      for (let i = 0; i < data.length; i += 3) yield data.subarray(i, i + 3);
    }
    const recs: CsvRecord[] = [];
    for await (const batch of readCsvRecords(src())) recs.push(...batch);
    expect(recs).toEqual([
      { line: 1, fields: ['naam', 'waarde'] },
      { line: 2, fields: ['Eén', '14,5'] },
    ]);
  });

  it('tokenises 200k rows quickly', () => {
    const rows = 200_000;
    const text = 'indicator,subject,period,value\n' + 'loneliness,WK059901,2024-Q1,12.5\n'.repeat(rows);
    const t0 = Date.now();
    const { records } = parseCsv(text);
    expect(records).toHaveLength(rows + 1);
    expect(records[rows].line).toBe(rows + 1);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
