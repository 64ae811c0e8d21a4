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
 */
import { CsvOptions, CsvRecord, Delimiter, isBlankRecord, readCsvRecords } from './csv';
import { DecoderOptions } from './decode';
import { ErrorList, ImportIssue, ParseError, quote } from './errors';
import { isNumberError, parseNumber } from './numbers';
import { isPeriodError, parsePeriod, Period, periodFromTitle } from '../core/period';

export type StatlineLayout = 'flat-symbols' | 'flat' | 'pivot';

export interface StatlineCell {
  value: number | null;
  /** The field exactly as in the file (padding included). */
  raw: string;
  /** 1-based column in the file. */
  column: number;
  /** 1-based line in the file (differs from the row's line in a transposed pivot table). */
  line: number;
  /** Set when the field is neither a number nor a missing marker. */
  error?: string;
}

export interface StatlineRow {
  /** Line of the row in the file (transposed pivot: the line with the region names). */
  line: number;
  /** Trimmed CBS code ('GM0599', 'WK059901', 'BU0363NL01', 'NL00'); null only with allowMissingAreaCodes. */
  areaCode: string | null;
  areaName: string;
  /** Null when the table has no period column (the caller supplies one, see `titlePeriod`). */
  period: Period | null;
  /** Other dimension columns (Marges, Leeftijd, Geslacht …), values trimmed. */
  dims: Record<string, string>;
  /** Region attributes ("Regioaanduiding/…" columns other than the code), values trimmed. */
  attributes: Record<string, string>;
  /** Measure cells keyed by column header. */
  cells: Record<string, StatlineCell>;
}

export interface StatlineTable {
  layout: StatlineLayout;
  delimiter: Delimiter | null;
  /** Title line of the pivot layout, else null. */
  title: string | null;
  /** A year found in the title (pivot layout), for tables without a period column. */
  titlePeriod: Period | null;
  /** Measure column headers exactly as in the file, trimmed (pivot: the topic labels). */
  columns: string[];
  /** Unit per measure column where the file gives one ("%", "aantal", "km"). */
  units: Record<string, string>;
  periodColumn: string | null;
  areaCodeColumn: string | null;
  areaNameColumn: string | null;
  dimColumns: string[];
  attributeColumns: string[];
  rows: StatlineRow[];
  errors: ImportIssue[];
  errorCount: number;
}

export interface StatlineOptions extends CsvOptions, DecoderOptions {
  /** Maps a region name to a code for tables without codes; return null/undefined if unknown. */
  resolveAreaName?: (name: string) => string | null | undefined;
  /** Accept tables without codes (rows get `areaCode: null`) instead of an error. */
  allowMissingAreaCodes?: boolean;
  /** Treat CBS/PDOK sentinels -99995…-99999 as missing (default false). */
  sentinels?: boolean;
  errors?: ErrorList;
}

