import { copyLines, copyText, type StageChunk } from './copy-text';

const chunk = (over: Partial<StageChunk> = {}): StageChunk => ({
  line: [2, 3], indicator: ['debt-signals', 'debt-signals'], subject: ['WK051801', 'BU0363NL01'], granularity: ['quarter', 'year'],
  start: ['2024-01-01', '2023-01-01'], value: [1.5, null], numerator: [3, 12], denominator: [200, null], n: [null, null], status: ['final', 'provisional'],
  ...over,
});

describe('COPY text format', () => {
  it.each([
    ['plain', 'WK051801', 'WK051801'],
    ['tab', 'a\tb', 'a\\tb'],
    ['newline and carriage return', 'a\r\nb', 'a\\r\\nb'],
    ['backslash', 'C:\\data', 'C:\\\\data'],
    ['formula-like text stays text', '=CMD()', '=CMD()'],
  ])('escapes %s', (_name, input, expected) => {
    expect(copyText(input)).toBe(expected);
  });

  it('writes staging rows with the line first and \\N for null', () => {
    expect(copyLines(chunk())).toBe(
      '2\tdebt-signals\tWK051801\tquarter\t2024-01-01\t1.5\t3\t200\t\\N\tfinal\n' +
      '3\tdebt-signals\tBU0363NL01\tyear\t2023-01-01\t\\N\t12\t\\N\t\\N\tprovisional\n',
    );
  });

  it('writes observation rows with the batch id and a one-element history', () => {
    const id = '9baeb538-f364-43af-bbdc-d1519c224eb8';
    const [first] = copyLines(chunk(), id).split('\n');
    expect(first).toBe(`debt-signals\tWK051801\tquarter\t2024-01-01\t1.5\t3\t200\t\\N\tfinal\t${id}\t{${id}}`);
  });

  it('round-trips awkward codes through the escaping', () => {
    const line = copyLines(chunk({ line: [9], indicator: ['x\\y'], subject: ['a\tb'], granularity: ['year'], start: ['2024-01-01'], value: [1], numerator: [null], denominator: [null], n: [null], status: ['final'] }));
    expect(line.split('\t').slice(1, 3)).toEqual(['x\\\\y', 'a\\tb']);
  });
});
