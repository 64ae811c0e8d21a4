import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { WorkLedgerService } from '../work-ledger/work-ledger.service';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Subscription } from 'rxjs';
import { AnnotationsRepository } from '../annotations/annotations.repository';
import { AuditService } from '../audit/audit.service';
import { DomainEvents } from '../common/domain-events';
import { ConflictError } from '../common/errors';
import { measureEffect, persists, toPt, type CandidateSignal, type SignalSettings, type SkippedSeries } from '../core/signals';
import { displayValue } from '../core/signals/model';
import { DETECTED, GROUPED, PATTERN_ENDED, PATTERN_RETURNED, UNGROUPED } from './lifecycle';
import { SignalsRepository, type SignalRow, type StoredEffect } from './signals.repository';
import { SignalsService } from './signals.service';
import { advisoryUnlock, tryAdvisoryLock } from '../database/advisory-locks';
import { AgendaRepository } from '../agenda/agenda.repository';
import { indicatorMeta, MAX_SKIPPED_STORED, toPoint } from './municipality-detection';
import { SignalJobsRepository } from './signal-jobs.repository';
import { SignalJobsService } from './signal-jobs.service';

export interface RunOptions {
  /** Wait for a run in progress (else 409). */
  wait: boolean;
  actor?: string;
  /** Incremental run: only the municipalities of these areas and units (absent or null: all). */
  subjects?: string[] | null;
}

export interface RunResult {
  created: number;
  updated: number;
  resolved: number;
}

/** Key of the PostgreSQL advisory lock that keeps runs of several processes apart. */
const ADVISORY_KEY = 7_295_041_2024;
const DEBOUNCE_MS = Number(process.env.SIGNAL_RUN_DEBOUNCE_MS ?? 500);
const SYSTEM = 'system';

export { indicatorMeta, toPoint } from './municipality-detection';

/**
 * Detection runs: one job per municipality (claimed by any instance, see SignalJobsService), each
 * loading its municipality's data and running the pure engine; then the run's owner writes the
 * outcome in one transaction (upsert by dedupe key, resolve what is gone, measure effects of
 * monitored signals). Runs never overlap: an in-process lock plus a PostgreSQL advisory lock for
 * other processes; the work of one run is shared by every instance.
 */
