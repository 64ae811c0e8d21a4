/**
 * The one CSV writer of the web app (issue 15, report-ready outputs). Every CSV export builds its
 * file here, so every file follows the reader's language:
 * - `nl`: the dialect Dutch Excel opens with a double click — `;` between cells, decimal comma;
 * - `en`: `,` between cells, decimal point.
 * Both start with a UTF-8 byte order mark (without it Excel reads "Súdwest-Fryslân" as mojibake).
 * Numbers are rounded as the page displays them (a column's `digits`), without thousands separators
 * (a spreadsheet would read "1.234" as a decimal in one locale and as 1234 in the other).
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`
 * (CSV injection); numbers are data and are never prefixed.
 */
export type CsvCell = string | number | null | undefined;
export type CsvLang = 'nl' | 'en';

export interface CsvDialect {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export const CSV_DIALECTS: Record<CsvLang, CsvDialect> = {
  nl: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

export const BOM = '\ufeff';

export interface CsvColumn<T> {
  /** The header in the reader's language. */
  header: string;
  value: (row: T) => CsvCell;
  /** Maximum decimals of a number, as displayed on the page (default 1). */
  digits?: number;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A number rounded to at most `digits` decimals, written with the dialect's decimal mark. */
export function csvNumber(value: number, digits: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  const text = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: false }).format(value);
  // Intl writes "-0" for a small negative rounded to zero; a reader expects 0.
  const clean = text === '-0' ? '0' : text;
  return dialect.decimal === '.' ? clean : clean.replace('.', dialect.decimal);
}

export function csvCell(value: CsvCell, dialect: CsvDialect = CSV_DIALECTS.en, digits = 1): string {
  if (value == null) return '';
  let text = typeof value === 'number' ? csvNumber(value, digits, dialect) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(dialect.separator) || /["\n\r]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's text: BOM, header line, one line per row, CRLF line ends (what Excel writes). */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], lang: CsvLang): string {
  const dialect = CSV_DIALECTS[lang];
  const line = (cells: string[]) => cells.join(dialect.separator);
  const header = line(columns.map((c) => csvCell(c.header, dialect)));
  const body = rows.map((r) => line(columns.map((c) => csvCell(c.value(r), dialect, c.digits ?? 1))));
  return BOM + [header, ...body].join('\r\n') + '\r\n';
}
