import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID, createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FormatDetectionInfo, ImportBatch, ImportPreview, ImportResult, ImportSummary, Indicator, ObservationStatus } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { DomainEvents } from '../common/domain-events';
import { DisclosureService } from '../disclosure/disclosure.service';
import { DATABASE_KIND } from '../database/database.module';
import type { DatabaseKind } from '../database/database';
import { InvalidInputError, NotFoundError, UnprocessableError } from '../common/errors';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { ObservationsRepository, sliceKey } from '../observations/observations.repository';
import {
  detectFormat, ErrorList, isPeriodError, tableSignature, parsePeriod, parseStatline, RowValidator, streamLongCsv, totalRows,
  type LongRow, type Period,
} from './parsing';
import { ImportsRepository } from './imports.repository';
import { UploadInterruptedError, type UploadStream } from './request-body';
import { jsonRow } from './json-rows';
import { peekUpload } from './peek';
import { StatlineMappingsRepository } from './statline-mappings';
import { WorkLedgerService } from '../work-ledger/work-ledger.service';
import { checkRange, chunks, safeChecksum, toChunk, withSummary, type Rule } from './rows';

export type ImportFormat = 'long' | 'statline' | 'json' | 'odata';

export interface ImportOutcome {
  /** 201 for a new batch, 200 for a duplicate of an earlier one or a preview. */
  httpStatus: 200 | 201;
  result: ImportResult | ImportPreview;
}

export interface ImportRequest {
  actor: string;
  /** Shown in the batch list (file name, system name, or what the caller passes as ?source=). */
  source?: string | null;
  /** Validate fully, write nothing, answer the summary (`?dryRun=true`). */
  dryRun?: boolean;
  /** Set by `importAuto`: which format was detected and why. */
  detection?: FormatDetectionInfo;
}

/** How many subject codes a summary lists (the count is always complete). */
const SUMMARY_AREAS = 20;

/** StatLine's Gezondheid files code the whole country NL01 where the register has NL00. */
const COUNTRY_ALIASES: Record<string, string> = { NL01: 'NL00' };
const STAGE_ROWS = 10_000;

interface WriteJob {
  actor: string;
  source: string;
  format: ImportFormat;
  target: string;
  checksum: () => string;
  batches: AsyncIterable<LongRow[]> | Iterable<LongRow[]>;
  errors: ErrorList;
  rules: Map<string, Rule>;
  subjects: { areas: Set<string>; units: Set<string> };
  rowChecks: boolean;
  ignoredColumns: string[];
  /** Data rows read, valid or not (for rowsRejected of a failed batch). */
  totalRows?: () => number;
  dryRun?: boolean;
  detection?: FormatDetectionInfo;
  /** StatLine: the table's header signature (for remembered column mappings). */
  tableSignature?: string;
}

