import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicator metadata instead of regular expressions on indicator codes (issue 10 item 9): `topic`
 * says what an indicator counts where a rule's text depends on it (evictions, payment arrears,
 * referrals; see INDICATOR_TOPICS in libs/contracts). Existing indicators get the topic their code
 * used to be recognised by, so every text stays as it was; the catalogue edits it from now on.
 */
export class IndicatorTopic1767700000000 implements MigrationInterface {
  name = 'IndicatorTopic1767700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator ADD COLUMN topic text CHECK (topic IN ('evictions', 'payment-arrears', 'referrals'))`);
    await q.query(`UPDATE indicator SET topic = 'evictions' WHERE code ~* '(evict|uitzet)'`);
    await q.query(`UPDATE indicator SET topic = 'payment-arrears' WHERE topic IS NULL AND code ~* '(debt|schuld|arrear|achterstand)'`);
    await q.query(`UPDATE indicator SET topic = 'referrals' WHERE topic IS NULL AND code ~* '(referral|verwijz)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator DROP COLUMN topic`);
  }
}
