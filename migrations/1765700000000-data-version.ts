import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One number that changes whenever the data behind an answer changes (issue 14): the read cache
 * and the ETags of every instance key their entries by it, so an import, a detection run or a
 * signal's new status changes the next answer at once, in every process.
 *
 * A statement-level trigger on each table that answers read from notes the writing transaction
 * in `data_change_pending` (one row per transaction, whatever it writes); a deferred constraint
 * trigger on that row bumps `data_version.version` at commit time. So the version moves only when
 * the change becomes visible, and the version row is locked only for the instant of the commit —
 * a long import does not hold it (nor block other writers) while it runs.
 */
export const VERSIONED_TABLES = [
  'area', 'unit', 'indicator', 'observation', 'import_batch', 'signal', 'signal_event', 'signal_run', 'signal_settings',
  'meeting', 'agenda_item', 'annotation', 'app_user',
];

export class DataVersion1765700000000 implements MigrationInterface {
  name = 'DataVersion1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE data_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)`);
    await q.query(`INSERT INTO data_version (id, version) VALUES (1, 1)`);
    await q.query(`CREATE TABLE data_change_pending (txid bigint PRIMARY KEY)`);
    await q.query(`
      CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO data_change_pending (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE data_version SET version = version + 1 WHERE id = 1;
        DELETE FROM data_change_pending WHERE txid = NEW.txid;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER data_change_commit AFTER INSERT ON data_change_pending
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version()`);
    for (const table of VERSIONED_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
                     FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of VERSIONED_TABLES) await q.query(`DROP TRIGGER IF EXISTS ${table}_data_change ON ${table}`);
    await q.query(`DROP TABLE data_change_pending`);
    await q.query(`DROP FUNCTION note_data_change()`);
    await q.query(`DROP FUNCTION bump_data_version()`);
    await q.query(`DROP TABLE data_version`);
  }
}
