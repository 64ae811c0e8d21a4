import { decodeText, ParseError, parseCsv, isBlankRecord } from './index';
import { UnprocessableError } from '../common/errors';

/**
 * A small CSV with named columns (areas, units): decoded and tokenised by the import parsers,
 * header checked. Throws 422 with line/column for bad input.
 */
export function readNamedCsv(bytes: Uint8Array, required: readonly string[], optional: readonly string[] = []): { line: number; values: Record<string, string> }[] {
  let records;
  try {
    records = parseCsv(decodeText(bytes), { delimiter: 'auto' }).records.filter((r) => !isBlankRecord(r));
  } catch (e) {
    if (e instanceof ParseError) throw new UnprocessableError(e.message, [e.toIssue()], { rowsAccepted: 0, errorCount: 1 });
    throw e;
  }
  const fail = (line: number, column: string | null, message: string): never => {
    throw new UnprocessableError(message, [{ line, column, message }], { rowsAccepted: 0, errorCount: 1 });
  };
  if (records.length === 0) fail(1, null, `file is empty: expected a header line ${required.join(',')}`);
  const header = records[0].fields.map((f) => f.trim().toLowerCase());
  const allowed = [...required, ...optional];
  for (const h of header) if (!allowed.includes(h)) fail(records[0].line, h, `unknown column "${h}"; expected ${required.join(',')}`);
  for (const r of required) if (!header.includes(r)) fail(records[0].line, r, `missing required column "${r}"`);
  if (records.length === 1) fail(2, null, 'the file has a header but no data rows');
  const errors: { line: number; column: string | null; message: string }[] = [];
  const rows: { line: number; values: Record<string, string> }[] = [];
  for (const rec of records.slice(1)) {
    if (rec.fields.length !== header.length) {
      errors.push({ line: rec.line, column: null, message: `expected ${header.length} fields, found ${rec.fields.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = rec.fields[i].trim()));
    rows.push({ line: rec.line, values });
  }
  if (errors.length) {
    throw new UnprocessableError(`${errors.length} invalid rows; nothing was written`, errors.slice(0, 100), { rowsAccepted: 0, errorCount: errors.length });
  }
  return rows;
}
