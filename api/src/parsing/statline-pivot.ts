/** Layout 'pivot' (C): the on-screen table (title, topics joined with `|`, unit row or column, regions as rows or columns). */
import { CsvRecord, isBlankRecord } from './csv';
import { ErrorList, ParseError } from './errors';
import { isNumberError, parseNumber } from './numbers';
import { TOPIC_MARKER, VRow, VTable, clean, isFooter, uniqueHeaders } from './statline-model';

function looksNumericOrMissing(s: string): boolean {
  const t = s.trim();
  return t === '' || !isNumberError(parseNumber(t));
}

export function readPivot(records: CsvRecord[], start: number, errors: ErrorList): VTable {
  const title = clean(records[start].fields[0]);
  const rest = records.slice(start + 1).filter((r) => !isBlankRecord(r));
  const oi = rest.findIndex((r, idx) => idx < 12 && r.fields.some((f) => TOPIC_MARKER.test(clean(f))));
  if (oi === -1) {
    throw new ParseError('StatLine table layout: no "Onderwerp" line found in the table head', records[start].line + 1, null, 'import.statline.noOnderwerp');
  }
  const onderwerp = rest[oi];
  const k = onderwerp.fields.findIndex((f) => TOPIC_MARKER.test(clean(f)));
  const body: CsvRecord[] = [];
  for (let i = oi + 1; i < rest.length; i++) {
    if (isFooter(rest[i])) break;
    body.push(rest[i]);
  }
  const units: Record<string, string> = {};

  if (k > 0) {
    // Topics across the columns, regions (and other dimensions) down the rows.
    const topicRows: CsvRecord[] = [];
    let i = 0;
    while (i < body.length && clean(body[i].fields[0] ?? '') === '') topicRows.push(body[i++]);
    if (topicRows.length === 0) throw new ParseError('StatLine table layout: no topic line after "Onderwerp"', onderwerp.line + 1, null, 'import.statline.noTopic');
    const width = Math.max(...topicRows.map((r) => r.fields.length));
    const topics: string[] = [];
    for (let c = k; c < width; c++) {
      const parts: string[] = [];
      for (const tr of topicRows) {
        let v = clean(tr.fields[c] ?? '');
        // merged cells of upper levels: take the value to the left
        for (let cc = c - 1; v === '' && cc >= k && tr !== topicRows[topicRows.length - 1]; cc--) v = clean(tr.fields[cc] ?? '');
        if (v !== '') parts.push(v);
      }
      topics.push(parts.join('|'));
    }
    let dimNames = Array.from({ length: k }, (_, d) => `Dimensie ${d + 1}`);
    let unitRow: string[] | null = null;
    const cand = body[i];
    if (cand && cand.fields.slice(k).some((f) => f.trim() !== '') && cand.fields.slice(k).every((f) => !looksNumericOrMissing(f) || f.trim() === '')) {
      dimNames = cand.fields.slice(0, k).map((f, d) => clean(f) || `Dimensie ${d + 1}`);
      unitRow = cand.fields.slice(k).map(clean);
      i++;
    }
    const header = uniqueHeaders([...dimNames, ...topics]);
    if (unitRow) {
      for (let t = 0; t < topics.length; t++) if (unitRow[t]) units[header[k + t]] = unitRow[t];
    }
    const rows: VRow[] = [];
    const fill: string[] = new Array<string>(k).fill('');
    for (; i < body.length; i++) {
      const r = body[i];
      if (r.fields.length !== header.length) {
        errors.add(r.line, null, `expected ${header.length} fields, found ${r.fields.length}`, 'import.fieldCount', { expected: header.length, found: r.fields.length });
        continue;
      }
      const cells = r.fields.map((raw, c) => {
        if (c < k) {
          if (clean(raw) === '') raw = fill[c]; // merged cell: value of the row above
          else fill[c] = raw;
        }
        return { raw, line: r.line, column: c + 1 };
      });
      rows.push({ line: r.line, cells });
    }
    return { layout: 'pivot', title, header, headerLine: onderwerp.line, leadingDims: k, units, rows };
  }

  // Topics down the rows, regions across the columns (transposed).
  const above = rest.slice(0, oi).filter((r) => r.fields.some((f) => clean(f) !== ''));
  if (above.length > 1) {
    throw new ParseError('StatLine table layout with more than one dimension across the columns is not supported; put the regions in the rows or use the flat CSV download', above[1].line, null, 'import.statline.columnDimensions');
  }
  let L = -1;
  let colDim = 'Regio';
  if (above.length === 1) {
    L = above[0].fields.findIndex((f) => clean(f) !== '');
    colDim = clean(above[0].fields[L]);
  } else {
    L = onderwerp.fields.findIndex((f, c) => c > 0 && clean(f) !== '');
  }
  if (L < 1) throw new ParseError('StatLine table layout: cannot find where the values start', onderwerp.line, null, 'import.statline.noValues');
  if (L > 2 || (L === 2 && clean(onderwerp.fields[1]) !== '')) {
    throw new ParseError('StatLine table layout with more than one dimension down the rows is not supported; use the flat CSV download', onderwerp.line, clean(onderwerp.fields[1] ?? ''), 'import.statline.rowDimensions');
  }
  const unitCol = L === 2 ? 1 : -1;
  const topicRows: CsvRecord[] = [];
  for (const r of body) {
    if (r.fields.length !== onderwerp.fields.length) {
      errors.add(r.line, null, `expected ${onderwerp.fields.length} fields, found ${r.fields.length}`, 'import.fieldCount', { expected: onderwerp.fields.length, found: r.fields.length });
      continue;
    }
    topicRows.push(r);
  }
  const header = uniqueHeaders([colDim, ...topicRows.map((r) => clean(r.fields[0]))]);
  topicRows.forEach((r, t) => {
    if (unitCol > 0 && clean(r.fields[unitCol])) units[header[t + 1]] = clean(r.fields[unitCol]);
  });
  const rows: VRow[] = [];
  for (let c = L; c < onderwerp.fields.length; c++) {
    rows.push({
      line: onderwerp.line,
      cells: [
        { raw: onderwerp.fields[c], line: onderwerp.line, column: c + 1 },
        ...topicRows.map((r) => ({ raw: r.fields[c], line: r.line, column: c + 1 })),
      ],
    });
  }
  return { layout: 'pivot', title, header, headerLine: onderwerp.line, leadingDims: 1, units, rows };
}
