import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isDead, ownerId } from './instance';
import { WorkLedgerRepository } from './work-ledger.repository';

/**
 * Issue 9, item 8. Imports and detection runs write a `running` row (owned by this instance) before
 * their work; this service beats their heart while they run and sweeps work a crash left behind:
 * at start-up (work of a process of this host that no longer exists: marked at once) and every
 * minute (work whose heartbeat is older than WORK_STALE_SECONDS, on any host).
 */
@Injectable()
export class WorkLedgerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WorkLedger');
  private timer: NodeJS.Timeout | null = null;
  readonly owner = ownerId();

  constructor(
    private readonly repo: WorkLedgerRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep().catch((e: unknown) => this.logger.warn(`sweep of interrupted work failed: ${(e as Error).message}`));
    const ms = this.config.work.heartbeatMs;
    if (ms > 0) {
      this.timer = setInterval(() => void this.tick(), ms);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      await this.repo.heartbeat(this.owner);
      await this.sweep();
    } catch (e) {
      this.logger.warn(`work heartbeat failed: ${(e as Error).message}`);
    }
  }

  /** Marks interrupted work; answers the counts (logged when not zero). */
  async sweep(): Promise<{ imports: number; runs: number }> {
    const dead = (await this.repo.runningOwners()).filter((o) => o !== this.owner && isDead(o));
    const n = await this.repo.markInterrupted(dead, this.config.work.staleSeconds);
    if (n.imports || n.runs) this.logger.warn(`Marked interrupted by a stop of the server: ${n.imports} import(s), ${n.runs} detection run(s); nothing of them was written`);
    return n;
  }
}
