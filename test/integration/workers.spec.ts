import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../api/src/config/app-config';
import { DB_KINDS, startTestApp, until, type TestApp } from './harness';
import { freePort } from '../support/oidc';

/**
 * `API_WORKERS=2` (issue 14): the built server runs as a primary with two workers sharing one port on
 * PostgreSQL; a worker that dies is replaced; SIGTERM stops them all. PostgreSQL only (the embedded
 * database belongs to one process: API_WORKERS above 1 is refused there, see app-config.spec).
 */
const MAIN = resolve(__dirname, '../../dist/api/api/src/main.js');

function workersOf(pid: number): number[] {
  const ps = spawnSync('ps', ['--ppid', String(pid), '-o', 'pid=']);
  return ps.stdout.toString().split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
}

(DB_KINDS.includes('postgres') ? describe : describe.skip)('API_WORKERS: one port, several processes, on PostgreSQL', () => {
  let app: TestApp;
  let child: ChildProcess | null = null;
  let dir = '';

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx run api:build" first`);
    app = await startTestApp('postgres'); // prepares the database (migrations, accounts)
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      for (const pid of workersOf(child.pid!)) process.kill(pid, 'SIGKILL');
    }
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves with two workers, replaces one that dies, and stops them all on SIGTERM', async () => {
    const port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'wijksignaal-workers-'));
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '', TZ: 'UTC', PORT: String(port), DATA_DIR: dir, WEB_DIR: join(dir, 'no-web'), LOG_LEVEL: 'log',
        DATABASE_URL: app.running.app.get<string, AppConfig>(APP_CONFIG).databaseUrl!, JWT_SECRET: 'test-secret-0123456789abcdef',
        API_WORKERS: '2', ALERTS_TICK_MS: '0', CBS_SYNC_TICK_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const primary = child.pid!;
    const url = `http://127.0.0.1:${port}`;
    await until('two workers ready', () => {
      if (child!.exitCode !== null) throw new Error(`server exited: ${out.slice(-2000)}`);
      return out.includes('2 workers serve');
    }, 90_000);
    const first = workersOf(primary);
    expect(first).toHaveLength(2);
    for (let i = 0; i < 10; i++) expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // A worker that dies is replaced; the port keeps answering meanwhile (a kept-alive connection to
    // the dead worker fails once, as with any process that dies; a new one reaches the other worker).
    process.kill(first[0]!, 'SIGKILL');
    await until('the other worker answers', () => fetch(`${url}/api/health`, { headers: { connection: 'close' } }).then((r) => r.ok, () => false), 10_000);
    await until('a new worker', () => {
      const now = workersOf(primary);
      return now.length === 2 && !now.includes(first[0]!);
    }, 60_000);
    await until('the new worker ready', () => out.split('worker ').length > 3, 60_000);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // SIGTERM to the primary stops every worker, then the primary, cleanly.
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workersOf(primary)).toEqual([]);
  });
});
