import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../api/src/config/app-config';
import { DB_KINDS, startTestApp, until, type TestApp } from './harness';
import { freePort } from '../support/oidc';
import { plantSeries, SNAPSHOT } from './detection-helpers';

/**
 * Issue 14: the work of a detection run is claimed per municipality through PostgreSQL
 * (`signal_job`, `FOR UPDATE SKIP LOCKED`). Two real server processes (the built `main.js`) on one
 * PostgreSQL database share one run; the signals equal those of a one-instance run, none twice.
 * PostgreSQL only: the embedded database belongs to one process (its runs are in signals.spec.ts).
 */
const MAIN = resolve(__dirname, '../../dist/api/api/src/main.js');
const MUNICIPALITIES = 24;

(DB_KINDS.includes('postgres') ? describe : describe.skip)('detection: two processes share a run on one PostgreSQL', () => {
  let app: TestApp;
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const q = (sql: string, params: unknown[] = []): Promise<{ [k: string]: unknown }[]> => app.running.database.dataSource.query(sql, params);

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx run api:build" first`);
    // The in-process app prepares the database and makes the one-instance run; it claims no jobs of others.
    app = await startTestApp('postgres', { SIGNAL_JOBS_TICK_MS: '0', WORK_HEARTBEAT_MS: '0' });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await app?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function spawnServer(): Promise<string> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'wijksignaal-jobs-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '', TZ: 'UTC', PORT: String(port), DATA_DIR: dataDir, WEB_DIR: join(dataDir, 'no-web'), DEMO_DATA: 'false', LOG_LEVEL: 'warn',
        DATABASE_URL: app.running.app.get<string, AppConfig>(APP_CONFIG).databaseUrl!, JWT_SECRET: 'test-secret-0123456789abcdef',
        ALERTS_TICK_MS: '0', CBS_SYNC_TICK_MS: '0', SIGNAL_JOBS_TICK_MS: '20',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await until(`server on port ${port}`, async () => {
      if (child.exitCode !== null) throw new Error(`server exited: ${out.slice(-2000)}`);
      return fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    }, 90_000);
    return url;
  }

  it('gives the signals of a one-instance run, each once, with the work done by both', async () => {
    const municipalities = (await q(
      `SELECT municipality_code AS code FROM area WHERE level = 'district' GROUP BY 1 HAVING count(*) >= 3 ORDER BY 1 LIMIT $1`,
      [MUNICIPALITIES],
    )).map((r) => r.code as string);
    expect(municipalities).toHaveLength(MUNICIPALITIES);
    await plantSeries(q, 'loneliness', municipalities);

    // One instance: the baseline.
    expect((await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' })).status).toBe(200);
    const single = await q(SNAPSHOT);
    expect(single.length).toBeGreaterThanOrEqual(MUNICIPALITIES);
    await q(`DELETE FROM signal`);

    // Two instances: the run is asked of A; B finds its jobs on its tick.
    const [a] = await Promise.all([spawnServer(), spawnServer()]);
    const token = await app.token('analyst');
    const res = await fetch(`${a}/api/v1/signals/run`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { created: number }).created).toBe(single.length);

    expect(await q(SNAPSHOT)).toEqual(single);
    // None twice: one signal per dedupe key (also a constraint) and one "detected" event per signal.
    const [{ events, signals }] = await q(
      `SELECT (SELECT count(*)::int FROM signal_event WHERE from_status IS NULL) AS events, (SELECT count(*)::int FROM signal) AS signals`,
    );
    expect(events).toBe(signals);
    const [audit] = await q(`SELECT details FROM audit_event WHERE action = 'signals.run' ORDER BY at DESC LIMIT 1`);
    expect(audit.details).toMatchObject({ municipalities: MUNICIPALITIES, instances: 2, created: single.length });
    expect(await q(`SELECT * FROM signal_job`)).toEqual([]);
  });
});
