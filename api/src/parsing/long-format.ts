/**
 * The contract's long CSV:
 *   indicator,subject,period,value,numerator,denominator[,n][,status]
 * Header names are case-insensitive and in any order; `,` `;` or tab (auto-detected).
 * Required: indicator, subject, period, and at least one of value / numerator.
 * `denominator`, `n` and `status` are optional; empty cell = absent.
 *
 * Parsing checks syntax (header, field count, periods, numbers, and the pure per-row checks:
 * negative counts, neither value nor numerator). `validateRows` checks against the catalogue
 * (unknown indicator/subject, numerator > denominator for proportions, a key twice in a file).
 * All errors are collected; the first 100 are kept with the total count.
 */
import type { Measure, ObservationStatus, SubjectKind } from 'contracts';
import { CsvOptions, CsvRecord, Delimiter, isBlankRecord, readCsvRecords } from './csv';
import { DecoderOptions } from './decode';
import { ErrorList, ImportIssue, MAX_REPORTED_ERRORS, ParseError, quote } from './errors';
import { isNumberError, parseNumber } from './numbers';
import { isPeriodError, parsePeriod, Period, PeriodError } from '../core/period';
import { KeyIndex } from './key-index';

export const LONG_REQUIRED = ['indicator', 'subject', 'period'] as const;
export const LONG_COLUMNS = ['indicator', 'subject', 'period', 'value', 'numerator', 'denominator', 'n', 'status'] as const;
export type LongColumn = (typeof LONG_COLUMNS)[number];

export interface LongRow {
  /** 1-based line in the file (the JSON array index + 1 for JSON batches). */
  line: number;
  indicator: string;
  subject: string;
  period: Period;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
  /** `provisional` when the status column says so or the period has StatLine's `*`. */
  status: ObservationStatus;
}

export interface LongParseResult {
  rows: LongRow[];
  /** The first 100 errors, sorted by line. */
  errors: ImportIssue[];
  /** Total number of errors (may exceed errors.length). */
  errorCount: number;
  /** Data rows read (valid or not, blank lines excluded). */
  dataRows: number;
  delimiter: Delimiter | null;
}

export interface LongParseOptions extends CsvOptions, DecoderOptions {
  /** Shared error list (e.g. to add catalogue errors later). */
  errors?: ErrorList;
  /** Rows per yielded batch in `streamLongCsv` (default 5000). */
  batchSize?: number;
  /**
   * The period the uploader gave (`?period=`): the period of every row of a file without a `period`
   * column. A file with its own period column keeps its periods; a row whose period differs from
   * the given one is refused (`import.periodConflict`), as a silent choice would file figures
   * under the wrong year.
   */
  period?: Period | null;
}

/** The given period while a file is read: reported once per file when rows disagree with it. */
interface GivenPeriod {
  period: Period;
  conflicts: number;
}

type ColumnIndex = Partial<Record<LongColumn, number>>;

const STATUS: Record<string, ObservationStatus> = {
  final: 'final',
  definitief: 'final',
  provisional: 'provisional',
  voorlopig: 'provisional',
};

