import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface SessionRow {
  id: string;
  userId: string;
  method: 'password' | 'oidc';
  expiresAt: string;
  revokedAt: string | null;
  providerRefresh: string | null;
}

export interface PresentedToken {
  session: SessionRow;
  usedAt: string | null;
  /** Seconds since the token was first used (null when unused). */
  usedSecondsAgo: number | null;
}

const SESSION = `s.id, s.user_id AS "userId", s.method, s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt", s.provider_refresh AS "providerRefresh"`;

/** All SQL about refresh sessions (migration 1766200000000). Only token hashes are stored. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: DataSource) {}

  async create(userId: string, method: 'password' | 'oidc', ttlSeconds: number, tokenHash: string, providerRefresh: string | null): Promise<string> {
    return this.db.transaction(async (m) => {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO auth_session (user_id, method, expires_at, provider_refresh) VALUES ($1, $2, now() + ($3::int * interval '1 second'), $4) RETURNING id`,
        [userId, method, ttlSeconds, providerRefresh],
      );
      await m.query(`INSERT INTO refresh_token (token_hash, session_id) VALUES ($1, $2)`, [tokenHash, rows[0].id]);
      return rows[0].id;
    });
  }

  /** The presented token's session, the token row locked (two renewals with one token serialise here). */
  async presented(tokenHash: string, m: EntityManager): Promise<PresentedToken | null> {
    const rows: (SessionRow & { usedAt: string | null; usedSecondsAgo: number | null })[] = await m.query(
      `SELECT ${SESSION}, t.used_at AS "usedAt", extract(epoch FROM now() - t.used_at)::float8 AS "usedSecondsAgo"
       FROM refresh_token t JOIN auth_session s ON s.id = t.session_id WHERE t.token_hash = $1 FOR UPDATE OF t`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    const { usedAt, usedSecondsAgo, ...session } = r;
    return { session, usedAt, usedSecondsAgo };
  }

  async rotate(oldHash: string, newHash: string, sessionId: string, providerRefresh: string | null | undefined, m: EntityManager): Promise<void> {
    await m.query(`UPDATE refresh_token SET used_at = COALESCE(used_at, now()) WHERE token_hash = $1`, [oldHash]);
    await m.query(`INSERT INTO refresh_token (token_hash, session_id) VALUES ($1, $2)`, [newHash, sessionId]);
    await m.query(
      `UPDATE auth_session SET last_used_at = now(), provider_refresh = CASE WHEN $2 THEN $3 ELSE provider_refresh END WHERE id = $1`,
      [sessionId, providerRefresh !== undefined, providerRefresh ?? null],
    );
  }

  async revoke(sessionId: string, reason: string, m: EntityManager = this.db.manager): Promise<void> {
    await m.query(`UPDATE auth_session SET revoked_at = COALESCE(revoked_at, now()), revoked_reason = COALESCE(revoked_reason, $2) WHERE id = $1`, [sessionId, reason]);
  }

  async revokeAllOfUser(userId: string, reason: string, m: EntityManager = this.db.manager): Promise<void> {
    await m.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, reason]);
  }

  /** What every request checks (cached briefly): the user's state and whether the token's session still stands. */
  async state(userId: string, sessionId: string): Promise<AccessState | null> {
    const rows: AccessState[] = await this.db.query(
      `SELECT u.id, u.email, u.name, u.role, u.active, u.token_version AS "tokenVersion",
              u.home_municipality AS "homeMunicipality", u.scope_municipalities AS "scopeMunicipalities",
              (s.id IS NOT NULL AND s.revoked_at IS NULL AND s.expires_at > now()) AS "sessionLive"
       FROM app_user u LEFT JOIN auth_session s ON s.id = $2 AND s.user_id = u.id
       WHERE u.id = $1`,
      [userId, sessionId],
    );
    return rows[0] ?? null;
  }
}

export interface AccessState {
  id: string;
  email: string;
  name: string;
  role: import('contracts').Role;
  active: boolean;
  tokenVersion: number;
  homeMunicipality: string | null;
  scopeMunicipalities: string[] | null;
  sessionLive: boolean;
}
