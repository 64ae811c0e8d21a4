/**
 * CSV helpers for the seed loaders; reading goes through the product's own tokenizer.
 *
 * - `parseDelimited` reads quoted fields (with `""` escapes and delimiters or line breaks inside quotes),
 *   CRLF or LF line endings, and strips a leading UTF-8 BOM. It does no type conversion and no trimming.
 * - `toCsv` writes comma-separated text with LF line endings, quoting only fields that need it.
 */
import { isBlankRecord, parseCsv, type Delimiter } from '../parsing/csv';

/** Parses delimited text into rows of raw string fields, with the product's CSV tokenizer. Blank lines are skipped. */
export function parseDelimited(text: string, delimiter: Delimiter = ','): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseCsv(src, { delimiter }).records.filter((r) => !isBlankRecord(r)).map((r) => r.fields);
}

/** Formats one CSV field: quoted when it contains a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? formatNumber(value) : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Plain decimal notation (never exponent notation), at most 6 decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`CSV: cannot write non-finite number ${n}`);
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/** Writes rows (header first) as CSV text with LF line endings and a final newline. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return lines.join('\n') + '\n';
}
