import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions get an owner and a deadline (issue 15, report-ready outputs). The follow-up date is the
 * existing `effect_due_on` (when the effect is measured and the owner reminded). The owner is a user;
 * when the account goes, the decision stays without owner.
 */
export class DecisionOwnerDeadline1767730000000 implements MigrationInterface {
  name = 'DecisionOwnerDeadline1767730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agenda_item ADD COLUMN owner_id uuid REFERENCES app_user(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE agenda_item ADD COLUMN deadline date`);
    await q.query(`CREATE INDEX agenda_item_owner_idx ON agenda_item(owner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX agenda_item_owner_idx`);
    await q.query(`ALTER TABLE agenda_item DROP COLUMN deadline`);
    await q.query(`ALTER TABLE agenda_item DROP COLUMN owner_id`);
  }
}
