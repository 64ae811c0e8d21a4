import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import type { LoginResponse, Role, UserSummary } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, UnauthorizedError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersRepository, type UserRow } from '../users/users.repository';
import { dummyHash, verifyPassword } from '../users/passwords';
import { AccessCheck } from '../users/access-check';
import { LoginLimiter } from './login-limiter';
import { SessionsRepository } from '../users/sessions.repository';
import { DataSource } from 'typeorm';

/** What a successful sign-in or renewal hands to the controller: the answer and the new refresh cookie. */
export interface Issued {
  response: LoginResponse;
  refreshToken: string;
  /** Seconds the refresh cookie lives (the session's remaining lifetime). */
  refreshMaxAge: number;
}

/** Access-token claims: who, which token version, which session. */
export interface TokenPayload {
  sub: string;
  ver: number;
  sid: string;
  email: string;
  name: string;
  role: Role;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A refresh token presented again this soon after its first use is a race between tabs, not theft. */
const REUSE_GRACE_SECONDS = 10;

/**
 * Sign-in and sessions (issue 12 §3): a short access token (JWT_TTL_SECONDS, default 15 min) in the
 * answer and a refresh token in an httpOnly cookie. Each renewal uses the refresh token once and
 * hands out the next one; a token presented again later than a few seconds after its first use
 * means it was copied, and the whole session is revoked (reuse detection).
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly limiter: LoginLimiter,
    private readonly access: AccessCheck,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, address: string): Promise<Issued> {
    if (!this.config.auth.localLogin) {
      throw new ForbiddenError('Sign-in with a password is switched off here; sign in with your organisation', undefined, { code: 'auth.localLoginOff' });
    }
    this.limiter.check(email, address);
    const user = await this.users.findByEmail(email);
    // Verify against a dummy hash for unknown users: same answer, same time, nothing revealed.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) {
      this.limiter.fail(email, address);
      await this.audit.record({ actor: email.toLowerCase(), action: 'auth.login-failed', details: { address } });
      throw new UnauthorizedError('E-mail address or password is incorrect', undefined, { code: 'auth.invalidCredentials' });
    }
    this.limiter.succeed(email);
    const issued = await this.startSession(user, 'password', null);
    await this.audit.record({ actor: user.email, action: 'auth.login', details: { method: 'password' } });
    return issued;
  }

  /** A new session for a user who proved who they are (password or identity provider). */
  async startSession(user: UserRow, method: 'password' | 'oidc', providerRefresh: string | null): Promise<Issued> {
    const refreshToken = randomBytes(32).toString('base64url');
    const ttl = this.config.auth.sessionTtlSeconds;
    const sid = await this.sessions.create(user.id, method, ttl, sha256(refreshToken), providerRefresh);
    return { response: await this.accessAnswer(user, sid), refreshToken, refreshMaxAge: ttl };
  }

  /**
   * Renewal with the refresh cookie. `recheck` is called for identity-provider sessions and may
   * throw (user left the group) or answer a new provider refresh token.
   */
  async refresh(
    refreshToken: string,
    recheck?: (user: UserRow, providerRefresh: string | null) => Promise<string | null | undefined>,
  ): Promise<Issued> {
    const presentedHash = sha256(refreshToken);
    const next = randomBytes(32).toString('base64url');
    const outcome = await this.db.transaction(async (m) => {
      const found = await this.sessions.presented(presentedHash, m);
      if (!found) return { error: 'unknown' as const };
      const { session } = found;
      if (session.revokedAt) return { error: 'revoked' as const, userId: session.userId };
      if (new Date(session.expiresAt).getTime() <= Date.now()) return { error: 'expired' as const, userId: session.userId };
      if (found.usedAt && (found.usedSecondsAgo ?? Infinity) > REUSE_GRACE_SECONDS) {
        await this.sessions.revoke(session.id, 'refresh token reused', m);
        return { error: 'reused' as const, userId: session.userId, sessionId: session.id };
      }
      const user = await this.users.findById(session.userId, m);
      if (!user || !user.active) {
        await this.sessions.revoke(session.id, 'user deactivated', m);
        return { error: 'inactive' as const, userId: session.userId };
      }
      return { session, user };
    });
    if ('error' in outcome) {
      if (outcome.error === 'reused') {
        this.access.forget(outcome.userId);
        await this.audit.record({ actor: 'system', action: 'auth.refresh-reuse', target: outcome.userId, details: { session: outcome.sessionId } });
      }
      throw new UnauthorizedError('Session ended; sign in again', undefined, { code: `auth.session.${outcome.error}` });
    }
    let { user } = outcome;
    let providerRefresh: string | null | undefined;
    if (outcome.session.method === 'oidc' && recheck) {
      try {
        providerRefresh = await recheck(user, outcome.session.providerRefresh);
      } catch (e) {
        await this.sessions.revoke(outcome.session.id, 'identity provider refused');
        this.access.forget(user.id);
        throw e;
      }
      user = (await this.users.findById(user.id)) ?? user;
    }
    await this.db.transaction((m) => this.sessions.rotate(presentedHash, sha256(next), outcome.session.id, providerRefresh, m));
    const left = Math.max(1, Math.floor((new Date(outcome.session.expiresAt).getTime() - Date.now()) / 1000));
    return { response: await this.accessAnswer(user, outcome.session.id), refreshToken: next, refreshMaxAge: left };
  }

  /** Ends the session of this refresh token and/or access token; from the next request on, neither works. */
  async logout(refreshToken: string | null, caller: { sessionId: string | null; userId: string | null; actor: string | null }): Promise<void> {
    let sid = caller.sessionId;
    let userId = caller.userId;
    const actor = caller.actor;
    if (refreshToken) {
      const found = await this.db.transaction((m) => this.sessions.presented(sha256(refreshToken), m));
      if (found) {
        sid = found.session.id;
        userId = found.session.userId;
      }
    }
    if (!sid) return;
    await this.sessions.revoke(sid, 'logout');
    if (userId) this.access.forget(userId);
    const who = actor ?? (userId ? (await this.users.findById(userId))?.email : null) ?? 'unknown';
    await this.audit.record({ actor: who, action: 'auth.logout', target: sid });
  }

  private async accessAnswer(user: UserRow, sid: string): Promise<LoginResponse> {
    const payload: TokenPayload = { sub: user.id, ver: user.tokenVersion, sid, email: user.email, name: user.name, role: user.role };
    const accessToken = await this.jwt.signAsync(payload);
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, user: summary(user) };
  }
}

export function summary(u: Pick<UserRow, 'email' | 'name' | 'role' | 'homeMunicipality' | 'scopeMunicipalities'>): UserSummary {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    homeMunicipality: u.homeMunicipality,
    scope: u.scopeMunicipalities ? { municipalities: u.scopeMunicipalities } : null,
  };
}
