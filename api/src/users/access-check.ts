import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionsRepository, type AccessState } from './sessions.repository';

/**
 * The per-request check of an access token against the database (issue 9 item 5): the user must be
 * active, the token's version the user's current one and its session not revoked. Answers are
 * cached for TOKEN_CHECK_CACHE_MS per (user, session); every change made by this process drops the
 * user's entries at once, so logout, deactivation, role and scope changes hold from the next
 * request here, and within that short time on other instances.
 */
@Injectable()
export class AccessCheck {
  private readonly cache = new Map<string, { at: number; state: AccessState | null }>();

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async state(userId: string, sessionId: string): Promise<AccessState | null> {
    const key = `${userId}:${sessionId}`;
    const ttl = this.config.auth.tokenCheckCacheMs;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < ttl) return hit.state;
    const state = await this.sessions.state(userId, sessionId);
    if (ttl > 0) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, { at: Date.now(), state });
    }
    return state;
  }

  /** Forget what is cached about this user (after any change to the user or one of its sessions). */
  forget(userId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${userId}:`)) this.cache.delete(key);
  }
}
