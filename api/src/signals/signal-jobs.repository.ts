import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A claimed job: one municipality of one detection run. */
export interface ClaimedJob {
  runId: string;
  municipality: string;
}

/** What a job hands back to the run's owner (stored as jsonb until the run writes). */
export interface JobResult<C = unknown, S = unknown> {
  signals: C[];
  /** The first skipped series (at most the run's stored maximum) and how many there were. */
  skipped: S[];
  skippedCount: number;
}

/**
 * All SQL about detection jobs (issue 14): a run's work, one row per municipality, claimed by any
 * instance with `FOR UPDATE SKIP LOCKED` in one statement (also on the embedded database).
 */
@Injectable()
export class SignalJobsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * One pending job per municipality of the run: the given ones, or (null) every municipality with
   * observations on its areas or units. Answers how many.
   */
  async create(runId: string, municipalities: string[] | null): Promise<number> {
    const rows: { n: number }[] = municipalities
      ? await this.db.query(
          `WITH i AS (INSERT INTO signal_job (run_id, municipality_code)
                      SELECT $1::bigint, m FROM unnest($2::text[]) AS m GROUP BY m ON CONFLICT DO NOTHING RETURNING 1)
           SELECT count(*)::int AS n FROM i`,
          [runId, municipalities],
        )
      : await this.db.query(
          `WITH i AS (INSERT INTO signal_job (run_id, municipality_code)
                      SELECT DISTINCT $1::bigint, a.municipality_code FROM observation o
                        LEFT JOIN unit u ON u.code = o.subject_code
                        JOIN area a ON a.code = COALESCE(u.area_code, o.subject_code)
                       WHERE a.municipality_code IS NOT NULL
                      ON CONFLICT DO NOTHING RETURNING 1)
           SELECT count(*)::int AS n FROM i`,
          [runId],
        );
    return rows[0].n;
  }

  /** Claims one pending job of a running run (of `runId` when given), in municipality order; null when none is left. */
  async claim(owner: string, runId: string | null): Promise<ClaimedJob | null> {
    const rows: { run_id: string; municipality_code: string }[] = await this.db.query(
      `WITH next AS (
         SELECT c.run_id, c.municipality_code FROM signal_job c JOIN signal_run r ON r.id = c.run_id
          WHERE c.status = 'pending' AND r.status = 'running' AND ($2::bigint IS NULL OR c.run_id = $2::bigint)
          ORDER BY c.run_id, c.municipality_code
          LIMIT 1 FOR UPDATE OF c SKIP LOCKED)
       , claimed AS (
         UPDATE signal_job j SET status = 'running', owner = $1, heartbeat_at = now(), attempts = j.attempts + 1
           FROM next WHERE j.run_id = next.run_id AND j.municipality_code = next.municipality_code
         RETURNING j.run_id::text AS run_id, j.municipality_code)
       SELECT run_id, municipality_code FROM claimed`,
      [owner, runId],
    );
    return rows[0] ? { runId: rows[0].run_id, municipality: rows[0].municipality_code } : null;
  }

  /** Stores a job's outcome, if the job is still this owner's (a job handed to another instance stays theirs). */
  async complete(job: ClaimedJob, owner: string, result: JobResult, ms: number): Promise<boolean> {
    // (Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count].)
    const rows: { n: number }[] = await this.db.query(
      `WITH u AS (UPDATE signal_job SET status = 'done', result = $4::jsonb, ms = $5, heartbeat_at = now()
                   WHERE run_id = $1::bigint AND municipality_code = $2 AND owner = $3 AND status = 'running' RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [job.runId, job.municipality, owner, JSON.stringify(result), ms],
    );
    return rows[0].n === 1;
  }

  /** Gives a job back (its work failed here): another claim may try again. */
  async release(job: ClaimedJob, owner: string): Promise<void> {
    await this.db.query(
      `UPDATE signal_job SET status = 'pending', owner = NULL WHERE run_id = $1::bigint AND municipality_code = $2 AND owner = $3 AND status = 'running'`,
      [job.runId, job.municipality, owner],
    );
  }

  /** Jobs of a run not done yet, and the owners of those that run. */
  async open(runId: string): Promise<{ pending: number; running: number; owners: string[] }> {
    const rows: { status: string; owner: string | null }[] = await this.db.query(
      `SELECT status, owner FROM signal_job WHERE run_id = $1::bigint AND status <> 'done'`,
      [runId],
    );
    return {
      pending: rows.filter((r) => r.status === 'pending').length,
      running: rows.filter((r) => r.status === 'running').length,
      owners: [...new Set(rows.filter((r) => r.status === 'running' && r.owner).map((r) => r.owner!))],
    };
  }

  /** Hands jobs of dead owners, or with a heartbeat older than `staleSeconds`, back to the queue. */
  async requeue(runId: string, deadOwners: string[], staleSeconds: number): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `WITH u AS (UPDATE signal_job SET status = 'pending', owner = NULL
                   WHERE run_id = $1::bigint AND status = 'running'
                     AND (owner = ANY($2) OR heartbeat_at < now() - make_interval(secs => $3)) RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [runId, deadOwners, staleSeconds],
    );
    return rows[0].n;
  }

  /** The outcomes of a run's jobs, in municipality order, with who did each. */
  results<C, S>(runId: string): Promise<{ municipality_code: string; owner: string; result: JobResult<C, S> }[]> {
    return this.db.query(
      `SELECT municipality_code, owner, result FROM signal_job WHERE run_id = $1::bigint AND status = 'done' ORDER BY municipality_code`,
      [runId],
    );
  }

  async remove(runId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`DELETE FROM signal_job WHERE run_id = $1::bigint`, [runId]);
  }
}
