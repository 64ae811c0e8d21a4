import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stored disclosure pattern (issue 9, docs/design.md §6): the hidden cells of every indicator,
 * decided once over the area and time hierarchies (api/src/disclosure), and per indicator the
 * minimum it was decided with. Both tables bump the data version (migration 1765700000000) so
 * cached answers move when the pattern does.
 */
export class DisclosurePattern1766000000000 implements MigrationInterface {
  name = 'DisclosurePattern1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disclosure_cell (
        indicator_code text NOT NULL REFERENCES indicator(code) ON DELETE CASCADE,
        subject_code text NOT NULL,
        granularity text NOT NULL,
        period_start date NOT NULL,
        reason text NOT NULL CHECK (reason IN ('primary', 'secondary')),
        PRIMARY KEY (indicator_code, subject_code, granularity, period_start)
      )`);
    await q.query(`
      CREATE TABLE disclosure_state (
        indicator_code text PRIMARY KEY REFERENCES indicator(code) ON DELETE CASCADE,
        min_count int NOT NULL,
        cells int NOT NULL,
        hidden int NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const table of ['disclosure_cell', 'disclosure_state']) {
      await q.query(`CREATE TRIGGER ${table}_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
                     FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disclosure_cell`);
    await q.query(`DROP TABLE disclosure_state`);
  }
}