@Injectable()
export class DetectionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Signals');
  private current: Promise<RunResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private background: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  private pendingTriggers: string[] = [];
  /** Subjects the pending imports wrote; null: some trigger wants a full run. */
  private pendingSubjects: Set<string> | null = new Set();
  private closing = false;

  constructor(
    private readonly repo: SignalsRepository,
    private readonly annotations: AnnotationsRepository,
    private readonly signals: SignalsService,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly agenda: AgendaRepository,
    private readonly ledger: WorkLedgerService,
    private readonly jobs: SignalJobsService,
    private readonly jobRows: SignalJobsRepository,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.importCompleted.subscribe((e) => this.schedule(`import:${e.batchId}`, e.subjects ?? null));
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.jobs.stop(); // a run waiting for jobs gives up rather than hold the shutdown
    this.subscription?.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.background?.catch(() => undefined);
    await this.current?.catch(() => undefined);
  }

  /**
   * After imports: debounced, in the background, waits for a running run; errors are logged, never
   * thrown. Incremental: the run detects only the municipalities of the subjects the imports wrote
   * (`subjects`; null = everything).
   */
  schedule(trigger: string, subjects: string[] | null = null): void {
    if (this.closing) return;
    this.pendingTriggers.push(trigger);
    if (subjects === null) this.pendingSubjects = null;
    else if (this.pendingSubjects) for (const s of subjects) this.pendingSubjects.add(s);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const triggers = this.pendingTriggers.splice(0);
      const scope = this.pendingSubjects ? [...this.pendingSubjects] : null;
      this.pendingSubjects = new Set();
      const label = triggers.length > 3 ? `${triggers.slice(0, 3).join(',')},+${triggers.length - 3}` : triggers.join(',');
      const previous = this.background ?? Promise.resolve();
      this.background = previous
        .then(() => (this.closing ? undefined : this.run(label, { wait: true, subjects: scope })))
        .then((r) => {
          if (r) this.logger.log(`Detection after import (${label}): ${r.created} new, ${r.updated} updated, ${r.resolved} resolved`);
        })
        .catch((err: unknown) => this.logger.error(`Detection after import (${label}) failed: ${String((err as Error)?.stack ?? err)}`));
    }, DEBOUNCE_MS);
    this.timer.unref?.();
  }

  /** Whether a run is going on in this process. */
  get busy(): boolean {
    return this.current !== null;
  }

  /**
   * One detection run. With `wait: false` a run that is already going on answers 409; with
   * `wait: true` it waits its turn (in this process, and up to a minute for another process).
   */
  async run(trigger: string, opts: RunOptions = { wait: false }): Promise<RunResult> {
    while (this.current) {
      if (!opts.wait) throw new ConflictError('a detection run is in progress', undefined, { code: 'signals.runInProgress' });
      await this.current.catch(() => undefined);
    }
    const p = this.runLocked(trigger, opts);
    this.current = p;
    try {
      return await p;
    } finally {
      this.current = null;
    }
  }

  private async runLocked(trigger: string, opts: RunOptions): Promise<RunResult> {
    const qr = this.db.createQueryRunner();
    await qr.connect();
    let locked = false;
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        locked = await tryAdvisoryLock(qr, ADVISORY_KEY);
        if (locked) break;
        if (!opts.wait || Date.now() > deadline) throw new ConflictError('a detection run is in progress', undefined, { code: 'signals.runInProgress' });
        await new Promise((r) => setTimeout(r, 250));
      }
      return await this.execute(trigger, qr, opts.actor ?? SYSTEM, opts.subjects ?? null);
    } finally {
      if (locked) await advisoryUnlock(qr, ADVISORY_KEY).catch(() => undefined);
      await qr.release();
    }
  }

  private async execute(trigger: string, qr: QueryRunner, actor: string, subjects: string[] | null): Promise<RunResult> {
    const started = Date.now();
    const runId = await this.repo.startRun(trigger, this.ledger.owner);
    const found = new Map<string, { c: CandidateSignal; municipality: string }>();
    const skipped: (SkippedSeries & { municipality: string })[] = [];
    let skippedCount = 0;
    let municipalities = 0;
    const instances = new Set<string>();
    let settings: SignalSettings;
    // Incremental: the municipalities of the subjects an import wrote. A municipality is detected
    // whole (its peers and the false discovery rate over all its tests), so the outcome equals a full run's.
    let scope: Set<string> | null = null;
    try {
      if (await this.repo.refreshStatistics()) this.logger.debug('Analysed observation before the run (statistics were stale)');
      settings = await this.signals.settings();
      if (subjects) scope = new Set(await this.repo.municipalitiesOf(subjects));
      municipalities = await this.jobRows.create(runId, scope ? [...scope] : null);
      await this.jobs.complete(runId);
      for (const { municipality_code: municipality, owner, result } of await this.jobs.results(runId)) {
        if (result.error) throw new Error(`detection of ${municipality}: ${result.error}`);
        instances.add(owner);
        for (const c of result.signals) if (!found.has(c.dedupeKey)) found.set(c.dedupeKey, { c, municipality });
        skipped.push(...result.skipped.slice(0, MAX_SKIPPED_STORED - skipped.length));
        skippedCount += result.skippedCount;
      }
    } catch (err) {
      await this.failRun(runId, err);
      throw err;
    }

    const counts: RunResult = { created: 0, updated: 0, resolved: 0 };
    await qr.startTransaction();
    try {
      const m = qr.manager;
      const existing = await this.repo.byDedupeKey(m, scope ? { municipalities: [...scope], keys: [...found.keys()] } : null);
      const idOf = new Map<string, string>();
      for (const [key, { c, municipality }] of found) {
        const old = existing.get(key);
        if (!old) {
          const id = await this.repo.insertSignal(c, municipality, m);
          idOf.set(key, id);
          await this.repo.addEvent({ signalId: id, actor: SYSTEM, from: null, to: 'open', comment: DETECTED }, m);
          counts.created++;
          continue;
        }
        idOf.set(key, old.id);
        await this.repo.refreshSignal(old.id, c, municipality, m);
        counts.updated++;
        if (!old.pattern_active) {
          // Auto-closed by the system and found again: reopen rather than leave it in a drawer.
          const reopen = old.status === 'closed' && old.last_actor === SYSTEM;
          if (reopen) await this.repo.setStatus(old.id, 'open', m);
          await this.repo.addEvent({ signalId: old.id, actor: SYSTEM, from: old.status, to: reopen ? 'open' : old.status, comment: PATTERN_RETURNED }, m);
        }
      }
      // Groups (issue 11): a signal the run explains by a broader one becomes its member; a member whose
      // broader pattern is gone but that still holds itself is top level again. Its status, history
      // and comments stay as they are: only membership changes, and that is noted in its history.
      for (const [key, { c }] of found) {
        const id = idOf.get(key)!;
        const groupId = (c.parentKey && idOf.get(c.parentKey)) || null;
        const old = existing.get(key);
        const current = old?.group_id ?? null;
        if (groupId === current) continue;
        await this.repo.setGroup(id, groupId, m);
        const status = old ? (await this.repo.find(id, m))!.status : 'open';
        if (old || groupId) await this.repo.addEvent({ signalId: id, actor: SYSTEM, from: status, to: status, comment: groupId ? GROUPED : UNGROUPED }, m);
      }
      for (const [key, old] of existing) {
        if (found.has(key) || !old.pattern_active) continue;
        if (scope && !scope.has(old.municipality_code ?? '')) continue; // not looked at by this run
        const final = old.status === 'closed' || old.status === 'dismissed';
        // Auto-resolve: only a signal nobody has taken up yet is closed; later stages keep their status.
        const to = old.status === 'open' ? 'closed' : old.status;
        await this.repo.markPatternEnded(old.id, to, m);
        if (!final) await this.repo.addEvent({ signalId: old.id, actor: SYSTEM, from: old.status, to, comment: PATTERN_ENDED }, m);
        counts.resolved++;
      }
      const monitored = (await this.repo.list({ status: ['monitoring'] }, m)).filter((s) => !scope || scope.has(s.municipality_code ?? ''));
      for (const s of monitored) await this.measure(s, settings!, m);
      await this.repo.finishRun(
        runId,
        { ...counts, skipped: skipped.map((s) => ({ ...s })) },
        m,
      );
      await this.jobRows.remove(runId, m);
      await this.audit.record(
        {
          actor, action: 'signals.run', target: runId,
          details: { trigger, ...counts, skipped: skippedCount, scope: scope ? 'incremental' : 'full', municipalities, instances: instances.size, ms: Date.now() - started },
        },
        m,
      );
      await qr.commitTransaction();
    } catch (err) {
      await qr.rollbackTransaction().catch(() => undefined);
      await this.failRun(runId, err);
      throw err;
    }
    return counts;
  }

  /** A run that failed: on record as failed with the reason; its jobs are gone. */
  private async failRun(runId: string, err: unknown): Promise<void> {
    await this.repo.finishRun(runId, { created: 0, updated: 0, resolved: 0, skipped: [{ reason: `run failed: ${String((err as Error)?.message ?? err)}` }] }, undefined, 'failed').catch(() => undefined);
    await this.jobRows.remove(runId).catch(() => undefined);
  }

  /** Measure the effect of one signal now (e.g. when it enters monitoring). */
  async measureOne(id: string): Promise<void> {
    const row = await this.repo.find(id);
    if (!row) return;
    const settings = await this.signals.settings();
    await this.measure(row, settings, this.db.manager);
  }

  /**
   * Monitoring: the signal's indicator for its subject(s) after the decision against before
   * (engine's measureEffect), and whether the pattern persists `persistPeriods` after the decision.
   */
  private async measure(s: SignalRow, settings: SignalSettings, m: EntityManager): Promise<void> {
    const decidedAt = await this.agenda.decisionDate(s.id, m);
    const indicatorCode = s.indicators[s.indicators.length - 1];
    // Inside the run's transaction every query goes through `m` (PGlite serves one transaction at a time).
    const indRow = (await this.repo.indicators(m)).find((i) => i.code === indicatorCode);
    if (!decidedAt || !indRow) return;
    const ind = indicatorMeta(indRow);
    const rows = await this.repo.observationsOf(ind.code, s.subjects, m);
    // Per period: the mean display value over the signal's subjects.
    const perPeriod = new Map<string, { start: string; sum: number; k: number }>();
    for (const r of rows) {
      const point = toPoint(r);
      if (!point) continue;
      const pt = toPt(ind, point);
      if (typeof pt === 'string') continue;
      const v = displayValue(ind, pt.x, pt.e);
      if (!Number.isFinite(v)) continue;
      const key = `${r.granularity}|${r.period_start}`;
      const e = perPeriod.get(key) ?? { start: r.period_start, sum: 0, k: 0 };
      e.sum += v;
      e.k++;
      perPeriod.set(key, e);
    }
    const series = [...perPeriod.values()].sort((a, b) => (a.start < b.start ? -1 : 1)).map((e) => ({ start: e.start, value: e.sum / e.k }));
    const before = series.filter((p) => p.start < decidedAt).map((p) => p.value);
    const after = series.filter((p) => p.start >= decidedAt).map((p) => p.value);
    const r = measureEffect(before, after, ind.polarity, settings.monitoring.effectAlpha);
    const reference = referenceOf(s.evidence) ?? (before.length ? r.before.mean : null);
    const effect: StoredEffect = {
      indicator: ind.code,
      decidedAt,
      change: Number.isFinite(r.change) ? round(r.change) : null,
      relativeChange: r.relativeChange === null || !Number.isFinite(r.relativeChange) ? null : round(r.relativeChange),
      direction: after.length === 0 || before.length === 0 ? 'unknown' : r.direction,
      p: r.p === null ? null : round(r.p),
      before: { n: r.before.n, mean: Number.isFinite(r.before.mean) ? round(r.before.mean) : null },
      after: { n: r.after.n, mean: Number.isFinite(r.after.mean) ? round(r.after.mean) : null },
      persists: reference !== null && persists(after, reference, ind.polarity, settings.monitoring.persistPeriods),
      measuredAt: new Date().toISOString(),
      ...(after.length === 0 ? { note: 'no data after the decision yet' } : {}),
    };
    await this.repo.setEffect(s.id, effect, m);
  }
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** The level the pattern was judged against: the peers' value (funnel) or the series' own baseline. */
function referenceOf(evidence: unknown): number | null {
  if (!evidence || typeof evidence !== 'object') return null;
  const e = evidence as { kind?: string; target?: unknown; baseline?: { mean?: unknown }; follower?: { baseline?: { mean?: unknown } } };
  if (e.kind === 'funnel' && typeof e.target === 'number') return e.target;
  if (e.kind === 'series' && typeof e.baseline?.mean === 'number') return e.baseline.mean;
  if (e.kind === 'leader-follower' && typeof e.follower?.baseline?.mean === 'number') return e.follower.baseline.mean;
  return null;
}
