import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: column mappings remembered per StatLine table (header signature): which indicator a
 * column that no indicator's statlineColumn names is read into, so next year's file imports as is.
 */
export class StatlineMapping1766600000001 implements MigrationInterface {
  name = 'StatlineMapping1766600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statline_mapping (
        signature text PRIMARY KEY,
        title text,
        columns jsonb NOT NULL DEFAULT '{}',
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statline_mapping`);
  }
}
