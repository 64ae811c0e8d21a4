import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9, item 8: imports and detection runs are recorded as `running` before their work starts,
 * with the process that owns them and a heartbeat, so that work a crash left unfinished is marked
 * `interrupted` (at start-up, or by any instance once the heartbeat is stale) instead of vanishing.
 */
export class WorkLedger1766850000000 implements MigrationInterface {
  name = 'WorkLedger1766850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batch DROP CONSTRAINT IF EXISTS import_batch_status_check`);
    await q.query(`ALTER TABLE import_batch ADD CONSTRAINT import_batch_status_check CHECK (status IN ('running','completed','failed','interrupted'))`);
    await q.query(`ALTER TABLE import_batch ADD COLUMN owner text, ADD COLUMN heartbeat_at timestamptz, ADD COLUMN finished_at timestamptz`);
    await q.query(`UPDATE import_batch SET finished_at = created_at`);
    await q.query(`CREATE INDEX import_batch_running_idx ON import_batch (heartbeat_at) WHERE status = 'running'`);

    await q.query(`ALTER TABLE signal_run ADD COLUMN status text NOT NULL DEFAULT 'running', ADD COLUMN owner text, ADD COLUMN heartbeat_at timestamptz`);
    await q.query(`UPDATE signal_run SET status = CASE WHEN finished_at IS NULL THEN 'interrupted' WHEN skipped::text LIKE '%run failed%' THEN 'failed' ELSE 'completed' END`);
    await q.query(`ALTER TABLE signal_run ADD CONSTRAINT signal_run_status_check CHECK (status IN ('running','completed','failed','interrupted'))`);
    await q.query(`CREATE INDEX signal_run_running_idx ON signal_run (heartbeat_at) WHERE status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX signal_run_running_idx`);
    await q.query(`ALTER TABLE signal_run DROP CONSTRAINT signal_run_status_check, DROP COLUMN status, DROP COLUMN owner, DROP COLUMN heartbeat_at`);
    await q.query(`DROP INDEX import_batch_running_idx`);
    await q.query(`DELETE FROM import_batch WHERE status IN ('running','interrupted')`);
    await q.query(`ALTER TABLE import_batch DROP COLUMN owner, DROP COLUMN heartbeat_at, DROP COLUMN finished_at`);
    await q.query(`ALTER TABLE import_batch DROP CONSTRAINT import_batch_status_check`);
    await q.query(`ALTER TABLE import_batch ADD CONSTRAINT import_batch_status_check CHECK (status IN ('completed','failed'))`);
  }
}
