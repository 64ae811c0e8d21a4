import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../common/errors';

/**
 * Brute-force brake on sign-in (issue 9 item 4): failed attempts are counted per account and per
 * client address in a sliding window (LOGIN_WINDOW_SECONDS); over the limit the answer is 429 with
 * Retry-After, before any password hash is computed. A successful sign-in clears the account's
 * count. In memory per process: with several instances an attacker gets the limit once per
 * instance, which still turns 300 guesses a minute into a handful.
 */
@Injectable()
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws 429 when the account or the address has used up its failures. */
  check(account: string, address: string): void {
    const { loginMaxFailuresPerAccount, loginMaxFailuresPerAddress } = this.config.auth;
    const wait = Math.max(this.blockedFor(`a:${account.toLowerCase()}`, loginMaxFailuresPerAccount), this.blockedFor(`ip:${address}`, loginMaxFailuresPerAddress));
    if (wait > 0) {
      throw new TooManyRequestsError('Too many failed sign-in attempts; try again later', undefined, { code: 'auth.tooManyAttempts', retryAfter: wait });
    }
  }

  fail(account: string, address: string): void {
    const now = Date.now();
    for (const key of [`a:${account.toLowerCase()}`, `ip:${address}`]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.failures.clear();
  }

  succeed(account: string): void {
    this.failures.delete(`a:${account.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    const windowMs = this.config.auth.loginWindowSeconds * 1000;
    return (this.failures.get(key) ?? []).filter((t) => now - t < windowMs);
  }

  /** Seconds until the oldest counted failure leaves the window, when the limit is reached; else 0. */
  private blockedFor(key: string, max: number): number {
    const now = Date.now();
    const list = this.recent(key, now);
    if (list.length < max) return 0;
    const windowMs = this.config.auth.loginWindowSeconds * 1000;
    return Math.max(1, Math.ceil((list[list.length - max] + windowMs - now) / 1000));
  }
}
