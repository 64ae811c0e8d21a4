import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: the work of a detection run, one job per municipality, claimed by any instance with
 * `FOR UPDATE SKIP LOCKED`. A job holds its outcome (candidate signals, skipped series) until the
 * run's owner writes the whole run in one transaction and deletes the run's jobs. Not versioned:
 * jobs change no answer (the run's write does).
 */
export class SignalJobs1767710000000 implements MigrationInterface {
  name = 'SignalJobs1767710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signal_job (
        run_id bigint NOT NULL REFERENCES signal_run (id) ON DELETE CASCADE,
        municipality_code text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','running','done')),
        owner text,
        heartbeat_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        ms int,
        result jsonb,
        PRIMARY KEY (run_id, municipality_code)
      )`);
    await q.query(`CREATE INDEX signal_job_open ON signal_job (run_id, municipality_code) WHERE status <> 'done'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE signal_job`);
  }
}
