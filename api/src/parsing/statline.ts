/**
 * CBS StatLine CSV downloads, unmodified, in their real layouts (see data/real/README.md):
 *
 * - 'flat-symbols' (A): "CSV met statistische symbolen": BOM, CRLF, `;`, every field quoted,
 *   numbers padded inside the quotes with a decimal point, `.` missing, `*` provisional period,
 *   codes padded to 10 or 20 characters.
 * - 'flat' (B): the newer download: numbers unquoted with a decimal comma, empty = missing.
 *   Also the English export (`,`-separated, footer "Source: CBS.") and R-re-written files
 *   (mangled headers `Regioaanduiding.Codering..code.`, a nameless row-number column, `NA`).
 * - 'pivot' (C): the on-screen table: title line, blank line, `"";"Onderwerp"`, topics joined
 *   with `|`, a unit row or unit column, decimal comma, footer "Bron: CBS". Regions as rows or
 *   as columns (transposed).
 *
 * Output is one uniform table: one row per region (× period × other dimension values), with the
 * measure cells keyed by their column header exactly as in the file (trimmed).
 *
 * Column roles (flat layouts): StatLine writes dimension columns first, without a unit
 * ("Leeftijd", "Marges", "Perioden", "Wijken en buurten", "Regio's"); topics follow and end with a
 * unit in parentheses ("Roker (%)"). So: leading columns without a unit are dimensions; of those,
 * "Perioden"/"Periods" is the period and "Wijken en buurten"/"Regio's"/"Districts and
 * neighbourhoods" the region name. Topics starting with "Regioaanduiding"/"Regional designation"
 * are region attributes (name of the gemeente, soort regio, codes). The region-code column is the
 * column whose header says "Codering"/"Regiocode"/"Codes" and whose every value is a CBS area code
 * (`NL00`, `GM0599`, `WK059901`, `WK0363AA`, `BU0363NL01`…); failing that, any dimension or
 * attribute column whose every value is such a code. Tables with region names only (no code
 * column) are refused with a clear error unless the caller resolves names (`resolveAreaName`)
 * or accepts rows without codes (`allowMissingAreaCodes`).
 *
 * Never throws for bad input: problems come back in `errors` (the first 100, with `errorCount`).
 *
 * This file reads the records and dispatches on the layout: statline-flat.ts (A, B), statline-pivot.ts (C);
 * statline-table.ts turns either into the uniform table; statline-dimensions.ts holds the totals helpers.
 */
import { CsvRecord, Delimiter, isBlankRecord, readCsvRecords } from './csv';
import { ErrorList, ParseError } from './errors';
import { readFlat } from './statline-flat';
import { StatlineOptions, StatlineTable } from './statline-model';
import { readPivot } from './statline-pivot';
import { buildTable, emptyTable } from './statline-table';

export { AREA_CODE } from './statline-model';
export type { StatlineCell, StatlineLayout, StatlineOptions, StatlineRow, StatlineTable } from './statline-model';
export { dimensionValues, isTotalDimensionValue, totalRows } from './statline-dimensions';

/** Parses StatLine records (already tokenised). */
export function parseStatlineRecords(records: CsvRecord[], delimiter: Delimiter | null, options: StatlineOptions = {}): StatlineTable {
  const errors = options.errors ?? new ErrorList();
  let table: StatlineTable;
  try {
    const start = records.findIndex((r) => !isBlankRecord(r));
    if (start === -1) {
      errors.add(1, null, 'file is empty', 'import.statline.emptyFile');
      table = emptyTable(delimiter);
    } else {
      const firstFields = records[start].fields.filter((f) => f.trim() !== '');
      const next = records[start + 1];
      const pivot = records[start].fields.length === 1 && firstFields.length === 1 && (!next || isBlankRecord(next));
      const v = pivot ? readPivot(records, start, errors) : readFlat(records, start, errors);
      table = buildTable(v, delimiter, options, errors);
      if (v.rows.length === 0 && errors.total === 0) errors.add(records[start].line + 1, null, 'the table has no data rows', 'import.noRows');
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    errors.addIssue(e.toIssue());
    table = emptyTable(delimiter);
  }
  table.errors = errors.sorted();
  table.errorCount = errors.total;
  return table;
}

/**
 * Parses a StatLine CSV download from bytes/text (a request body stream, a Buffer or a string).
 * The table is held in memory (StatLine downloads are bounded); decoding and tokenising stream.
 */
export async function parseStatline(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | string | Uint8Array,
  options: StatlineOptions = {},
): Promise<StatlineTable> {
  const src = typeof source === 'string' || source instanceof Uint8Array ? [source] : source;
  const records: CsvRecord[] = [];
  const gen = readCsvRecords(src, { ...options, delimiter: options.delimiter ?? 'auto' });
  let delimiter: Delimiter | null = null;
  try {
    for (;;) {
      const r = await gen.next();
      if (r.done) {
        delimiter = r.value;
        break;
      }
      for (const rec of r.value) records.push(rec);
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const errors = options.errors ?? new ErrorList();
    errors.addIssue(e.toIssue());
    const t = emptyTable(null);
    t.errors = errors.sorted();
    t.errorCount = errors.total;
    return t;
  }
  return parseStatlineRecords(records, delimiter, options);
}
