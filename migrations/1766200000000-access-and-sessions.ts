import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access and sessions (issue 12, issue 9 items 5–6):
 * - app_user: a token version (every access token carries it; bumping it ends every session of
 *   the user at the next request), the home municipality, a municipality scope (NULL = all), and
 *   the OpenID Connect subject for accounts provisioned by single sign-on.
 * - auth_session: one per sign-in (a refresh-token family); revoked on logout, deactivation,
 *   role or scope change, or when a refresh token is presented a second time (reuse detection).
 * - refresh_token: only hashes; a token is used once and replaced by the next one of its session.
 */
export class AccessAndSessions1766200000000 implements MigrationInterface {
  name = 'AccessAndSessions1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version int NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE app_user ADD COLUMN home_municipality text`);
    await q.query(`ALTER TABLE app_user ADD COLUMN scope_municipalities text[]`);
    await q.query(`ALTER TABLE app_user ADD COLUMN oidc_subject text UNIQUE`);
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        method text NOT NULL CHECK (method IN ('password','oidc')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        -- OIDC sessions: the provider's refresh token (AES-GCM under a key derived from JWT_SECRET),
        -- used at each renewal to ask the provider whether the user still belongs to the groups.
        provider_refresh text
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session(user_id)`);
    await q.query(`
      CREATE TABLE refresh_token (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_session(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_token_session_idx ON refresh_token(session_id)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event(actor, id)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event(action, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_event_action_idx`);
    await q.query(`DROP INDEX IF EXISTS audit_event_actor_idx`);
    await q.query(`DROP TABLE IF EXISTS refresh_token`);
    await q.query(`DROP TABLE IF EXISTS auth_session`);
    for (const c of ['oidc_subject', 'scope_municipalities', 'home_municipality', 'token_version']) {
      await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS ${c}`);
    }
  }
}
