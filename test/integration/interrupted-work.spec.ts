import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../api/src/config/app-config';
import { WorkLedgerService } from '../../api/src/work-ledger/work-ledger.service';
import { DB_KINDS, startTestApp, until, type TestApp } from './harness';
import { freePort } from '../support/oidc';

/**
 * Issue 9, item 8: imports and detection runs left unfinished by a crash are marked `interrupted`
 * and visible in the history; nothing of them is written.
 */
const MAIN = resolve(__dirname, '../../dist/api/api/src/main.js');

describe.each(DB_KINDS)('interrupted work on %s', (kind) => {
  let app: TestApp;
  const q = (sql: string, params: unknown[] = []): Promise<{ [k: string]: unknown }[]> => app.running.database.dataSource.query(sql, params);
  beforeAll(async () => {
    app = await startTestApp(kind, { WORK_HEARTBEAT_MS: '0', WORK_STALE_SECONDS: '120' });
  });
  afterAll(() => app?.close());

  it('sweeps work whose owner died on this host or whose heartbeat is stale, and leaves live work alone', async () => {
    const insert = (id: string, owner: string, heartbeat: string) =>
      q(`INSERT INTO import_batch (id, created_by, source, format, checksum, target, status, owner, heartbeat_at)
         VALUES ($1, 'analyst@demo.local', 'test.csv', 'long', '', 'long', 'running', $2, now() - $3::interval)`, [id, owner, heartbeat]);
    const dead = '00000000-0000-4000-8000-000000000001';
    const stale = '00000000-0000-4000-8000-000000000002';
    const live = '00000000-0000-4000-8000-000000000003';
    await insert(dead, `${hostname()}:999999:abcdef12`, '1 second'); // no such pid here
    await insert(stale, 'other-host:12:abcdef12', '10 minutes');
    await insert(live, 'other-host:13:abcdef12', '5 seconds');
    await q(`INSERT INTO signal_run (trigger, status, owner, heartbeat_at) VALUES ('test', 'running', 'other-host:12:abcdef12', now() - interval '10 minutes')`);

    const n = await app.running.app.get(WorkLedgerService).sweep();
    expect(n).toEqual({ imports: 2, runs: 1 });
    const batches = (await (await app.request('/api/v1/imports', { role: 'analyst' })).json()) as { id: string; status: string; errors: { message: string }[] }[];
    const status = (id: string) => batches.find((b) => b.id === id)?.status;
    expect([status(dead), status(stale), status(live)]).toEqual(['interrupted', 'interrupted', 'running']);
    expect(batches.find((b) => b.id === dead)!.errors[0].message).toMatch(/interrupted/);
    const runs = (await (await app.request('/api/v1/signals/runs', { role: 'analyst' })).json()) as { trigger: string; status: string }[];
    expect(runs.find((r) => r.trigger === 'test')?.status).toBe('interrupted');
    await q(`DELETE FROM import_batch WHERE id = $1`, [live]);
  });

  it('a completed, a failed and a duplicate import leave no running row', async () => {
    const csv = (body: string) => app.request('/api/v1/imports', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body });
    const [{ code: wijk }] = await q(`SELECT code FROM area WHERE parent_code = 'GM0518' ORDER BY code LIMIT 1`);
    const good = `indicator,subject,period,value,numerator,denominator\nloneliness,${wijk},2001-Q1,,10,100\n`;
    expect((await csv(good)).status).toBe(201);
    expect((await csv(good)).status).toBe(200); // duplicate
    expect((await csv(`indicator,subject,period,value\nnope,${wijk},2001-Q1,1\n`)).status).toBe(422);
    expect(await q(`SELECT status, count(*)::int AS n FROM import_batch GROUP BY status ORDER BY status`)).toEqual([
      { status: 'completed', n: 1 }, { status: 'failed', n: 1 }, { status: 'interrupted', n: 2 },
    ]);
  });
});

/**
 * The kill -9 trial: the built server (`main.js`) is killed while an import streams in; after a
 * restart the batch is `interrupted`, none of its rows exist, and the server works. PostgreSQL only:
 * the embedded database belongs to one process, and the trial needs two processes over time on one
 * database while the test reads it.
 */
(DB_KINDS.includes('postgres') ? describe : describe.skip)('kill -9 during an import (PostgreSQL, built server)', () => {
  let app: TestApp;
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const q = (sql: string, params: unknown[] = []): Promise<{ [k: string]: unknown }[]> => app.running.database.dataSource.query(sql, params);
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx run api:build" first`);
    app = await startTestApp('postgres', { WORK_HEARTBEAT_MS: '0' });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await app?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function spawnServer(): Promise<{ child: ChildProcess; url: string }> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'wijksignaal-kill-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '', TZ: 'UTC', PORT: String(port), DATA_DIR: dataDir, WEB_DIR: join(dataDir, 'no-web'), DEMO_DATA: 'false', LOG_LEVEL: 'warn',
        DATABASE_URL: app.running.app.get<string, AppConfig>(APP_CONFIG).databaseUrl!, JWT_SECRET: 'test-secret-0123456789abcdef',
        ALERTS_TICK_MS: '0', CBS_SYNC_TICK_MS: '0',
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
    return { child, url };
  }

  it('leaves the batch interrupted and nothing of it written; the restarted server works', async () => {
    const token = await app.token('analyst');
    const wijken = (await q(`SELECT code FROM area WHERE parent_code = 'GM0518' ORDER BY code`)).map((r) => r.code as string);
    const before = ((await q(`SELECT count(*)::int AS n FROM observation WHERE indicator_code = 'loneliness'`)) as { n: number }[])[0].n;
    const a = await spawnServer();

    // Stream a long file slowly: the header and a first part now, the rest never.
    const req = request(`${a.url}/api/v1/imports?format=long&source=kill-test.csv`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
    });
    req.on('error', () => undefined); // the server dies under it
    req.write('indicator,subject,period,value,numerator,denominator\n');
    let rows = '';
    for (let y = 2000; y < 2020; y++) for (let m = 1; m <= 12; m++) for (const w of wijken) rows += `loneliness,${w},${y}-${String(m).padStart(2, '0')},,5,100\n`;
    req.write(rows);
    await until('the running batch', async () => (await q(`SELECT 1 FROM import_batch WHERE source = 'kill-test.csv' AND status = 'running'`)).length === 1, 30_000);
    await new Promise((r) => setTimeout(r, 500)); // rows are being written in its transaction
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    req.destroy();

    // Before a restart the batch still says running; the restarted server marks it at start-up.
    expect((await q(`SELECT status FROM import_batch WHERE source = 'kill-test.csv'`))[0].status).toBe('running');
    const b = await spawnServer();
    const list = (await (await fetch(`${b.url}/api/v1/imports`, { headers: { authorization: `Bearer ${token}` } })).json()) as { source: string; status: string; rowsAccepted: number }[];
    expect(list.find((x) => x.source === 'kill-test.csv')).toMatchObject({ status: 'interrupted', rowsAccepted: 0 });
    expect((await q(`SELECT count(*)::int AS n FROM observation WHERE indicator_code = 'loneliness'`))[0].n).toBe(before);

    // The server works: the same data imports in full.
    const res = await fetch(`${b.url}/api/v1/imports?format=long&source=after.csv`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: `indicator,subject,period,value,numerator,denominator\n${rows}`,
    });
    expect(res.status).toBe(201);
    expect((await q(`SELECT count(*)::int AS n FROM observation WHERE indicator_code = 'loneliness'`))[0].n).toBe(before + rows.split('\n').length - 1);
  });
});