/** Reads the header record. Adds errors (line 1) and returns null when it is unusable. */
export function readLongHeader(record: CsvRecord | undefined, errors: ErrorList, periodGiven = false): ColumnIndex | null {
  if (!record || isBlankRecord(record)) {
    errors.add(record?.line ?? 1, null, 'file is empty: expected a header line indicator,subject,period,value,numerator,denominator', 'import.emptyFile');
    return null;
  }
  const line = record.line;
  const index: ColumnIndex = {};
  const before = errors.total;
  const names = record.fields.map((f) => f.replace(/^\uFEFF/, '').trim());
  if (names.length === 1 && /[|:^~\s]/.test(names[0]) && !LONG_COLUMNS.includes(names[0].toLowerCase() as LongColumn)) {
    errors.add(line, names[0], `the header has a single column ${quote(names[0], 60)}: wrong delimiter? Separate columns with ',' (or ';' or tab)`, 'import.wrongDelimiter');
    return null;
  }
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    if (name === '') {
      errors.add(line, `column ${i + 1}`, `column ${i + 1} has no name`, 'import.columnNoName', { n: i + 1 });
    } else if (!(LONG_COLUMNS as readonly string[]).includes(key)) {
      errors.add(line, name, `unknown column ${quote(name)}; expected ${LONG_COLUMNS.slice(0, 6).join(',')} (optional: n, status)`, 'import.unknownColumn', { column: name });
    } else if (index[key as LongColumn] !== undefined) {
      errors.add(line, name, `column ${quote(name)} appears twice`, 'import.columnTwice', { column: name });
    } else {
      index[key as LongColumn] = i;
    }
  });
  for (const req of LONG_REQUIRED) {
    if (req === 'period' && periodGiven) continue;
    if (index[req] === undefined) errors.add(line, req, `missing required column ${quote(req)}`, 'import.missingColumn', { column: req });
  }
  if (index.value === undefined && index.numerator === undefined) {
    errors.add(line, 'value', 'missing column "value" (or "numerator" with "denominator")', 'import.missingValueColumn');
  }
  return errors.total > before ? null : index;
}

/** Pure per-row checks that need no catalogue (also used for JSON rows). */
export function checkRow(row: LongRow, errors: ErrorList): boolean {
  const before = errors.total;
  for (const col of ['numerator', 'denominator', 'n'] as const) {
    const v = row[col];
    if (v !== null && v < 0) errors.add(row.line, col, `${col} must not be negative (${v})`, 'import.negative', { column: col, value: v });
  }
  if (row.value === null && row.numerator === null) {
    errors.add(row.line, 'value', 'needs a value or a numerator (both are empty)', 'import.noValue');
  }
  return errors.total === before;
}

// Files repeat a few dozen periods a million times: parse each distinct text once.
const periodCache = new Map<string, Period | PeriodError>();
function cachedPeriod(raw: string): Period | PeriodError {
  let p = periodCache.get(raw);
  if (p === undefined) {
    p = Object.freeze(parsePeriod(raw));
    if (periodCache.size > 10_000) periodCache.clear();
    periodCache.set(raw, p);
  }
  return p;
}

/** Parses one data record; returns null (and adds errors) when invalid. */
export function readLongRow(record: CsvRecord, index: ColumnIndex, width: number, errors: ErrorList, given?: GivenPeriod): LongRow | null {
  const f = record.fields;
  const line = record.line;
  if (f.length !== width) {
    errors.add(line, null, `expected ${width} fields, found ${f.length}`, 'import.fieldCount', { expected: width, found: f.length });
    return null;
  }
  const before = errors.total;
  const text = (col: LongColumn): string => {
    const i = index[col];
    return i === undefined ? '' : f[i].trim();
  };
  const indicator = text('indicator');
  const subject = text('subject');
  if (indicator === '') errors.add(line, 'indicator', 'indicator is empty', 'import.empty', { column: 'indicator' });
  if (subject === '') errors.add(line, 'subject', 'subject is empty', 'import.empty', { column: 'subject' });
  const p = given && index.period === undefined ? given.period : cachedPeriod(text('period'));
  if (isPeriodError(p)) errors.add(line, 'period', p.error, 'import.badPeriod', { value: text('period') });
  else if (given && p.label !== given.period.label) {
    if (given.conflicts++ === 0) {
      errors.add(line, 'period', `the file's period ${p.label} differs from the period given (${given.period.label}): leave the period empty for a file with its own periods`, 'import.periodConflict', { value: p.label, period: given.period.label });
    }
    return null;
  }
  const num = (col: 'value' | 'numerator' | 'denominator' | 'n'): number | null => {
    const i = index[col];
    if (i === undefined) return null;
    const r = parseNumber(f[i]);
    if (isNumberError(r)) {
      errors.add(line, col, `${col}: ${r.error}`, 'import.notANumber', { column: col, value: f[i].trim().slice(0, 40) });
      return null;
    }
    return r.value;
  };
  const value = num('value');
  const numerator = num('numerator');
  const denominator = num('denominator');
  const n = num('n');
  let status: ObservationStatus = 'final';
  const st = text('status').toLowerCase();
  if (st !== '') {
    const s = STATUS[st];
    if (!s) errors.add(line, 'status', `status ${quote(st)} is not final or provisional`, 'import.badStatus', { value: st.slice(0, 40) });
    else status = s;
  }
  if (errors.total > before || isPeriodError(p)) return null;
  if (p.provisional) status = 'provisional';
  const row: LongRow = { line, indicator, subject, period: p, value, numerator, denominator, n, status };
  return checkRow(row, errors) ? row : null;
}

