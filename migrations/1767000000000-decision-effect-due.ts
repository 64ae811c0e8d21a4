import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decision follow-up (issue 13, reminders): the policy table records when a decision's effect is to
 * be measured. A signal in `monitoring` reminds its owner (or the managers of its area) once that
 * day has come; without a date the alerts use the decision day + EFFECT_REVIEW_DAYS.
 */
export class DecisionEffectDue1767000000000 implements MigrationInterface {
  name = 'DecisionEffectDue1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agenda_item ADD COLUMN effect_due_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agenda_item DROP COLUMN effect_due_on`);
  }
}
