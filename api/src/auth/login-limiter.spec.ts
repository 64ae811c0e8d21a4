import type { AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../common/errors';
import { LoginLimiter } from './login-limiter';

/** Issue 9 item 4: the brake on guessing, per account and per client address, in a sliding window. */
function limiter(perAccount: number, perAddress: number, windowSeconds = 900): LoginLimiter {
  const auth = { loginMaxFailuresPerAccount: perAccount, loginMaxFailuresPerAddress: perAddress, loginWindowSeconds: windowSeconds };
  return new LoginLimiter({ auth } as unknown as AppConfig);
}

function refused(l: LoginLimiter, account: string, address: string): TooManyRequestsError | null {
  try {
    l.check(account, address);
    return null;
  } catch (e) {
    if (e instanceof TooManyRequestsError) return e;
    throw e;
  }
}

describe('LoginLimiter', () => {
  let now: number;
  beforeEach(() => {
    now = Date.UTC(2026, 11, 5, 12);
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('stops one address that guesses across many accounts (spraying), while other addresses go on', () => {
    const l = limiter(5, 10);
    for (let i = 0; i < 10; i++) {
      expect(refused(l, `user${i}@example.nl`, '203.0.113.7')).toBeNull();
      l.fail(`user${i}@example.nl`, '203.0.113.7');
    }
    const e = refused(l, 'someone-new@example.nl', '203.0.113.7');
    expect(e?.extra).toMatchObject({ code: 'auth.tooManyAttempts' });
    expect(e?.extra?.retryAfter).toBe(900);
    expect(refused(l, 'someone-new@example.nl', '198.51.100.1')).toBeNull();
  });

  it('stops one account guessed from many addresses, and a success clears the account but not the address', () => {
    const l = limiter(3, 100);
    for (let i = 0; i < 3; i++) l.fail('target@example.nl', `198.51.100.${i}`);
    expect(refused(l, 'target@example.nl', '198.51.100.99')).not.toBeNull();
    expect(refused(l, 'other@example.nl', '198.51.100.0')).toBeNull();
    l.succeed('TARGET@example.nl');
    expect(refused(l, 'target@example.nl', '198.51.100.99')).toBeNull();

    const a = limiter(100, 2);
    a.fail('x@example.nl', '203.0.113.9');
    a.fail('x@example.nl', '203.0.113.9');
    a.succeed('x@example.nl');
    expect(refused(a, 'y@example.nl', '203.0.113.9')).not.toBeNull();
  });

  it('lets failures leave the window: Retry-After counts down to the oldest one leaving', () => {
    const l = limiter(2, 100, 60);
    l.fail('a@example.nl', '192.0.2.1');
    now += 20_000;
    l.fail('a@example.nl', '192.0.2.1');
    expect(refused(l, 'a@example.nl', '192.0.2.1')?.extra?.retryAfter).toBe(40);
    now += 40_000;
    expect(refused(l, 'a@example.nl', '192.0.2.1')).toBeNull();
  });
});
