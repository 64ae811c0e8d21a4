import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const TEST_CLIENT_ID = 'wijksignaal-test';
export const TEST_CLIENT_SECRET = 'test-client-secret-0123456789';

/** A free TCP port on 127.0.0.1 (the app needs the provider's address before either starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface TestIdp {
  issuer: string;
  setAccounts(accounts: Record<string, { email: string; name: string; groups: string[] }>): Promise<void>;
  close(): void;
}

/** Starts the real OpenID provider of test/support/oidc-provider.mjs on `port`, for one redirect URI. */
export async function startTestIdp(port: number, redirectUri: string): Promise<TestIdp> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_PORT: String(port), OIDC_REDIRECT_URI: redirectUri, OIDC_CLIENT_ID: TEST_CLIENT_ID, OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`test IdP exited with ${code}`)));
  });
  return {
    issuer,
    async setAccounts(accounts) {
      const res = await fetch(`${issuer}/test/accounts`, { method: 'POST', body: JSON.stringify(accounts) });
      if (res.status !== 204) throw new Error(`setAccounts: ${res.status}`);
    },
    close() {
      child.kill();
    },
  };
}