/**
 * Streams a long CSV: yields batches of valid rows; returns the summary (errors included).
 * Never throws for bad input: fatal problems (not text, line too long) become errors.
 * A batch is all-or-nothing, so the caller stages the rows and commits only if errorCount is 0.
 */
export async function* streamLongCsv(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: LongParseOptions = {},
): AsyncGenerator<LongRow[], LongParseResult, undefined> {
  const errors = options.errors ?? new ErrorList(MAX_REPORTED_ERRORS);
  const batchSize = options.batchSize ?? 5000;
  let index: ColumnIndex | null = null;
  let headerSeen = false;
  let width = 0;
  let dataRows = 0;
  let delimiter: Delimiter | null = null;
  let batch: LongRow[] = [];
  const given: GivenPeriod | undefined = options.period ? { period: options.period, conflicts: 0 } : undefined;
  const records = readCsvRecords(source, options);
  try {
    for (;;) {
      const next = await records.next();
      if (next.done) {
        delimiter = next.value;
        break;
      }
      for (const rec of next.value) {
        if (!headerSeen) {
          if (isBlankRecord(rec)) continue;
          headerSeen = true;
          index = readLongHeader(rec, errors, !!given);
          width = rec.fields.length;
          if (!index) break;
          continue;
        }
        if (!index) break;
        if (isBlankRecord(rec)) continue;
        dataRows++;
        const row = readLongRow(rec, index, width, errors, given);
        if (row) {
          batch.push(row);
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
      }
      if (headerSeen && !index) break; // bad header: stop reading
    }
  } catch (e) {
    if (e instanceof ParseError) errors.addIssue(e.toIssue());
    else throw e;
  } finally {
    await records.return(',');
  }
  if (!headerSeen && errors.total === 0) readLongHeader(undefined, errors);
  else if (index && dataRows === 0 && errors.total === 0) errors.add(2, null, 'the file has a header but no data rows', 'import.noRows');
  if (batch.length) yield batch;
  return { rows: [], errors: errors.sorted(), errorCount: errors.total, dataRows, delimiter };
}

/** Reads a whole long CSV into memory (fine for uploads up to some 100k rows; stream beyond). */
export async function parseLongCsv(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | string | Uint8Array,
  options: LongParseOptions = {},
): Promise<LongParseResult> {
  const src = typeof source === 'string' || source instanceof Uint8Array ? [source] : source;
  const gen = streamLongCsv(src, options);
  const rows: LongRow[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { ...r.value, rows };
    for (const row of r.value) rows.push(row);
  }
}

// ---------------------------------------------------------------------------------------------
// Catalogue validation

export interface IndicatorRule {
  measure: Measure;
  subjectKind: SubjectKind;
}

export interface Catalogue {
  /** Indicator code → rule. */
  indicators: ReadonlyMap<string, IndicatorRule> | Readonly<Record<string, IndicatorRule>>;
  /** Whether an area (kind 'area') or unit (kind 'unit') with this code exists. */
  subjectExists(code: string, kind: SubjectKind): boolean;
}

export interface ValidateOptions {
  /** Also run `checkRow` (set for JSON rows that did not come through the CSV parser). */
  rowChecks?: boolean;
}

function lookup(c: Catalogue, code: string): IndicatorRule | undefined {
  const m = c.indicators;
  if (m instanceof Map) return m.get(code);
  return Object.prototype.hasOwnProperty.call(m, code) ? (m as Readonly<Record<string, IndicatorRule>>)[code] : undefined;
}

/** The message for a key that appears twice in one file. */
export function duplicateMessage(indicator: string, subject: string, period: string, first: number, line: number): string {
  return `duplicate row: indicator ${quote(indicator)}, subject ${quote(subject)}, period ${period} is on lines ${first} and ${line}`;
}

/**
 * Incremental catalogue validation. Keeps the seen keys across batches for the duplicate check
 * (a compact `KeyIndex`, some 24 bytes per row).
 */
export class RowValidator {
  private readonly seen = new KeyIndex();

  constructor(
    private readonly catalogue: Catalogue,
    readonly errors: ErrorList = new ErrorList(),
    private readonly options: ValidateOptions = {},
  ) {}

  /** Returns true when all rows of this batch are valid. */
  check(rows: readonly LongRow[]): boolean {
    const before = this.errors.total;
    for (const row of rows) this.checkOne(row);
    return this.errors.total === before;
  }

  private checkOne(row: LongRow): void {
    const { errors } = this;
    const line = row.line;
    if (this.options.rowChecks) checkRow(row, errors);
    const first = this.seen.firstLine(`${row.indicator}\u0000${row.period.label}`, row.subject, line);
    if (first !== 0) errors.add(line, null, duplicateMessage(row.indicator, row.subject, row.period.label, first, line), 'import.duplicate', { first, period: row.period.label });
    const rule = lookup(this.catalogue, row.indicator);
    if (!rule) {
      errors.add(line, 'indicator', `unknown indicator ${quote(row.indicator)}`, 'import.unknownIndicator', { value: row.indicator.slice(0, 40) });
      return;
    }
    if (!this.catalogue.subjectExists(row.subject, rule.subjectKind)) {
      const what = rule.subjectKind === 'area' ? 'area' : 'unit';
      errors.add(line, 'subject', `unknown ${what} ${quote(row.subject)} (indicator ${row.indicator} is reported per ${what})`, what === 'area' ? 'import.unknownArea' : 'import.unknownUnit', { value: row.subject.slice(0, 40) });
    }
    const { value, numerator, denominator } = row;
    if (rule.measure === 'proportion' || rule.measure === 'rate') {
      if (numerator !== null && denominator === null && value === null) {
        errors.add(line, 'denominator', `a ${rule.measure} needs a denominator with the numerator (or a value)`, 'import.needsDenominator');
      }
      if (numerator !== null && denominator !== null && denominator === 0 && numerator > 0) {
        errors.add(line, 'denominator', `denominator is 0 while numerator is ${numerator}`, 'import.zeroDenominator', { numerator });
      }
    }
    if (rule.measure === 'proportion' && numerator !== null && denominator !== null && numerator > denominator) {
      errors.add(line, 'numerator', `numerator ${numerator} is greater than denominator ${denominator} (indicator ${row.indicator} is a proportion)`, 'import.numeratorTooBig', { numerator, denominator });
    }
    if (rule.measure !== 'mean' && value !== null && value < 0) {
      errors.add(line, 'value', `value must not be negative for a ${rule.measure} (${value})`, 'import.negative', { column: 'value', value });
    }
  }
}

/** Validates parsed rows against the catalogue. Errors: first 100 plus the total. */
export function validateRows(
  rows: readonly LongRow[],
  catalogue: Catalogue,
  options: ValidateOptions & { errors?: ErrorList } = {},
): { errors: ImportIssue[]; errorCount: number } {
  const errors = options.errors ?? new ErrorList();
  new RowValidator(catalogue, errors, options).check(rows);
  return { errors: errors.sorted(), errorCount: errors.total };
}
