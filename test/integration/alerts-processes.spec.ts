import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startReceiver, startSlowSmtp } from './alerts-helpers';
import { APP_CONFIG, type AppConfig } from '../../api/src/config/app-config';
import { DB_KINDS, startTestApp, until, type TestApp } from './harness';

/**
 * Issue 13, "idempotent across restarts": two real server processes (the built `main.js`) share one
 * PostgreSQL database and a short alert tick; one of them is killed with SIGKILL while it waits on a
 * slow SMTP server in the middle of a digest. Every digest and webhook event must arrive exactly
 * once. PostgreSQL only: the embedded database belongs to one process by design.
 */
const MAIN = resolve(__dirname, '../../dist/api/api/src/main.js');
const MUNI = 'GM0518';
const USERS = 12;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

(DB_KINDS.includes('postgres') ? describe : describe.skip)('alerts: two processes, one PostgreSQL, a kill -9 mid-digest', () => {
  let app: TestApp;
  const children: ChildProcess[] = [];
  const dataDirs: string[] = [];
  const q = (sql: string, params: unknown[] = []): Promise<unknown[]> => app.running.database.dataSource.query(sql, params);

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nx run api:build" first`);
    // The in-process app only prepares the database (migrations, demo accounts); its tick is off.
    app = await startTestApp('postgres', { ALERTS_TICK_MS: '0' });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await app?.close();
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  });

  async function spawnServer(env: Record<string, string>): Promise<ChildProcess> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'wijksignaal-proc-'));
    dataDirs.push(dataDir);
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        TZ: 'UTC',
        PORT: String(port),
        DATA_DIR: dataDir,
        WEB_DIR: join(dataDir, 'no-web'),
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        DATABASE_URL: app.running.app.get<string, AppConfig>(APP_CONFIG).databaseUrl!,
        JWT_SECRET: 'test-secret-0123456789abcdef',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    children.push(child);
    await until(`server on port ${port} (${out.slice(-500)})`, async () => {
      if (child.exitCode !== null) throw new Error(`server exited: ${out.slice(-2000)}`);
      return fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    }, 60_000);
    return child;
  }

  it('each digest and webhook event is delivered exactly once, also when a process dies mid-send', async () => {
    // A wijk with neighbourhoods; USERS managers with a daily digest of it, two webhooks.
    const [{ code: hood, parent_code: wijk }] = (await q(
      `SELECT code, parent_code FROM area WHERE municipality_code = $1 AND level = 'neighbourhood' AND parent_code IS NOT NULL ORDER BY code LIMIT 1`,
      [MUNI],
    )) as { code: string; parent_code: string }[];
    await q(`UPDATE alert_subscription SET mode = 'off'`);
    for (const role of ['admin', 'analyst', 'manager', 'council'])
      await q(`INSERT INTO alert_subscription (user_id, mode) SELECT id, 'off' FROM app_user WHERE email = $1 ON CONFLICT (user_id) DO UPDATE SET mode = 'off'`, [`${role}@demo.local`]);
    for (let i = 0; i < USERS; i++) {
      const [{ id }] = (await q(`INSERT INTO app_user (email, name, role, password_hash) VALUES ($1, $2, 'manager', 'x') RETURNING id`, [`m${i}@test.local`, `Manager ${i}`])) as { id: string }[];
      await q(`INSERT INTO alert_subscription (user_id, areas, mode, created_at) VALUES ($1, $2, 'daily', now() - interval '3 days')`, [id, [wijk]]);
    }
    const receiver = await startReceiver();
    const teams = await startReceiver();
    for (const [url, format] of [[receiver.url, 'json'], [teams.url, 'teams']]) {
      const res = await app.request('/api/v1/webhooks', { method: 'POST', role: 'admin', json: { url, format, filter: { areas: [wijk] } } });
      expect(res.status).toBe(201);
    }
    await q(`UPDATE alert_webhook SET created_at = now() - interval '3 days'`);
    // Signals of the wijk from a real detection run (loneliness rising in one buurt), dated yesterday:
    // in yesterday's daily digest and after the hooks were made.
    const start = (y: number, qn: number): string => `${y}-${String((qn - 1) * 3 + 1).padStart(2, '0')}-01`;
    let k = 0;
    for (let y = 2022; y <= 2024; y++)
      for (let qn = 1; qn <= 4; qn++, k++) {
        const num = k < 10 ? 198 + ((k * 7) % 5) : 300 + (k - 10) * 40;
        await q(
          `INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
           VALUES ('loneliness', $1, 'quarter', $2, $3, $4, 2000, gen_random_uuid())`,
          [hood, start(y, qn), (num / 2000) * 100, num],
        );
      }
    expect((await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' })).status).toBe(200);
    await q(`UPDATE signal SET created_at = now() - interval '1 day'`);
    const [{ n: signalsInWijk }] = (await q(`SELECT count(*)::int AS n FROM signal WHERE group_id IS NULL AND $1 = ANY(subjects)`, [hood])) as { n: number }[];
    expect(signalsInWijk).toBeGreaterThan(0);

    const smtp = await startSlowSmtp(2_000);
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://wijksignaal.example.nl', ALERTS_TICK_MS: '300', ALERTS_LEASE_MS: '4000', ALERTS_RETRY_BASE_MS: '1000' };
    try {
      // Process A plans everything and starts sending; kill -9 while the SMTP server holds its first digest.
      const a = await spawnServer(env);
      await until('the first digest to reach SMTP', () => smtp.receiving >= 1, 30_000);
      a.kill('SIGKILL');
      await new Promise((r) => a.once('exit', r));
      expect(smtp.accepted).toHaveLength(0);
      const inFlight = (await q(`SELECT delivery_key FROM alert_delivery WHERE status = 'sending'`)) as { delivery_key: string }[];
      expect(inFlight.length).toBeGreaterThan(0);

      // B and C (a restart and a second process) finish the job against the same database.
      smtp.delayMs = 20;
      await spawnServer(env);
      await spawnServer(env);
      await until('all deliveries to finish', async () => {
        const [{ n }] = (await q(`SELECT count(*)::int AS n FROM alert_delivery WHERE status IN ('pending','sending')`)) as { n: number }[];
        return n === 0;
      }, 90_000);
      // A few more ticks of both processes: nothing new may go out.
      await new Promise((r) => setTimeout(r, 1_500));

      const rows = (await q(`SELECT delivery_key, channel, status, attempts FROM alert_delivery WHERE kind <> 'reminder'`)) as { delivery_key: string; channel: string; status: string; attempts: number }[];
      const digests = rows.filter((r) => r.delivery_key.startsWith('digest:'));
      const hooks = rows.filter((r) => r.channel === 'webhook');
      expect(digests).toHaveLength(USERS);
      expect(hooks.length).toBeGreaterThanOrEqual(2 * signalsInWijk);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      // The digest A was sending when it died was sent again, once.
      for (const { delivery_key } of inFlight) expect(rows.find((r) => r.delivery_key === delivery_key)!.attempts).toBeGreaterThanOrEqual(2);

      const digestMails = smtp.accepted.filter((k) => k.startsWith('digest:'));
      expect(digestMails.sort()).toEqual(digests.map((d) => d.delivery_key).sort());
      expect(new Set(digestMails).size).toBe(digestMails.length);
      const calls = [...receiver.calls, ...teams.calls].map((c) => c.delivery);
      expect(calls.sort()).toEqual(hooks.map((h) => h.delivery_key).sort());
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
      await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
      await smtp.close();
      await receiver.close();
      await teams.close();
    }
  });
});
