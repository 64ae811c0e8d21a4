import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import type { FormatDetectionInfo, ImportPreview, ImportResult, ImportSummary } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { DomainEvents } from '../common/domain-events';
import { UnprocessableError } from '../common/errors';
import { UploadInterruptedError } from '../common/request-body';
import { advisoryTransactionLock } from '../database/advisory-locks';
import type { DatabaseKind } from '../database/database';
import { DATABASE_KIND } from '../database/database.module';
import { DisclosureService } from '../disclosure/disclosure.service';
import { ObservationsRepository, sliceKey } from '../observations/observations.repository';
import { ErrorList, RowValidator, type LongRow } from '../parsing';
import { WorkLedgerService } from '../work-ledger/work-ledger.service';
import { ImportsRepository } from './imports.repository';
import { checkRange, safeChecksum, toChunk, type Rule } from './rows';

export type ImportFormat = 'long' | 'statline' | 'json' | 'odata';

export interface ImportOutcome {
  /** 201 for a new batch, 200 for a duplicate of an earlier one or a preview. */
  httpStatus: 200 | 201;
  result: ImportResult | ImportPreview;
}

/** How many subject codes a summary lists (the count is always complete). */
const SUMMARY_AREAS = 20;

export interface WriteJob {
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
export class ObservationWriter {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportsRepository,
    private readonly observations: ObservationsRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    @Inject(DATABASE_KIND) private readonly kind: DatabaseKind,
    private readonly disclosure: DisclosureService,
    private readonly ledger: WorkLedgerService,
  ) {}

  /**
   * Validates the rows as they stream in and writes them as one batch, or nothing: see the class comment.
   * A preview (`dryRun`) stages everything and answers the counts without touching observation.
   */
  async write(job: WriteJob): Promise<ImportOutcome> {
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
        errors.add(dataRows + 2, null, e.message, 'import.interrupted');
      }
      await settle();

      if (errors.total > 0) {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        return await this.reject(job, batchId, Math.max(dataRows, job.totalRows?.() ?? 0), () => {
          open = false;
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
      if (job.dryRun) return await this.preview(job, qr, stage, { accepted, staged, checksum, summaryBase });
      if (!qr.isTransactionActive) await qr.startTransaction();
      // Serialise imports of the same file, then look for an earlier completed one.
      await advisoryTransactionLock(qr, `import:${checksum}:${job.target}`);
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
      const { updated } = staged > 0 ? await this.observations.merge(qr, stage, batchId, staged) : { updated: 0 };
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
      // The touched indicators' patterns are decided after the answer, beside detection: until then
      // they are stale, and any restricted read decides (or waits for) them before it serves a figure.
      const codes = [...indicatorsSeen];
      void this.disclosure.ensure(codes).catch((e: unknown) => this.logger.warn(`Disclosure patterns of ${codes.join(', ')} not decided after import ${batchId}: ${(e as Error)?.message ?? String(e)} (decided at their next read)`));
      const event = { batchId, indicators: [...indicatorsSeen], subjects: [...subjectsSeen], actor: job.actor };
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

  /** A batch with errors: a preview answers them (422); a real import records the failed batch and its audit entry, then 422. */
  private async reject(job: WriteJob, batchId: string, rejected: number, closed: () => void): Promise<never> {
    const { errors } = job;
    const list = errors.sorted();
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
    closed();
    await this.audit.record({ actor: job.actor, action: 'import.failed', target: batchId, details: { format: job.format, source: job.source, errorCount: errors.total } });
    throw new UnprocessableError(`${errors.total} error${errors.total === 1 ? '' : 's'} in this ${job.format} import; nothing was written`, list, {
      batchId, status: 'failed', rowsAccepted: 0, rowsRejected: rejected, errorCount: errors.total,
    });
  }

  /** A valid preview: what the import would do (new, replaced, unchanged rows), written nowhere. */
  private async preview(
    job: WriteJob,
    qr: QueryRunner,
    stage: string,
    read: { accepted: number; staged: number; checksum: string; summaryBase: Omit<ImportSummary, 'rowsNew' | 'rowsReplaced' | 'rowsUnchanged'> },
  ): Promise<ImportOutcome> {
    const { accepted, staged, checksum, summaryBase } = read;
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
}
