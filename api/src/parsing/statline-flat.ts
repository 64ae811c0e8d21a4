/** Layouts 'flat-symbols' (A) and 'flat' (B): header row, then one record per row. */
import { CsvRecord, isBlankRecord } from './csv';
import { ErrorList } from './errors';
import { VRow, VTable, clean, isFooter, uniqueHeaders } from './statline-model';

// ---------------------------------------------------------------------------------------------
// Layout readers: records → virtual flat table

export function readFlat(records: CsvRecord[], start: number, errors: ErrorList): VTable {
  const headerRec = records[start];
  const header = uniqueHeaders(headerRec.fields.map(clean));
  const rows: VRow[] = [];
  for (let i = start + 1; i < records.length; i++) {
    const r = records[i];
    if (isBlankRecord(r)) continue;
    if (isFooter(r)) break;
    if (r.fields.length !== header.length) {
      errors.add(r.line, null, `expected ${header.length} fields, found ${r.fields.length}`, 'import.fieldCount', { expected: header.length, found: r.fields.length });
      continue;
    }
    rows.push({ line: r.line, cells: r.fields.map((raw, c) => ({ raw, line: r.line, column: c + 1 })) });
  }
  return { layout: 'flat', title: null, header, headerLine: headerRec.line, leadingDims: null, units: {}, rows };
}
