import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts (issue 13): signal owners, per-user subscriptions, admin webhooks and one delivery log.
 * Every mail and webhook call is a row of `alert_delivery` with a unique `delivery_key`
 * ("webhook:<id>:signal.created:<signal>", "digest:<user>:<period>", …): planning inserts with
 * ON CONFLICT DO NOTHING and senders claim rows with FOR UPDATE SKIP LOCKED, so several processes
 * and restarts never send one event twice and never drop one.
 */
export class Alerts1766500000000 implements MigrationInterface {
  name = 'Alerts1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE signal ADD COLUMN owner_id uuid REFERENCES app_user(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX signal_owner_idx ON signal(owner_id)`);
    await q.query(`
      CREATE TABLE alert_subscription (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        areas text[] NOT NULL DEFAULT '{}',
        quadrants text[] NOT NULL DEFAULT '{}',
        rules text[] NOT NULL DEFAULT '{}',
        min_severity text NOT NULL DEFAULT 'low' CHECK (min_severity IN ('low','medium','high')),
        mode text NOT NULL CHECK (mode IN ('immediate','daily','weekly','monthly','off')),
        include_stale boolean NOT NULL DEFAULT false,
        language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl','en')),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE alert_webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        url text NOT NULL,
        format text NOT NULL CHECK (format IN ('json','teams','slack')),
        filter jsonb NOT NULL DEFAULT '{}',
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE alert_delivery (
        id bigserial PRIMARY KEY,
        delivery_key text NOT NULL UNIQUE,
        channel text NOT NULL CHECK (channel IN ('email','webhook')),
        kind text NOT NULL,
        user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
        webhook_id uuid REFERENCES alert_webhook(id) ON DELETE CASCADE,
        recipient text NOT NULL,
        signal_ids uuid[] NOT NULL DEFAULT '{}',
        stale_ids uuid[] NOT NULL DEFAULT '{}',
        subject text,
        body_text text,
        body_html text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','outbox','failed','skipped')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX alert_delivery_due_idx ON alert_delivery(next_attempt_at) WHERE status IN ('pending','sending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_delivery`);
    await q.query(`DROP TABLE alert_webhook`);
    await q.query(`DROP TABLE alert_subscription`);
    await q.query(`ALTER TABLE signal DROP COLUMN owner_id`);
  }
}