/**
 * The one write path of every importer (long CSV, StatLine, JSON): rows are validated against the
 * catalogue (and checked for keys repeated in the file) while they stream in. Rows whose
 * (indicator, period) slice holds no observations yet go straight into `observation` with COPY
 * (PostgreSQL); the others are staged in a session-local table and merged at the end. All of it,
 * the batch record and the audit entry are ONE transaction: a batch is all or nothing.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportsRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly observations: ObservationsRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    @Inject(DATABASE_KIND) private readonly kind: DatabaseKind,
    private readonly disclosure: DisclosureService,
    private readonly mappings: StatlineMappingsRepository,
    private readonly ledger: WorkLedgerService,
  ) {}

  list(limit = 100, offset = 0): Promise<ImportBatch[]> {
    return this.imports.list(Math.min(Math.max(1, limit), 1000), Math.max(0, offset));
  }

  async get(id: string): Promise<ImportBatch> {
    const b = await this.imports.get(id);
    if (!b) throw new NotFoundError(`No import batch ${id}`);
    return b;
  }

  /**
   * `?format=auto` (the default, DESIGN §4b): the format is read from the file's first bytes.
   * A file that matches no format is refused with one message naming what was expected.
   */
  async importAuto(upload: UploadStream, req: ImportRequest & { period?: string | null }): Promise<ImportOutcome> {
    const peeked = await peekUpload(upload);
    const d = detectFormat(peeked.head);
    // Empty and binary files: the long reader names the problem (with its line), as before.
    if (d.code === 'import.format.empty' || d.code === 'import.format.not-text') return this.importLong(peeked.upload, req);
    if (!d.format) {
      await peeked.release();
      throw new UnprocessableError(d.reason, [{ line: 1, column: null, message: d.reason, code: d.code }], { code: d.code, rowsAccepted: 0, rowsRejected: 0, errorCount: 1 });
    }
    const detection: FormatDetectionInfo = { format: d.format, sure: d.sure, code: d.code, reason: d.reason };
    return d.format === 'statline'
      ? this.importStatline(peeked.upload, { ...req, detection })
      : this.importLong(peeked.upload, { ...req, detection });
  }

  /**
   * `?format=long` given explicitly: a StatLine download sent that way answers one message that
   * suggests the StatLine format, not one error per column.
   */
  async importLongChecked(upload: UploadStream, req: ImportRequest): Promise<ImportOutcome> {
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

  /** The contract's long CSV, streamed. */
  async importLong(upload: UploadStream, req: ImportRequest): Promise<ImportOutcome> {
    const errors = new ErrorList();
    const summary = { dataRows: 0 };
    const [rules, subjects] = await Promise.all([this.rules(), this.imports.subjectCodes()]);
    return this.write({
      actor: req.actor,
      source: req.source || upload.fileName || 'long CSV upload',
      format: 'long',
      target: 'long',
      checksum: () => upload.checksum(),
      batches: withSummary(streamLongCsv(upload, { errors, batchSize: STAGE_ROWS }), summary),
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
    let fallback: Period | null = null;
    if (req.period) {
      const p = parsePeriod(req.period);
      if (isPeriodError(p)) throw new InvalidInputError(p.error, [{ field: 'period', message: p.error }]);
      fallback = p;
    }
    const errors = new ErrorList();
    const [rules, subjects, catalogue] = await Promise.all([this.rules(), this.imports.subjectCodes(), this.indicators.list()]);
    const resolveAreaName = await this.nameResolver();
    const table = await parseStatline(upload, { errors, resolveAreaName }).catch((e: unknown) => {
      if (!(e instanceof UploadInterruptedError)) throw e;
      errors.add(1, null, e.message);
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
        errors.add(1, null, `no column of this table matches an indicator's statlineColumn (columns: ${table.columns.slice(0, 20).map((c) => JSON.stringify(c)).join(', ')}${table.columns.length > 20 ? ' …' : ''})`);
      }
      for (const r of totalRows(table)) {
        const raw = r.areaCode ?? '';
        const code = COUNTRY_ALIASES[raw] ?? raw;
        const period = r.period ?? fallback ?? table.titlePeriod;
        if (!period) {
          errors.add(r.line, table.periodColumn, 'the table has no period column and none was given: pass ?period=2022');
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
            errors.add(cell.line, col, cell.error);
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
      target: `statline${req.period ? `;period=${fallback?.label}` : ''}${mapped.length ? `;map=${createHash('sha256').update(JSON.stringify(mapped)).digest('hex').slice(0, 12)}` : ''}`,
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

  private async write(job: WriteJob): Promise<ImportOutcome> {
    const { errors, rules, subjects } = job;
    const started = Date.now();
    const validator = new RowValidator(
      {
        indicators: rules,
        subjectExists: (code, kind) => (kind === 'area' ? subjects.areas.has(code) : subjects.units.has(code)),
      },
      errors,
      { rowChecks: job.rowChecks },
    );
    const batchId = randomUUID();
    const stage = `import_stage_${batchId.replace(/-/g, '')}`;
    const indicatorsSeen = new Set<string>();
    // On PostgreSQL the import's transaction is open while the file streams in: rows of slices
    // that hold no observations yet are COPYed straight into observation, the rest is staged and
    // merged at the end. That needs observation locked against other writers for the whole upload,
    // so when another import holds it, this one does not wait: it stages everything and waits only
    // for its merge. Embedded PGlite serves one transaction at a time for all connections, so there
    // everything is staged and only the short merge runs in a transaction.
    // A preview stages everything (nothing goes into observation) and compares at the end.
    let direct = this.kind === 'postgres' && !job.dryRun;
    const periodsSeen = new Set<string>();
    const subjectsSeen = new Set<string>();
    const probed = new Set<string>(); // indicators whose slices with observations are known
    const existing = new Set<string>(); // slices that held observations when the import began
    // The batch is on record as `running` before any work (issue 9): a crash leaves it to be marked interrupted.
    let open = !job.dryRun;
    if (open) await this.imports.begin({ id: batchId, createdBy: job.actor, source: job.source, format: job.format, target: job.target, owner: this.ledger.owner });
    const qr = this.db.createQueryRunner();
    await qr.connect();
    let accepted = 0;
    let staged = 0;
    let dataRows = 0;
    let waitMs = 0;
    let mergeMs = 0;
    try {
      await this.observations.createStage(qr, stage);
      if (direct) {
        await qr.startTransaction();
        direct = await this.observations.tryLockForWriting(qr);
        if (!direct) await qr.rollbackTransaction();
      }
      let pending: Promise<void> | null = null;
      const settle = async () => {
        const w = Date.now();
        if (pending) await pending;
        pending = null;
        waitMs += Date.now() - w;
      };
      try {
        for await (const rows of job.batches) {
          dataRows += rows.length;
          validator.check(rows);
          for (const r of rows) checkRange(r, rules, errors);
          if (errors.total > 0) continue; // keep reading to report every error; write nothing more
          for (const r of rows) {
            periodsSeen.add(r.period.label);
            subjectsSeen.add(r.subject);
          }
          const fresh: LongRow[] = [];
          let known = rows;
          if (direct) {
            const unprobed = new Set<string>();
            for (const r of rows) if (!probed.has(r.indicator)) unprobed.add(r.indicator);
            if (unprobed.size > 0) {
              await settle(); // the connection is free for the probe once the chunk in flight is written
              for (const key of await this.observations.existingSlices(qr, [...unprobed])) existing.add(key);
              for (const code of unprobed) probed.add(code);
            }
            known = [];
            for (const r of rows) (existing.has(sliceKey(r.indicator, r.period.granularity, r.period.start)) ? known : fresh).push(r);
          }
          const toInsert = fresh.length ? toChunk(fresh, rules, indicatorsSeen) : null;
          const toStage = known.length ? toChunk(known, rules, indicatorsSeen) : null;
          await settle(); // one chunk in flight: parsing overlaps with the database
          pending = (async () => {
            if (toInsert) await this.observations.insertNew(qr, toInsert, batchId);
            if (toStage) await this.observations.stage(qr, stage, toStage, this.kind);
          })();
          pending.catch(() => undefined); // awaited by settle(); avoid an unhandled rejection meanwhile
          accepted += rows.length;
          staged += known.length;
        }
      } catch (e) {
        if (!(e instanceof UploadInterruptedError)) throw e;
        this.logger.warn(`Import ${batchId} (${job.format}, ${job.source}): the client closed the connection after ${dataRows} rows; rolled back`);
        errors.add(dataRows + 2, null, e.message);
      }
      await settle();

      if (errors.total > 0) {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        const list = errors.sorted();
        const rejected = Math.max(dataRows, job.totalRows?.() ?? 0);
        if (job.dryRun) {
          throw new UnprocessableError(`${errors.total} error${errors.total === 1 ? '' : 's'} in this ${job.format} file; a preview writes nothing`, list, {
            dryRun: true, status: 'failed', rowsAccepted: 0, rowsRejected: rejected, errorCount: errors.total, format: job.format,
            ...(job.detection ? { formatDetection: job.detection } : {}),
          });
        }
        await this.imports.finish({
          id: batchId, createdBy: job.actor, source: job.source, format: job.format, checksum: safeChecksum(job.checksum), target: job.target,
          rowsAccepted: 0, rowsRejected: rejected, status: 'failed', errors: list, errorCount: errors.total, ignoredColumns: job.ignoredColumns,
        });
        open = false;
        await this.audit.record({ actor: job.actor, action: 'import.failed', target: batchId, details: { format: job.format, source: job.source, errorCount: errors.total } });
        throw new UnprocessableError(`${errors.total} error${errors.total === 1 ? '' : 's'} in this ${job.format} import; nothing was written`, list, {
          batchId, status: 'failed', rowsAccepted: 0, rowsRejected: rejected, errorCount: errors.total,
        });
      }

      const checksum = job.checksum();
      const listed = [...subjectsSeen].sort().slice(0, SUMMARY_AREAS);
      const names = await this.imports.namesOf(listed);
      const summaryBase = {
        indicators: [...indicatorsSeen].sort(),
        periods: [...periodsSeen].sort(),
        areaCount: subjectsSeen.size,
        areas: listed,
        areaNames: listed.map((c) => names.get(c) ?? c),
        ignoredColumns: job.ignoredColumns,
      };
      if (job.dryRun) {
        const counts = staged > 0 ? await this.observations.previewCounts(qr, stage) : { rowsNew: 0, rowsReplaced: 0, rowsUnchanged: 0 };
        const earlier = await this.imports.findCompleted(checksum, job.target);
        const preview: ImportPreview = {
          dryRun: true,
          status: 'valid',
          format: job.format,
          ...(job.detection ? { formatDetection: job.detection } : {}),
          rowsAccepted: accepted,
          rowsRejected: 0,
          ignoredColumns: job.ignoredColumns,
          ...(job.tableSignature ? { tableSignature: job.tableSignature } : {}),
          ...(earlier ? { duplicateOf: earlier.id } : {}),
          summary: { ...summaryBase, ...counts },
        };
        return { httpStatus: 200, result: preview };
      }
      if (!qr.isTransactionActive) await qr.startTransaction();
      // Serialise imports of the same file, then look for an earlier completed one.
      await qr.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${checksum}:${job.target}`]);
      const duplicateOf = await this.imports.findCompleted(checksum, job.target, qr.manager);
      if (duplicateOf) {
        await qr.rollbackTransaction(); // undoes the rows written while reading
        await this.imports.discard(batchId);
        open = false;
        await this.audit.record({ actor: job.actor, action: 'import.duplicate', target: duplicateOf.id, details: { format: job.format, source: job.source, checksum } });
        return {
          httpStatus: 200,
          result: {
            batchId: duplicateOf.id, status: 'completed', rowsAccepted: duplicateOf.rowsAccepted, rowsRejected: 0, duplicateOf: duplicateOf.id, ignoredColumns: duplicateOf.ignoredColumns,
            ...(job.detection && !job.detection.sure ? { format: job.format, formatDetection: job.detection } : {}),
          },
        };
      }
      const m = Date.now();
      await this.observations.lockIndicators(qr, [...indicatorsSeen]);
      const { updated } = staged > 0 ? await this.observations.merge(qr, stage, batchId) : { updated: 0 };
      mergeMs = Date.now() - m;
      // Free counts: keys COPYed into empty slices and staged keys the merge inserted are new; the
      // merge's UPDATE count is every existing key written (a changed figure or the same one).
      const summary: ImportSummary = { ...summaryBase, rowsNew: accepted - updated, rowsReplaced: updated, rowsUnchanged: null };
      await this.imports.finish(
        {
          id: batchId, createdBy: job.actor, source: job.source, format: job.format, checksum, target: job.target,
          rowsAccepted: accepted, rowsRejected: 0, status: 'completed', errors: [], errorCount: 0, ignoredColumns: job.ignoredColumns, summary,
        },
        qr.manager,
      );
      // Disclosure control (issue 9): the pattern of every touched indicator goes stale at this
      // commit (readers decide it again before serving) and is decided again right after it.
      await this.disclosure.invalidate(qr, [...indicatorsSeen]);
      await this.audit.record(
        { actor: job.actor, action: 'import.completed', target: batchId, details: { format: job.format, source: job.source, rows: accepted, checksum } },
        qr.manager,
      );
      await qr.commitTransaction();
      open = false;
      this.logger.log(
        `Import ${batchId} (${job.format}, ${job.source}): ${accepted} rows (${accepted - staged} into new slices directly, ${staged} merged) in ${Date.now() - started} ms (waiting for the database ${waitMs} ms, merge ${mergeMs} ms)`,
      );
      await this.disclosure.ensure([...indicatorsSeen]);
      const event = { batchId, indicators: [...indicatorsSeen], actor: job.actor };
      // After the answer is decided: signal detection follows every completed import.
      setImmediate(() => this.events.importCompleted.next(event));
      return {
        httpStatus: 201,
        result: {
          batchId, status: 'completed', rowsAccepted: accepted, rowsRejected: 0, ...(job.format === 'statline' ? { ignoredColumns: job.ignoredColumns } : {}),
          // The contract's 201 body stays as it was; an unsure detection says what it assumed. The
          // summary is in the batch (GET /imports/:id).
          ...(job.detection && !job.detection.sure ? { format: job.format, formatDetection: job.detection } : {}),
        },
      };
    } catch (e) {
      if (open) {
        await (qr.isTransactionActive ? qr.rollbackTransaction() : Promise.resolve()).catch(() => undefined);
        await this.imports.abandon(batchId, (e as Error)?.message ?? String(e)).catch(() => undefined);
        open = false;
      }
      throw e;
    } finally {
      try {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        await this.observations.dropStage(qr, stage);
      } finally {
        await qr.release();
      }
    }
  }
}
