import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { FormatDetectionInfo, ImportBatch, Indicator, ObservationStatus } from 'contracts';
import { InvalidInputError, NotFoundError, UnprocessableError } from '../common/errors';
import { pageRequest, toPage, type Page } from '../common/paging';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import {
  detectFormat, ErrorList, isPeriodError, tableSignature, parsePeriod, parseStatline, streamLongCsv, totalRows,
  type LongRow, type Period,
} from '../parsing';
import { ImportsRepository } from './imports.repository';
import { UploadInterruptedError, type UploadStream } from '../common/request-body';
import { jsonRow } from './json-rows';
import { peekUpload } from './peek';
import { StatlineMappingsRepository } from './statline-mappings.repository';
import { chunks, withSummary, type Rule } from './rows';
import { ObservationWriter, type ImportOutcome, type WriteJob } from './observation-writer';

export type { ImportFormat, ImportOutcome } from './observation-writer';

export interface ImportRequest {
  actor: string;
  /** Shown in the batch list (file name, system name, or what the caller passes as ?source=). */
  source?: string | null;
  /** Validate fully, write nothing, answer the summary (`?dryRun=true`). */
  dryRun?: boolean;
  /** Set by `importAuto`: which format was detected and why. */
  detection?: FormatDetectionInfo;
}

/** StatLine's Gezondheid files code the whole country NL01 where the register has NL00. */
const COUNTRY_ALIASES: Record<string, string> = { NL01: 'NL00' };
const STAGE_ROWS = 10_000;

/**
 * The importers (long CSV, StatLine, JSON, rows from the CBS sync): each reads its format into rows
 * of the long format and hands them to the one write path, `ObservationWriter` (observation-writer.ts).
 */
/** A batch cursor's parts: creation time in UTC to the microsecond, and the batch id. */
const CURSOR_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The period the uploader gave (`?period=`, the upload form's "Periode"), checked before a byte of
 * the file is read. It is for files without periods of their own: a StatLine table without a period
 * column, a long CSV without a `period` column. A file that has its own periods keeps them, and a
 * given period that disagrees with them refuses the file (`import.periodConflict`): the analyst
 * meant something else, and silently filing figures under either year would be wrong.
 */
export function givenPeriod(raw: string | null | undefined): Period | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const p = parsePeriod(raw.trim());
  if (isPeriodError(p)) {
    const params = { value: raw.trim().slice(0, 40) };
    throw new InvalidInputError(p.error, [{ field: 'period', message: p.error, code: 'import.badPeriod', params }], { code: 'import.badPeriod', params });
  }
  return p;
}

