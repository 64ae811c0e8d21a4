import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signal groups (issue 11): a signal that a broader signal of the same run explains is a member of
 * it (`group_id` → the broader signal). A member keeps its own id, status, history and comments;
 * when the broader pattern ends its members that still hold are top level again (group_id NULL).
 */
export class SignalGroups1766300000000 implements MigrationInterface {
  name = 'SignalGroups1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE signal ADD COLUMN group_id uuid NULL REFERENCES signal(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX signal_group_id_idx ON signal (group_id) WHERE group_id IS NOT NULL`);
    await q.query(`CREATE INDEX signal_top_level_idx ON signal (status) WHERE group_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS signal_top_level_idx`);
    await q.query(`DROP INDEX IF EXISTS signal_group_id_idx`);
    await q.query(`ALTER TABLE signal DROP COLUMN group_id`);
  }
}
