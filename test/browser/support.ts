import { freePort } from '../support/oidc';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { DEMO_ACCOUNTS, DEMO_HOME } from '../../api/src/users/demo-accounts';
import { hashPassword } from '../../api/src/users/passwords';
import { Client } from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The repository root (the folder with nx.json), from the source or from a compiled copy under dist/. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const up = resolve(dir, '..');
    if (up === dir) throw new Error(`no nx.json above ${from}`);
    dir = up;
  }
  return dir;
}

const ROOT = repoRoot();
const MAIN = join(ROOT, 'dist/api/api/src/main.js');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** The databases a journey runs on: embedded PGlite (what `npm start` gives) and PostgreSQL. */
export type DbKind = 'embedded' | 'postgres';
/** `TEST_DB_KINDS=embedded` (or `postgres`) limits the journeys that run on both, as in the integration suite. */
export const DB_KINDS: DbKind[] = (process.env.TEST_DB_KINDS?.split(',') as DbKind[] | undefined) ?? ['embedded', 'postgres'];

/**
 * The demo accounts (password "demo") in a PostgreSQL database: the product makes them only on the
 * embedded database, and the journeys sign in with them on both.
 */
async function seedDemoAccounts(url: string): Promise<void> {
  const hash = await hashPassword('demo');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    for (const a of DEMO_ACCOUNTS) {
      await c.query(
        `INSERT INTO app_user (email, name, role, password_hash, home_municipality, scope_municipalities) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING`,
        [a.email, a.name, a.role, hash, DEMO_HOME, a.scope],
      );
    }
  } finally {
    await c.end();
  }
}

/**
 * Starts the built product as a user runs it (`node dist/...`), the built web app on the same port:
 * on the embedded database in a fresh temporary DATA_DIR, or (`db: 'postgres'`) on a fresh
 * PostgreSQL database of its own (`TEST_DATABASE_URL`'s server), dropped again by `stop()`.
 */
export async function startServer(env: Record<string, string> = {}, db: DbKind = 'embedded'): Promise<Server> {
  if (!existsSync(MAIN) || !existsSync(join(ROOT, 'dist/web/browser/index.html'))) {
    throw new Error('Build first: npm run build (browser tests run against dist/)');
  }
  const database: TestDatabase | null = db === 'postgres' ? await createTestDatabase('wijksignaal_test_browser') : null;
  const databaseEnv = database ? { DATABASE_URL: database.url, JWT_SECRET: 'browser-test-secret-0123456789abcdef' } : { DATABASE_URL: '' };
  const dataDir = mkdtempSync(join(tmpdir(), 'wijksignaal-browser-'));
  // A port the OS has just handed out, not a random pick: two test files running at once once drew the
  // same port, and one of them then talked to the other's server.
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...databaseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  try {
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      const health = await fetch(`${url}/api/health`).then(
        async (res) => (res.status === 200 ? ((await res.json()) as { database?: { kind?: string } }) : null),
        () => null, // not listening yet
      );
      if (health) {
        // The journey must really run on the database it names.
        if (health.database?.kind !== db) throw new Error(`server runs on ${health.database?.kind}, expected ${db}`);
        break;
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`server not healthy in time:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    if (database) await seedDemoAccounts(database.url);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

export async function login(page: Page, url: string, role: 'admin' | 'analyst' | 'manager' | 'council', path = '/'): Promise<void> {
  await page.goto(`${url}/login?returnUrl=${encodeURIComponent(path)}`);
  await page.getByLabel('E-mailadres').fill(`${role}@demo.local`);
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: /inloggen/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core in the page; returns serious and critical violations (WCAG 2.1 A/AA rules). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Through the DevTools protocol, not a <script> tag: the app's Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and must stay on during these tests.
  const cdp = await page.context().newCDPSession(page);
  try {
    const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: source });
    if (exceptionDetails) throw new Error(`axe-core did not load: ${exceptionDetails.text}`);
  } finally {
    await cdp.detach();
  }
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Page-level horizontal overflow: the document's scroll and client widths, and the outermost
 * elements that reach past the viewport's right edge (so a failure names its cause).
 */
export async function pageOverflow(page: Page): Promise<{ scroll: number; client: number; culprits: string[] }> {
  return page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const culprits: string[] = [];
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const walk = (el: Element): void => {
      for (const child of Array.from(el.children)) {
        const style = getComputedStyle(child);
        if (style.display === 'none' || style.position === 'fixed') continue;
        const rect = child.getBoundingClientRect();
        if (rect.right > client + 1 && rect.width > 0) {
          // Report the innermost element that overflows itself, not every ancestor.
          const before = culprits.length;
          if (style.overflowX === 'visible') walk(child);
          if (culprits.length === before) culprits.push(`${describe(child)} (${Math.round(rect.width)}px)`);
        } else if (style.overflowX === 'visible') {
          walk(child);
        }
      }
    };
    walk(document.body);
    return { scroll: document.documentElement.scrollWidth, client, culprits: culprits.slice(0, 8) };
  });
}
