import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 16: what each import batch changed (indicators, periods, areas, rows new/replaced). */
export class ImportSummary1766600000000 implements MigrationInterface {
  name = 'ImportSummary1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batch ADD COLUMN summary jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batch DROP COLUMN summary`);
  }
}
