import { ErrorList } from './errors';
import { Catalogue, IndicatorRule, LongRow, parseLongCsv, streamLongCsv, validateRows } from './long-format';

const catalogue: Catalogue = {
  indicators: new Map<string, IndicatorRule>([
    ['loneliness', { measure: 'proportion', subjectKind: 'area' }],
    ['evictions', { measure: 'count', subjectKind: 'area' }],
    ['social-cohesion', { measure: 'mean', subjectKind: 'area' }],
    ['youth-care-referrals', { measure: 'proportion', subjectKind: 'unit' }],
  ]),
  subjectExists: (code, kind) =>
    kind === 'area' ? ['GM0599', 'WK059901', 'BU0363NL01'].includes(code) : ['SCHOOL1'].includes(code),
};

async function parseAndValidate(text: string) {
  const errors = new ErrorList();
  const parsed = await parseLongCsv(text, { errors });
  validateRows(parsed.rows, catalogue, { errors });
  return { rows: parsed.rows, errors: errors.sorted(), total: errors.total };
}


/** The errors without their message keys (asserted on their own below). */
const plain = ({ code: _code, params: _params, ...rest }: { code?: string; params?: unknown; line: number; column: string | null; message: string }) => rest;

describe('long format', () => {
  it('parses the contract header in any order and case, with n and status', async () => {
    const text =
      'Subject,INDICATOR,period,numerator,denominator,value,n,status\r\n' +
      'WK059901,loneliness,2024-Q1,12,100,,,\r\n' +
      'GM0599,social-cohesion,2022*,,,6.4,812,\r\n' +
      'BU0363NL01,evictions,2024MM03,,,3,,provisional\r\n' +
      '\r\n';
    const { rows, errors } = await parseAndValidate(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual<LongRow[]>([
      {
        line: 2,
        indicator: 'loneliness',
        subject: 'WK059901',
        period: { label: '2024-Q1', start: '2024-01-01', granularity: 'quarter', provisional: false },
        value: null,
        numerator: 12,
        denominator: 100,
        n: null,
        status: 'final',
      },
      {
        line: 3,
        indicator: 'social-cohesion',
        subject: 'GM0599',
        period: { label: '2022', start: '2022-01-01', granularity: 'year', provisional: true },
        value: 6.4,
        numerator: null,
        denominator: null,
        n: 812,
        status: 'provisional',
      },
      {
        line: 4,
        indicator: 'evictions',
        subject: 'BU0363NL01',
        period: { label: '2024-03', start: '2024-03-01', granularity: 'month', provisional: false },
        value: 3,
        numerator: null,
        denominator: null,
        n: null,
        status: 'provisional',
      },
    ]);
  });

  it('accepts ; as delimiter with decimal comma', async () => {
    const { rows, errors } = await parseAndValidate('indicator;subject;period;value\nsocial-cohesion;GM0599;2024;6,5\n');
    expect(errors).toEqual([]);
    expect(rows[0].value).toBe(6.5);
  });

  it('reports header problems on line 1 with the column name', async () => {
    expect((await parseAndValidate('indicator,subject,value\nx,y,1\n')).errors.map(plain)).toEqual([
      { line: 1, column: 'period', message: 'missing required column "period"' },
    ]);
    const unknown = await parseAndValidate('indicator,subject,period,value,colour\n');
    expect(unknown.errors.map(plain)).toEqual([{ line: 1, column: 'colour', message: expect.stringMatching(/^unknown column "colour"/) }]);
    const noValue = await parseAndValidate('indicator,subject,period,denominator\n');
    expect(noValue.errors[0]).toMatchObject({ line: 1, column: 'value' });
    const twice = await parseAndValidate('indicator,subject,period,value,Value\n');
    expect(twice.errors[0]).toMatchObject({ line: 1, column: 'Value', message: 'column "Value" appears twice' });
  });

  it('reports a wrong delimiter, an empty file and a header without rows', async () => {
    const wrong = await parseAndValidate('indicator|subject|period|value\nloneliness|GM0599|2024|3\n');
    expect(wrong.errors.map(plain)).toEqual([
      { line: 1, column: 'indicator|subject|period|value', message: expect.stringMatching(/wrong delimiter/) },
    ]);
    expect((await parseAndValidate('')).errors.map(plain)).toEqual([{ line: 1, column: null, message: expect.stringMatching(/^file is empty/) }]);
    expect((await parseAndValidate('\r\n\r\n')).errors[0].message).toMatch(/^file is empty/);
    expect((await parseAndValidate('indicator,subject,period,value\n')).errors.map(plain)).toEqual([
      { line: 2, column: null, message: 'the file has a header but no data rows' },
    ]);
  });

  it('reports bad rows with line and column', async () => {
    const text = [
      'indicator,subject,period,value,numerator,denominator,n',
      'loneliness,GM0599,2024-Q5,,1,2,', // 2 bad period
      'evictions,GM0599,2024,abc,,,', // 3 non-numeric
      'evictions,GM0599,2023,=CMD(),,,', // 4 formula
      'loneliness,GM0599,2023,,-1,10,', // 5 negative numerator
      'loneliness,GM0599,2022,,,,', // 6 neither value nor numerator
      'loneliness,GM0599,2021,,1', // 7 field count
      'loneliness,GM0599,2020,,12,10,', // 8 numerator > denominator
      'nope,GM0599,2020,1,,,', // 9 unknown indicator
      'loneliness,GM9999,2020,,1,10,', // 10 unknown subject
      'youth-care-referrals,GM0599,2020,,1,10,', // 11 area code where a unit is expected
      'loneliness,WK059901,2020,,1,10,', // 12 first
      'loneliness,WK059901,2020,,2,10,', // 13 duplicate key
      'evictions,GM0599,2019,-4,,,', // 14 negative count
      '=CMD(),GM0599,2019,1,,,', // 15 formula as indicator code: stored as text, unknown
    ].join('\n');
    const { errors, total, rows } = await parseAndValidate(text);
    expect(errors.map(plain)).toEqual([
      { line: 2, column: 'period', message: expect.stringMatching(/^invalid period "2024-Q5"|quarter 5/) },
      { line: 3, column: 'value', message: 'value: not a number: "abc"' },
      { line: 4, column: 'value', message: 'value: not a number: "=CMD()" (formula-like text is never evaluated)' },
      { line: 5, column: 'numerator', message: 'numerator must not be negative (-1)' },
      { line: 6, column: 'value', message: 'needs a value or a numerator (both are empty)' },
      { line: 7, column: null, message: 'expected 7 fields, found 5' },
      { line: 8, column: 'numerator', message: expect.stringMatching(/^numerator 12 is greater than denominator 10/) },
      { line: 9, column: 'indicator', message: 'unknown indicator "nope"' },
      { line: 10, column: 'subject', message: expect.stringMatching(/^unknown area "GM9999"/) },
      { line: 11, column: 'subject', message: expect.stringMatching(/^unknown unit "GM0599"/) },
      { line: 13, column: null, message: expect.stringMatching(/duplicate row.*lines 12 and 13/) },
      { line: 14, column: 'value', message: 'value must not be negative for a count (-4)' },
      { line: 15, column: 'indicator', message: 'unknown indicator "=CMD()"' },
    ]);
    expect(total).toBe(13);
    expect(rows.find((r) => r.line === 15)?.indicator).toBe('=CMD()');
  });

  it('keeps the first 100 errors and counts them all', async () => {
    const lines = ['indicator,subject,period,value'];
    for (let i = 0; i < 250; i++) lines.push(`loneliness,GM0599,bad${i},1`);
    const { errors, total } = await parseAndValidate(lines.join('\n'));
    expect(errors).toHaveLength(100);
    expect(total).toBe(250);
    expect(errors[0].line).toBe(2);
  });

  it('reports a binary file and a line of megabytes', async () => {
    const bin = await parseLongCsv(Buffer.from('indicator,subject\n', 'utf16le'));
    expect(bin.errors.map(plain)).toEqual([{ line: 1, column: null, message: expect.stringMatching(/^file is not text/) }]);
    const long = await parseLongCsv(`indicator,subject,period,value\nloneliness,GM0599,2024,"${'9'.repeat(2 * 1024 * 1024)}"\n`);
    expect(long.errors.map(plain)).toEqual([{ line: 2, column: null, message: 'line 2 is longer than 1048576 characters' }]);
  });

  it('streams batches from a chunked byte source', async () => {
    const body = 'indicator,subject,period,value\n' + Array.from({ length: 12 }, (_, i) => `evictions,GM0599,${2000 + i},${i}\n`).join('');
    async function* chunks(): AsyncGenerator<Buffer> {
      const b = Buffer.from(body);
      for (let i = 0; i < b.length; i += 7) yield b.subarray(i, i + 7);
    }
    const gen = streamLongCsv(chunks(), { batchSize: 5 });
    const sizes: number[] = [];
    let r = await gen.next();
    while (!r.done) {
      sizes.push(r.value.length);
      r = await gen.next();
    }
    expect(sizes).toEqual([5, 5, 2]);
    expect(r.value.errorCount).toBe(0);
    expect(r.value.dataRows).toBe(12);
  });

  it('validates JSON rows with rowChecks', () => {
    const row: LongRow = {
      line: 1,
      indicator: 'loneliness',
      subject: 'GM0599',
      period: { label: '2024', start: '2024-01-01', granularity: 'year', provisional: false },
      value: null,
      numerator: null,
      denominator: -3,
      n: null,
      status: 'final',
    };
    const { errors } = validateRows([row], catalogue, { rowChecks: true });
    expect(errors.map((e) => e.column)).toEqual(['denominator', 'value']);
  });
});

describe('long format error codes (translated by the web app)', () => {
  it('gives each row problem a stable code with its params', async () => {
    const { errors } = await parseAndValidate('indicator,subject,period,value,numerator,denominator\nloneliness,GM0599,2024-Q5,1,,\nloneliness,GM0599,2024,abc,,\n');
    expect(errors.map((e) => [e.code, e.params])).toEqual([
      ['import.badPeriod', { value: '2024-Q5' }],
      ['import.notANumber', { column: 'value', value: 'abc' }],
    ]);
  });
});
