import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AnnotationsRepository } from '../annotations/annotations.repository';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { IndicatorMeta, SignalSettings } from '../core/signals';
import { isDead } from '../work-ledger/instance';
import { WorkLedgerService } from '../work-ledger/work-ledger.service';
import { detectMunicipality, indicatorMeta, type MunicipalityInput, type MunicipalityResult } from './municipality-detection';
import { SignalJobsRepository, type ClaimedJob } from './signal-jobs.repository';
import { SignalsRepository } from './signals.repository';
import { SignalsService } from './signals.service';
import { DetectionThreads } from './detection-threads';

/** A job's outcome as stored: the municipality's result, or why its work failed. */
export type StoredJobResult = MunicipalityResult & { error?: string };

const POLL_MS = 100;

/**
 * The work of detection runs, shared by every instance against one database (issue 14). A run
 * writes one job per municipality; each instance claims jobs (`FOR UPDATE SKIP LOCKED`), detects
 * the municipality and stores the outcome on the job. The run's owner works on its own run too,
 * waits for the jobs others hold (handing back those of a dead or silent instance) and writes the
 * whole run in one transaction. Other instances find jobs on a tick (`SIGNAL_JOBS_TICK_MS`).
 */
@Injectable()
export class SignalJobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SignalJobs');
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;
  private closing = false;
  private threads: DetectionThreads | null = null;
  private readonly contexts = new Map<string, Promise<{ indicators: IndicatorMeta[]; settings: SignalSettings }>>();

  constructor(
    private readonly jobs: SignalJobsRepository,
    private readonly repo: SignalsRepository,
    private readonly annotations: AnnotationsRepository,
    private readonly signals: SignalsService,
    private readonly ledger: WorkLedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.threads = DetectionThreads.create(this.config.work.detectionThreads);
    // The embedded database belongs to one process: no other instance can start a run there.
    const ms = this.config.databaseUrl ? this.config.work.detectionTickMs : 0;
    if (ms > 0) {
      this.timer = setInterval(() => this.tick(), ms);
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stop();
    await this.ticking?.catch(() => undefined);
    await this.threads?.close();
  }

  /** Claims no more jobs; a run waiting for jobs gives up (the server is stopping). */
  stop(): void {
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** Looks for jobs of any running run (another instance's, say) and works on them. */
  private tick(): void {
    if (this.ticking || this.closing) return;
    this.ticking = this.drain(null)
      .catch((e: unknown) => {
        this.logger.warn(`detection jobs: ${(e as Error).message}`);
        return 0;
      })
      .finally(() => (this.ticking = null));
  }

  /** Works on claimable jobs (of `runId`, or of any running run) until none is left; answers how many it did. */
  async drain(runId: string | null): Promise<number> {
    const loops = Array.from({ length: this.config.work.detectionConcurrency }, () => this.loop(runId));
    return (await Promise.all(loops)).reduce((a, b) => a + b, 0);
  }

  private async loop(runId: string | null): Promise<number> {
    let done = 0;
    while (!this.closing) {
      const job = await this.jobs.claim(this.ledger.owner, runId);
      if (!job) break;
      const started = Date.now();
      let result: StoredJobResult;
      try {
        result = await this.work(job);
      } catch (e) {
        // Stored, not retried: the run's owner fails the run with this message.
        this.logger.error(`detection of ${job.municipality} (run ${job.runId}) failed: ${String((e as Error)?.stack ?? e)}`);
        result = { signals: [], skipped: [], skippedCount: 0, error: String((e as Error)?.message ?? e) };
      }
      if (await this.jobs.complete(job, this.ledger.owner, result, Date.now() - started)) done++;
    }
    return done;
  }

  /** One municipality: read its data, detect. */
  private async work(job: ClaimedJob): Promise<MunicipalityResult> {
    const { indicators, settings } = await this.context(job.runId);
    const [subjects, observations, annotations] = await Promise.all([
      this.repo.subjects(job.municipality),
      this.repo.observations(job.municipality),
      this.annotations.forMunicipality(job.municipality),
    ]);
    const input: MunicipalityInput = { municipality: job.municipality, indicators, settings, subjects, observations, annotations };
    return this.threads ? this.threads.run(input) : detectMunicipality(input);
  }

  /** Indicators and settings, read once per run in this instance. */
  private context(runId: string): Promise<{ indicators: IndicatorMeta[]; settings: SignalSettings }> {
    let c = this.contexts.get(runId);
    if (!c) {
      c = (async () => ({ indicators: (await this.repo.indicators()).map(indicatorMeta), settings: await this.signals.settings() }))();
      c.catch(() => this.contexts.delete(runId));
      this.contexts.set(runId, c);
      for (const key of this.contexts.keys()) if (this.contexts.size > 4 && key !== runId) this.contexts.delete(key);
    }
    return c;
  }

  /**
   * The run's owner: works on the run's jobs, then waits for those other instances hold, handing
   * back the jobs of an instance that died or stopped beating its heart. Answers who did the work.
   */
  async complete(runId: string): Promise<void> {
    for (;;) {
      await this.drain(runId);
      const open = await this.jobs.open(runId);
      if (open.pending === 0 && open.running === 0) return;
      if (this.closing) throw new Error('the server is stopping');
      const dead = open.owners.filter((o) => o !== this.ledger.owner && isDead(o));
      const requeued = await this.jobs.requeue(runId, dead, this.config.work.staleSeconds);
      if (requeued) this.logger.warn(`run ${runId}: ${requeued} detection job(s) of a stopped instance handed back`);
      if (open.pending === 0 && !requeued) await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  results(runId: string): Promise<{ municipality_code: string; owner: string; result: StoredJobResult }[]> {
    return this.jobs.results(runId) as Promise<{ municipality_code: string; owner: string; result: StoredJobResult }[]>;
  }
}
