import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed delivery says why as a message key plus parameters (shown in the admin's language on the
 * Beheer page), next to the transport's own text, which stays for the technically minded.
 */
export class DeliveryErrorCode1767800000000 implements MigrationInterface {
  name = 'DeliveryErrorCode1767800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alert_delivery ADD COLUMN last_error_code text, ADD COLUMN last_error_params jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alert_delivery DROP COLUMN last_error_params, DROP COLUMN last_error_code`);
  }
}
