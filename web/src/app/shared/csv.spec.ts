import { BOM, CSV_DIALECTS, csvCell, csvNumber, toCsv, type CsvColumn } from './csv';
import { fileName } from './download';

const NL = CSV_DIALECTS.nl;
const EN = CSV_DIALECTS.en;

describe('CSV cells', () => {
  it.each([
    ['a formula', '=HYPERLINK("http://x")', EN, `"'=HYPERLINK(""http://x"")"`],
    ['a phone number', '+31 6', EN, "'+31 6"],
    ['a dash command', '-cmd', EN, "'-cmd"],
    ['an @ function', '@SUM(A1)', EN, "'@SUM(A1)"],
    ['a leading tab', '\tx', EN, "'\tx"],
    ['plain text', 'Centrum', NL, 'Centrum'],
    ['a name with a quote', "'s-Gravenhage", NL, "'s-Gravenhage"],
    ['a comma under `,`', 'a,b', EN, '"a,b"'],
    ['a comma under `;`', 'a,b', NL, 'a,b'],
    ['a semicolon under `;`', 'a;b', NL, '"a;b"'],
    ['a semicolon under `,`', 'a;b', EN, 'a;b'],
    ['quotes', 'zeg "hoi"', NL, '"zeg ""hoi"""'],
    ['a newline', 'a\nb', EN, '"a\nb"'],
    ['null', null, NL, ''],
    ['undefined', undefined, EN, ''],
  ])('%s', (_name, value, dialect, expected) => {
    expect(csvCell(value, dialect)).toBe(expected);
  });
});

describe('CSV numbers are rounded as displayed, in the reader’s decimal mark', () => {
  it.each([
    [12.345, 1, NL, '12,3'],
    [12.345, 1, EN, '12.3'],
    [12.35, 2, NL, '12,35'],
    [12, 1, NL, '12'],
    [-3.5, 1, NL, '-3,5'],
    [-3.5, 1, EN, '-3.5'],
    [-0.04, 1, EN, '0'],
    [1234567.891, 1, NL, '1234567,9'],
    [1234567.891, 0, EN, '1234568'],
    [Number.NaN, 1, NL, ''],
    [Number.POSITIVE_INFINITY, 1, EN, ''],
  ])('%p with %p digits', (value, digits, dialect, expected) => {
    expect(csvNumber(value, digits, dialect)).toBe(expected);
    // A number is data, never a formula: no quote prefix, and a decimal comma needs no quoting under `;`.
    expect(csvCell(value, dialect, digits)).toBe(expected);
  });
});

describe('CSV files', () => {
  interface Row {
    name: string;
    value: number | null;
    n: number;
  }
  const columns = (lang: 'nl' | 'en'): CsvColumn<Row>[] => [
    { header: lang === 'nl' ? 'Gebied' : 'Area', value: (r) => r.name },
    { header: lang === 'nl' ? 'Waarde (%)' : 'Value (%)', value: (r) => r.value, digits: 1 },
    { header: lang === 'nl' ? 'Noemer' : 'Denominator', value: (r) => r.n, digits: 0 },
  ];
  const rows: Row[] = [
    { name: 'Súdwest-Fryslân, Noord', value: 7.25, n: 1204 },
    { name: '=1+1', value: null, n: 8 },
  ];

  it.each([
    ['nl', `${BOM}Gebied;Waarde (%);Noemer\r\nSúdwest-Fryslân, Noord;7,3;1204\r\n'=1+1;;8\r\n`],
    ['en', `${BOM}Area,Value (%),Denominator\r\n"Súdwest-Fryslân, Noord",7.3,1204\r\n'=1+1,,8\r\n`],
  ] as const)('%s dialect', (lang, expected) => {
    expect(toCsv(columns(lang), rows, lang)).toBe(expected);
  });

  it('starts with the UTF-8 byte order mark once encoded', () => {
    const bytes = new TextEncoder().encode(toCsv(columns('nl'), rows, 'nl'));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('makes safe file names', () => {
    expect(fileName('debt-signals', "'s-Gravenhage", '2024 Q1')).toBe('debt-signals-s-gravenhage-2024-q1');
  });
});