@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly imports: ImportsRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly mappings: StatlineMappingsRepository,
    private readonly writer: ObservationWriter,
  ) {}

  private write(job: WriteJob): Promise<ImportOutcome> {
    return this.writer.write(job);
  }

  /** Newest first, keyset-paged (`limit`, `cursor`; DESIGN §4b); `offset` still works on its own. */
  async list(q: { limit?: string; cursor?: string; offset?: string }): Promise<Page<ImportBatch>> {
    const page = pageRequest(q);
    const [ts, id] = page.after ?? [];
    if (page.after && (page.after.length !== 2 || typeof ts !== 'string' || !CURSOR_TS.test(ts) || typeof id !== 'string' || !CURSOR_ID.test(id))) {
      throw new InvalidInputError('cursor is not valid: use the link of the previous page', [{ field: 'cursor', message: 'invalid' }], { code: 'paging.cursor' });
    }
    const offset = q.offset ? Number(q.offset) || 0 : 0;
    const rows = await this.imports.list(page.limit + 1, { after: page.after, offset });
    const { items, next } = toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
    return { items: items.map(({ sortKey: _k, ...batch }) => batch), next };
  }

  async get(id: string): Promise<ImportBatch> {
    const b = await this.imports.get(id);
    if (!b) throw new NotFoundError(`No import batch ${id}`);
    return b;
  }

  /**
   * `?format=auto` (the default, docs/design.md §4b): the format is read from the file's first bytes.
   * A file that matches no format is refused with one message naming what was expected.
   */
  async importAuto(upload: UploadStream, req: ImportRequest & { period?: string | null }): Promise<ImportOutcome> {
    givenPeriod(req.period);
    const peeked = await peekUpload(upload);
    const d = detectFormat(peeked.head);
    // Empty and binary files: the long reader names the problem (with its line), as before.
    if (d.code === 'import.format.empty' || d.code === 'import.format.not-text') return this.importLong(peeked.upload, req);
    if (!d.format) {
      await peeked.release();
      throw new UnprocessableError(d.reason, [{ line: 1, column: null, message: d.reason, code: d.code }], { code: d.code, rowsAccepted: 0, rowsRejected: 0, errorCount: 1 });
    }
    const detection: FormatDetectionInfo = { format: d.format, sure: d.sure, code: d.code, reason: d.reason, ...(d.params ? { params: d.params } : {}) };
    return d.format === 'statline'
      ? this.importStatline(peeked.upload, { ...req, detection })
      : this.importLong(peeked.upload, { ...req, detection });
  }

  /**
   * `?format=long` given explicitly: a StatLine download sent that way answers one message that
   * suggests the StatLine format, not one error per column.
   */
  async importLongChecked(upload: UploadStream, req: ImportRequest & { period?: string | null }): Promise<ImportOutcome> {
    givenPeriod(req.period);
    const peeked = await peekUpload(upload);
    const d = detectFormat(peeked.head);
    if (d.format === 'statline' && d.sure) {
      await peeked.release();
      const message = `this is a CBS StatLine download (${d.reason}), not the long format: choose the StatLine format (?format=statline) or automatic detection (?format=auto)`;
      throw new UnprocessableError(message, [{ line: 1, column: null, message, code: 'import.format.use-statline' }], {
        code: 'import.format.use-statline', rowsAccepted: 0, rowsRejected: 0, errorCount: 1,
      });
    }
    return this.importLong(peeked.upload, req);
  }

  /** The contract's long CSV, streamed; `period` for a file without a period column (see `givenPeriod`). */
  async importLong(upload: UploadStream, req: ImportRequest & { period?: string | null }): Promise<ImportOutcome> {
    const period = givenPeriod(req.period);
    const errors = new ErrorList();
    const summary = { dataRows: 0 };
    const [rules, subjects] = await Promise.all([this.rules(), this.imports.subjectCodes()]);
    return this.write({
      actor: req.actor,
      source: req.source || upload.fileName || 'long CSV upload',
      format: 'long',
      target: `long${period ? `;period=${period.label}` : ''}`,
      checksum: () => upload.checksum(),
      batches: withSummary(streamLongCsv(upload, { errors, batchSize: STAGE_ROWS, period }), summary),
      totalRows: () => summary.dataRows,
      errors,
      rules,
      subjects,
      rowChecks: false,
      ignoredColumns: [],
      dryRun: req.dryRun,
      detection: req.detection,
    });
  }

  /**
   * A CBS StatLine CSV download, unmodified. Columns equal to an indicator's `statlineColumn`
   * become observations (others: `ignoredColumns`); only rows whose extra dimensions are totals
   * (Marges = Waarde, …) are read; `period` is used when the table has no period column.
   */
  async importStatline(upload: UploadStream, req: ImportRequest & { period?: string | null }): Promise<ImportOutcome> {
    const fallback = givenPeriod(req.period);
    const errors = new ErrorList();
    const [rules, subjects, catalogue] = await Promise.all([this.rules(), this.imports.subjectCodes(), this.indicators.list()]);
    const resolveAreaName = await this.nameResolver();
    const table = await parseStatline(upload, { errors, resolveAreaName }).catch((e: unknown) => {
      if (!(e instanceof UploadInterruptedError)) throw e;
      errors.add(1, null, e.message, 'import.interrupted');
      return null;
    });
    if (!table) {
      this.logger.warn(`StatLine upload by ${req.actor} interrupted: the client closed the connection`);
      return this.write({ actor: req.actor, source: req.source || upload.fileName || 'StatLine download', format: 'statline', target: 'statline', checksum: () => '', batches: [], errors, rules, subjects, rowChecks: false, ignoredColumns: [], dryRun: req.dryRun });
    }
    const byColumn = new Map<string, Indicator[]>();
    for (const ind of catalogue) {
      if (!ind.statlineColumn) continue;
      const list = byColumn.get(ind.statlineColumn) ?? [];
      list.push(ind);
      byColumn.set(ind.statlineColumn, list);
    }
    // The table's remembered mapping (issue 16): columns no statlineColumn names, read into the
    // indicators the analyst chose for this table before.
    const signature = tableSignature(table.columns);
    const mapping = await this.mappings.get(signature);
    const byCode = new Map(catalogue.map((i) => [i.code, i]));
    for (const [col, code] of Object.entries(mapping?.columns ?? {})) {
      const ind = byCode.get(code);
      if (!ind || !table.columns.includes(col)) continue;
      const list = byColumn.get(col) ?? [];
      if (!list.some((i) => i.code === code)) list.push(ind);
      byColumn.set(col, list);
    }
    const mapped = Object.entries(mapping?.columns ?? {}).filter(([col, code]) => byCode.has(code) && table.columns.includes(col)).sort();
    const used = table.columns.filter((c) => byColumn.has(c));
    const ignoredColumns = table.columns.filter((c) => !byColumn.has(c));
    const rows: LongRow[] = [];
    if (errors.total === 0) {
      // A preview of a table no column of which is known yet answers its columns (all ignored), so
      // the analyst can map them; importing it as it is stays an error.
      if (used.length === 0 && !req.dryRun) {
        const columns = `${table.columns.slice(0, 20).map((c) => JSON.stringify(c)).join(', ')}${table.columns.length > 20 ? ' …' : ''}`;
        errors.add(1, null, `no column of this table matches an indicator's statlineColumn (columns: ${columns})`, 'import.statline.noKnownColumn', { columns: columns.slice(0, 400) });
      }
      for (const r of totalRows(table)) {
        const raw = r.areaCode ?? '';
        const code = COUNTRY_ALIASES[raw] ?? raw;
        if (r.period && fallback && r.period.label !== fallback.label) {
          errors.add(r.line, table.periodColumn, `the table's period ${r.period.label} differs from the period given (${fallback.label}): leave the period empty for a table with its own periods`, 'import.periodConflict', { value: r.period.label, period: fallback.label });
          break;
        }
        const period = r.period ?? fallback ?? table.titlePeriod;
        if (!period) {
          errors.add(r.line, table.periodColumn, 'the table has no period column and none was given: pass ?period=2022', 'import.statline.noPeriod');
          break;
        }
        if (!subjects.areas.has(code)) {
          errors.add(r.line, table.areaCodeColumn, `unknown area code ${JSON.stringify(raw)}${r.areaName ? ` (${r.areaName})` : ''}: not in the area register`, 'import.unknownArea', { value: String(raw).slice(0, 40) });
          continue;
        }
        const status: ObservationStatus = period.provisional ? 'provisional' : 'final';
        for (const col of used) {
          const cell = r.cells[col];
          if (cell.error) {
            errors.add(cell.line, col, cell.error, 'import.notANumber', { column: col.slice(0, 80), value: cell.raw.trim().slice(0, 40) });
            continue;
          }
          if (cell.value === null) continue; // '.', empty: not published
          for (const ind of byColumn.get(col) ?? []) {
            rows.push({ line: cell.line, indicator: ind.code, subject: code, period, value: cell.value, numerator: null, denominator: null, n: null, status });
          }
        }
      }
    }
    return this.write({
      actor: req.actor,
      source: req.source || upload.fileName || table.title || 'StatLine download',
      format: 'statline',
      // A file imported again under another mapping is not a duplicate: it reads other columns.
      target: `statline${fallback ? `;period=${fallback.label}` : ''}${mapped.length ? `;map=${createHash('sha256').update(JSON.stringify(mapped)).digest('hex').slice(0, 12)}` : ''}`,
      checksum: () => upload.checksum(),
      batches: chunks(rows, STAGE_ROWS),
      errors,
      rules,
      subjects,
      rowChecks: false,
      ignoredColumns,
      dryRun: req.dryRun,
      detection: req.detection,
      tableSignature: signature,
    });
  }

  /**
   * Rows read elsewhere — the CBS open-data sync (issue 16) — validated and written exactly like a
   * file's: one batch, all or nothing, a duplicate when checksum and target match an earlier one.
   */
  async importRows(req: { actor: string; source: string; target: string; checksum: string; rows: LongRow[]; errors: ErrorList }): Promise<ImportOutcome> {
    const [rules, subjects] = await Promise.all([this.rules(), this.imports.subjectCodes()]);
    return this.write({
      actor: req.actor, source: req.source, format: 'odata', target: req.target, checksum: () => req.checksum,
      batches: chunks(req.rows, STAGE_ROWS), errors: req.errors, rules, subjects, rowChecks: false, ignoredColumns: [],
    });
  }

  /** The register's area codes (the sync checks a table's regions against it). */
  async areaCodes(): Promise<Set<string>> {
    return (await this.imports.subjectCodes()).areas;
  }

  /** `POST /observations {source, observations:[{indicator,subject,period,value,numerator,denominator,n,status}]}`. */
  async importJson(body: unknown, actor: string, opts: { dryRun?: boolean } = {}): Promise<ImportOutcome> {
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray((body as { observations?: unknown }).observations)) {
      throw new InvalidInputError('Send {source, observations:[{indicator, subject, period, value | numerator, denominator}]}', [
        { field: 'observations', message: 'observations must be an array' },
      ]);
    }
    const b = body as { source?: unknown; observations: unknown[] };
    if (b.source !== undefined && typeof b.source !== 'string') throw new InvalidInputError('source must be a string', [{ field: 'source', message: 'must be a string' }]);
    if (b.observations.length === 0) throw new InvalidInputError('observations is empty', [{ field: 'observations', message: 'must not be empty' }]);
    const errors = new ErrorList();
    const rows: LongRow[] = [];
    b.observations.forEach((item, i) => {
      const row = jsonRow(item, i + 1, errors);
      if (row) rows.push(row);
    });
    const [rules, subjects] = await Promise.all([this.rules(), this.imports.subjectCodes()]);
    const checksum = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    return this.write({
      actor,
      source: (b.source as string | undefined)?.trim() || 'JSON API',
      format: 'json',
      target: 'json',
      checksum: () => checksum,
      batches: chunks(rows, STAGE_ROWS),
      errors,
      rules,
      subjects,
      rowChecks: true,
      ignoredColumns: [],
      dryRun: opts.dryRun,
    });
  }

  /**
   * For StatLine tables without a code column: a region name resolves when exactly one area has
   * it, or exactly one country/municipality does (municipality names are unique; wijk names are not).
   */
  private async nameResolver(): Promise<(name: string) => string | null> {
    const byName = new Map<string, { code: string; level: string }[]>();
    for (const a of await this.imports.areaNames()) {
      const key = a.name.trim().toLowerCase();
      const list = byName.get(key) ?? [];
      list.push(a);
      byName.set(key, list);
    }
    return (name) => {
      const list = byName.get(name.trim().toLowerCase());
      if (!list) return null;
      if (list.length === 1) return list[0].code;
      const top = list.filter((a) => a.level === 'country' || a.level === 'municipality');
      return top.length === 1 ? top[0].code : null;
    };
  }

  private async rules(): Promise<Map<string, Rule>> {
    const list = await this.indicators.list();
    return new Map(list.map((i) => [i.code, { measure: i.measure, subjectKind: i.subjectKind, per: i.per ?? null }]));
  }
}