/** A CBS area code after trimming. */
export const AREA_CODE = /^(?:NL\d{2}|LD\d{2}|PV\d{2}|CR\d{2}|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/;

const PERIOD_HEADER = /^(perioden|periods?)$/i;
const AREA_NAME_HEADER = /^(wijken[ .]?en[ .]?buurten|regio'?s|regio|regions?|districts and neighbourhoods|gemeenten?|municipalities)$/i;
const ATTRIBUTE_HEADER = /^(regioaanduiding|regional designation)/i;
const CODE_HEADER = /(codering|regiocode|\bcodes\b)/i;
const TOPIC_MARKER = /^(onderwerp|onderwerpen|topics?|subjects?)$/i;
const FOOTER = /^(bron|source)\s*:/i;

interface VCell {
  raw: string;
  line: number;
  column: number;
}
interface VRow {
  line: number;
  cells: VCell[];
}
interface VTable {
  layout: StatlineLayout;
  title: string | null;
  header: string[];
  headerLine: number;
  /** Number of leading dimension columns when the layout says so (pivot), else null. */
  leadingDims: number | null;
  units: Record<string, string>;
  rows: VRow[];
}

const clean = (s: string): string => s.replace(/^\uFEFF/, '').trim();
const hasUnit = (h: string): boolean => /\)$/.test(h) || /\.\.[^.]*\.$/.test(h) || /\.$/.test(h);

function isFooter(r: CsvRecord): boolean {
  const nonEmpty = r.fields.filter((f) => f.trim() !== '');
  return nonEmpty.length === 1 && FOOTER.test(nonEmpty[0].trim());
}

function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} [${n}]`;
  });
}

// ---------------------------------------------------------------------------------------------
// Layout readers: records → virtual flat table

function readFlat(records: CsvRecord[], start: number, errors: ErrorList): VTable {
  const headerRec = records[start];
  const header = uniqueHeaders(headerRec.fields.map(clean));
  const rows: VRow[] = [];
  for (let i = start + 1; i < records.length; i++) {
    const r = records[i];
    if (isBlankRecord(r)) continue;
    if (isFooter(r)) break;
    if (r.fields.length !== header.length) {
      errors.add(r.line, null, `expected ${header.length} fields, found ${r.fields.length}`);
      continue;
    }
    rows.push({ line: r.line, cells: r.fields.map((raw, c) => ({ raw, line: r.line, column: c + 1 })) });
  }
  return { layout: 'flat', title: null, header, headerLine: headerRec.line, leadingDims: null, units: {}, rows };
}

function looksNumericOrMissing(s: string): boolean {
  const t = s.trim();
  return t === '' || !isNumberError(parseNumber(t));
}

function readPivot(records: CsvRecord[], start: number, errors: ErrorList): VTable {
  const title = clean(records[start].fields[0]);
  const rest = records.slice(start + 1).filter((r) => !isBlankRecord(r));
  const oi = rest.findIndex((r, idx) => idx < 12 && r.fields.some((f) => TOPIC_MARKER.test(clean(f))));
  if (oi === -1) {
    throw new ParseError('StatLine table layout: no "Onderwerp" line found in the table head', records[start].line + 1);
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
    if (topicRows.length === 0) throw new ParseError('StatLine table layout: no topic line after "Onderwerp"', onderwerp.line + 1);
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
        errors.add(r.line, null, `expected ${header.length} fields, found ${r.fields.length}`);
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
    throw new ParseError('StatLine table layout with more than one dimension across the columns is not supported; put the regions in the rows or use the flat CSV download', above[1].line);
  }
  let L = -1;
  let colDim = 'Regio';
  if (above.length === 1) {
    L = above[0].fields.findIndex((f) => clean(f) !== '');
    colDim = clean(above[0].fields[L]);
  } else {
    L = onderwerp.fields.findIndex((f, c) => c > 0 && clean(f) !== '');
  }
  if (L < 1) throw new ParseError('StatLine table layout: cannot find where the values start', onderwerp.line);
  if (L > 2 || (L === 2 && clean(onderwerp.fields[1]) !== '')) {
    throw new ParseError('StatLine table layout with more than one dimension down the rows is not supported; use the flat CSV download', onderwerp.line, clean(onderwerp.fields[1] ?? ''));
  }
  const unitCol = L === 2 ? 1 : -1;
  const topicRows: CsvRecord[] = [];
  for (const r of body) {
    if (r.fields.length !== onderwerp.fields.length) {
      errors.add(r.line, null, `expected ${onderwerp.fields.length} fields, found ${r.fields.length}`);
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

// ---------------------------------------------------------------------------------------------
// Virtual table → uniform output

function allAreaCodes(t: VTable, col: number): boolean {
  let seen = 0;
  for (const r of t.rows) {
    const v = r.cells[col].raw.trim();
    if (v === '' || v === '.') continue;
    if (!AREA_CODE.test(v)) return false;
    seen++;
  }
  return seen > 0;
}

function buildTable(t: VTable, delimiter: Delimiter | null, options: StatlineOptions, errors: ErrorList): StatlineTable {
  const h = t.header;
  type Role = 'skip' | 'period' | 'name' | 'dim' | 'attribute' | 'measure';
  const roles: Role[] = [];
  let leading = true;
  h.forEach((name, c) => {
    if (name === '') {
      roles.push('skip'); // R's row-number column, or an unnamed column
      return;
    }
    const isLeading = t.leadingDims !== null ? c < t.leadingDims : leading && !hasUnit(name);
    if (!isLeading) leading = false;
    if (PERIOD_HEADER.test(name)) roles.push('period');
    else if (isLeading && AREA_NAME_HEADER.test(name)) roles.push('name');
    else if (isLeading) roles.push('dim');
    else if (ATTRIBUTE_HEADER.test(name)) roles.push('attribute');
    else roles.push('measure');
  });
  const first = (role: Role): number => roles.indexOf(role);
  let nameCol = first('name');
  const periodCol = first('period');

  // Region codes
  let codeCol = h.findIndex((name, c) => roles[c] !== 'skip' && roles[c] !== 'period' && CODE_HEADER.test(name) && allAreaCodes(t, c));
  if (codeCol === -1) codeCol = h.findIndex((_, c) => (roles[c] === 'name' || roles[c] === 'dim' || roles[c] === 'attribute') && allAreaCodes(t, c));
  if (codeCol !== -1 && roles[codeCol] === 'dim') roles[codeCol] = 'skip';
  if (codeCol !== -1 && roles[codeCol] !== 'name') roles[codeCol] = 'skip';
  if (nameCol === -1 && codeCol !== -1) nameCol = codeCol;

  const columns = h.filter((_, c) => roles[c] === 'measure');
  const dimColumns = h.filter((_, c) => roles[c] === 'dim');
  const attributeColumns = h.filter((_, c) => roles[c] === 'attribute');
  const units: Record<string, string> = {};
  for (const col of columns) if (t.units[col]) units[col] = t.units[col];

  let layout = t.layout;
  if (layout === 'flat') {
    const sample = t.rows.slice(0, 200);
    const padded = sample.some((r) => r.cells.some((cell, c) => roles[c] === 'measure' && /^ +\S/.test(cell.raw)));
    if (padded) layout = 'flat-symbols';
  }

  const table: StatlineTable = {
    layout,
    delimiter,
    title: t.title,
    titlePeriod: t.title ? periodFromTitle(t.title) : null,
    columns,
    units,
    periodColumn: periodCol === -1 ? null : h[periodCol],
    areaCodeColumn: codeCol === -1 ? null : h[codeCol],
    areaNameColumn: nameCol === -1 ? null : h[nameCol],
    dimColumns,
    attributeColumns,
    rows: [],
    errors: [],
    errorCount: 0,
  };

  if (codeCol === -1 && !options.resolveAreaName && !options.allowMissingAreaCodes) {
    const where = nameCol === -1 ? 'no region column' : `column ${quote(h[nameCol])} has region names only`;
    errors.add(
      t.headerLine,
      nameCol === -1 ? null : h[nameCol],
      `this StatLine table has no area codes (${where}); download it again with the topic "Regioaanduiding/Codering (code)" selected, or use the flat CSV download with codes`,
    );
    return table;
  }

  const sentinels = options.sentinels ?? false;
  for (const r of t.rows) {
    const cells = r.cells;
    const areaName = nameCol === -1 ? '' : cells[nameCol].raw.trim();
    let areaCode: string | null = null;
    if (codeCol !== -1) {
      areaCode = cells[codeCol].raw.trim();
      if (areaCode === '' || areaCode === '.') {
        errors.add(cells[codeCol].line, h[codeCol], `missing area code${areaName ? ` for ${quote(areaName)}` : ''}`);
        continue;
      }
    } else if (options.resolveAreaName) {
      const code = options.resolveAreaName(areaName);
      if (!code) {
        errors.add(nameCol === -1 ? r.line : cells[nameCol].line, nameCol === -1 ? null : h[nameCol], `unknown area name ${quote(areaName)}`);
        continue;
      }
      areaCode = code;
    }
    let period: Period | null = null;
    if (periodCol !== -1) {
      const p = parsePeriod(cells[periodCol].raw);
      if (isPeriodError(p)) {
        errors.add(cells[periodCol].line, h[periodCol], p.error);
        continue;
      }
      period = p;
    }
    const dims: Record<string, string> = {};
    const attributes: Record<string, string> = {};
    const out: Record<string, StatlineCell> = {};
    for (let c = 0; c < h.length; c++) {
      const role = roles[c];
      const cell = cells[c];
      if (role === 'dim') dims[h[c]] = cell.raw.trim();
      else if (role === 'attribute') attributes[h[c]] = cell.raw.trim();
      else if (role === 'measure') {
        const n = parseNumber(cell.raw, { sentinels });
        out[h[c]] = isNumberError(n)
          ? { value: null, raw: cell.raw, column: cell.column, line: cell.line, error: n.error }
          : { value: n.value, raw: cell.raw, column: cell.column, line: cell.line };
      }
    }
    table.rows.push({ line: r.line, areaCode, areaName, period, dims, attributes, cells: out });
  }
  return table;
}

function emptyTable(delimiter: Delimiter | null): StatlineTable {
  return {
    layout: 'flat',
    delimiter,
    title: null,
    titlePeriod: null,
    columns: [],
    units: {},
    periodColumn: null,
    areaCodeColumn: null,
    areaNameColumn: null,
    dimColumns: [],
    attributeColumns: [],
    rows: [],
    errors: [],
    errorCount: 0,
  };
}

/** Parses StatLine records (already tokenised). */
export function parseStatlineRecords(records: CsvRecord[], delimiter: Delimiter | null, options: StatlineOptions = {}): StatlineTable {
  const errors = options.errors ?? new ErrorList();
  let table: StatlineTable;
  try {
    const start = records.findIndex((r) => !isBlankRecord(r));
    if (start === -1) {
      errors.add(1, null, 'file is empty');
      table = emptyTable(delimiter);
    } else {
      const firstFields = records[start].fields.filter((f) => f.trim() !== '');
      const next = records[start + 1];
      const pivot = records[start].fields.length === 1 && firstFields.length === 1 && (!next || isBlankRecord(next));
      const v = pivot ? readPivot(records, start, errors) : readFlat(records, start, errors);
      table = buildTable(v, delimiter, options, errors);
      if (v.rows.length === 0 && errors.total === 0) errors.add(records[start].line + 1, null, 'the table has no data rows');
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    errors.add(e.line, e.column, e.message);
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
    errors.add(e.line, e.column, e.message);
    const t = emptyTable(null);
    t.errors = errors.sorted();
    t.errorCount = errors.total;
    return t;
  }
  return parseStatlineRecords(records, delimiter, options);
}

// ---------------------------------------------------------------------------------------------
// Dimension helpers

const TOTAL_VALUES = new Set([
  'waarde',
  'value',
  'mannen en vrouwen',
  'men and women',
  'male and female',
  'alle leeftijden',
  'all ages',
  'alle personen',
  'all persons',
  'totaal',
  'total',
]);

/**
 * Whether a dimension value is the "whole population" value a dashboard keeps.
 *
 * Rule:
 * 1. Marges/Margins: only "Waarde"/"Value" (not the lower/upper bounds of the interval).
 * 2. A value starting with "Totaal"/"Total" ("Totaal mannen en vrouwen", "Total persons"), or one of
 *    "Mannen en vrouwen", "Alle leeftijden", "Alle personen" (and English equivalents).
 * 3. Otherwise, when `valuesInFile` is given and this is the only value of the dimension in the
 *    file (e.g. Leeftijd "18 jaar of ouder" in the Gezondheidsmonitor table), it is the total the
 *    table offers.
 * Everything else (e.g. "Mannen", "0 tot 15 jaar") is a breakdown, not a total.
 */
export function isTotalDimensionValue(dim: string, value: string, valuesInFile?: readonly string[]): boolean {
  const d = dim.trim().toLowerCase();
  const v = value.trim().toLowerCase();
  if (d === 'marges' || d === 'margins' || d === 'marge') return v === 'waarde' || v === 'value';
  if (v.startsWith('totaal') || v.startsWith('total ') || TOTAL_VALUES.has(v)) return true;
  if (valuesInFile) {
    const distinct = new Set(valuesInFile.map((x) => x.trim().toLowerCase()));
    return distinct.size === 1 && distinct.has(v);
  }
  return false;
}

/** Distinct values per dimension column, in order of appearance. */
export function dimensionValues(table: StatlineTable): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of table.dimColumns) {
    const seen = new Set<string>();
    for (const r of table.rows) seen.add(r.dims[d]);
    out[d] = [...seen];
  }
  return out;
}

/** The rows whose every dimension value is a total (see `isTotalDimensionValue`). */
export function totalRows(table: StatlineTable): StatlineRow[] {
  const values = dimensionValues(table);
  return table.rows.filter((r) => table.dimColumns.every((d) => isTotalDimensionValue(d, r.dims[d], values[d])));
}
