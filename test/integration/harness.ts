import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type RunningApp } from '../../api/src/bootstrap';
import { loadConfig, type AppConfig } from '../../api/src/config/app-config';
import { UsersService } from '../../api/src/users/users.service';
import { createTestDatabase } from '../support/test-database';

export type DbKind = 'postgres' | 'embedded';
export const DB_KINDS: DbKind[] = (process.env.TEST_DB_KINDS?.split(',') as DbKind[] | undefined) ?? ['postgres', 'embedded'];

export interface TestApp {
  kind: DbKind;
  url: string;
  running: RunningApp;
  /** Bearer token of a demo account (password "demo"). */
  token(role: 'admin' | 'analyst' | 'manager' | 'council'): Promise<string>;
  request(path: string, init?: RequestInit & { role?: 'admin' | 'analyst' | 'manager' | 'council'; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApp(kind: DbKind, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wijksignaal-test-'));
  const database = kind === 'postgres' ? await createTestDatabase() : null;
  const config: AppConfig = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    WEB_DIR: join(dataDir, 'no-web'),
    DEMO_DATA: 'false',
    ...(database ? { DATABASE_URL: database.url, JWT_SECRET: 'test-secret-0123456789abcdef' } : {}),
    ...env,
  });
  const running = await createApp(config);
  // Tests sign in with the demo accounts on both kinds of database.
  await running.app.get(UsersService).seedDemoAccounts();
  const tokens = new Map<string, string>();
  const app: TestApp = {
    kind,
    url: running.url,
    running,
    async token(role) {
      if (!tokens.has(role)) {
        const res = await fetch(`${running.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `${role}@demo.local`, password: 'demo' }),
        });
        if (res.status !== 200) throw new Error(`login ${role} failed: ${res.status}`);
        tokens.set(role, ((await res.json()) as { accessToken: string }).accessToken);
      }
      return tokens.get(role)!;
    },
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.role) headers.set('authorization', `Bearer ${await app.token(init.role)}`);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return fetch(`${running.url}${path}`, { ...init, headers, body });
    },
    async close() {
      await running.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Polls `check` every 100 ms until it holds; fails naming `what` after `ms`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
