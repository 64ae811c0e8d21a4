import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const INTERRUPTED_IMPORT = JSON.stringify([
  { line: 0, column: null, message: 'interrupted: the server stopped during this import; nothing of it was written', code: 'import.interrupted' },
]);

/** All SQL about running work (imports, detection runs): heartbeats and the sweep of interrupted work. */
@Injectable()
export class WorkLedgerRepository {
  constructor(private readonly db: DataSource) {}

  /** Keeps this instance's running work alive. */
  async heartbeat(owner: string): Promise<void> {
    await this.db.query(`UPDATE import_batch SET heartbeat_at = now() WHERE status = 'running' AND owner = $1`, [owner]);
    await this.db.query(`UPDATE signal_run SET heartbeat_at = now() WHERE status = 'running' AND owner = $1`, [owner]);
    await this.db.query(`UPDATE signal_job SET heartbeat_at = now() WHERE status = 'running' AND owner = $1`, [owner]);
  }

  /** Owners of work still marked running. */
  async runningOwners(): Promise<string[]> {
    const rows: { owner: string }[] = await this.db.query(
      `SELECT DISTINCT owner FROM import_batch WHERE status = 'running' AND owner IS NOT NULL
       UNION SELECT DISTINCT owner FROM signal_run WHERE status = 'running' AND owner IS NOT NULL`,
    );
    return rows.map((r) => r.owner);
  }

  /**
   * Marks running work `interrupted` when its owner is gone (`deadOwners`) or its heartbeat is older
   * than `staleSeconds` (or it has none: work from before the ledger). Answers how many rows of each.
   */
  async markInterrupted(deadOwners: string[], staleSeconds: number): Promise<{ imports: number; runs: number }> {
    const where = `status = 'running' AND (owner = ANY($1) OR heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $2))`;
    const imports: { n: number }[] = await this.db.query(
      `WITH u AS (UPDATE import_batch SET status = 'interrupted', finished_at = now(), errors = $3::jsonb, error_count = 1 WHERE ${where} RETURNING id)
       SELECT count(*)::int AS n FROM u`,
      [deadOwners, staleSeconds, INTERRUPTED_IMPORT],
    );
    const runs: { n: number }[] = await this.db.query(
      `WITH u AS (UPDATE signal_run SET status = 'interrupted', finished_at = now() WHERE ${where} RETURNING id) SELECT count(*)::int AS n FROM u`,
      [deadOwners, staleSeconds],
    );
    // The jobs of runs that no longer run (interrupted, or failed without cleaning up) are of no use.
    await this.db.query(`DELETE FROM signal_job j USING signal_run r WHERE r.id = j.run_id AND r.status <> 'running'`);
    return { imports: imports[0].n, runs: runs[0].n };
  }
}
