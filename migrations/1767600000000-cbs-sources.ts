import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: CBS open-data tables registered for sync (on demand and on a schedule). */
export class CbsSources1767600000000 implements MigrationInterface {
  name = 'CbsSources1767600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cbs_source (
        id uuid PRIMARY KEY,
        table_id text NOT NULL UNIQUE,
        name text,
        columns jsonb NOT NULL,
        period text,
        schedule text NOT NULL DEFAULT 'manual' CHECK (schedule IN ('manual','daily','weekly','monthly')),
        next_run_at timestamptz,
        last_run_at timestamptz,
        last_status text CHECK (last_status IN ('completed','duplicate','failed')),
        last_error text,
        last_error_code text,
        last_error_params jsonb,
        last_batch_id uuid,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cbs_source_due ON cbs_source (next_run_at) WHERE schedule <> 'manual'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cbs_source`);
  }
}
