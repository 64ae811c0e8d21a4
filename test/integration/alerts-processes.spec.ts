/**
 * Idempotency across processes (issue 13): two real server processes (the built server, spawned
 * twice) against one PostgreSQL database, both ticking every 200 ms. The digest of last week and
 * each webhook event arrive exactly once, and a delivery left half-sent by a process that died
 * (claimed, lease ran out) is sent once by the survivors — no duplicate, nothing lost.
 * Needs the built API (`npm test` builds first; or `npx nx run api:build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { previousPeriod } from '../../api/src/alerts/core';
import { startReceiver, startSmtp } from './alerts-helpers';

const MAIN = join(__dirname, '../../dist/api/api/src/main.js');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${port} did not start`);
}

const until = async (check: () => boolean, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
};

describe('alerts across two server processes on one PostgreSQL', () => {
  const name = `wijksignaal_test_procs_${process.pid}`;
  const dbUrl = (() => {
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const procs: ChildProcess[] = [];
  let db: Client;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`build the API first: ${MAIN} is missing`);
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  });
  afterAll(async () => {
    for (const p of procs) p.kill('SIGKILL');
    await db?.end();
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('sends each digest and webhook event once, also a delivery a dead process left half-sent', async () => {
    const smtp = await startSmtp();
    const hook = await startReceiver();
    const env = (port: number): NodeJS.ProcessEnv => ({
      ...process.env, PORT: String(port), DATABASE_URL: dbUrl, JWT_SECRET: 'test-secret-0123456789abcdef', LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://ws.example.nl', ALERTS_TICK_MS: '200', ALERTS_RETRY_BASE_MS: '100',
      ADMIN_EMAIL: 'root@example.nl', ADMIN_PASSWORD: 'root-password-1', WEB_DIR: '/nonexistent',
    });
    const [p1, p2] = [await freePort(), await freePort()];
    // Migrations first in one process, then the second joins.
    procs.push(spawn(process.execPath, [MAIN], { env: { ...env(p1), ALERTS_TICK_MS: '0' }, stdio: 'ignore' }));
    await waitReady(p1);
    db = new Client({ connectionString: dbUrl });
    await db.connect();
    const period = previousPeriod('weekly', new Date());
    const lastWeek = new Date(period.from.getTime() + 2 * 86_400_000);
    const muni = ((await db.query(`SELECT code FROM area WHERE level = 'municipality' ORDER BY code LIMIT 1`)).rows[0] as { code: string }).code;
    const mgr = (await db.query(`INSERT INTO app_user (email, name, role, password_hash) VALUES ('mgr@example.nl', 'Mia', 'manager', 'x') RETURNING id`)).rows[0] as { id: string };
    await db.query(`INSERT INTO alert_subscription (user_id, areas, mode, created_at) VALUES ($1, $2, 'weekly', now() - interval '60 days')`, [mgr.id, [muni]]);
    await db.query(`INSERT INTO alert_webhook (name, url, format, secret, created_by, created_at) VALUES ('t', $1, 'json', 's3cret', 'test', now() - interval '60 days')`, [hook.url]);
    for (let i = 0; i < 5; i++) {
      await db.query(
        `INSERT INTO signal (dedupe_key, rule, quadrant, indicators, subjects, municipality_code, period, severity, title, explanation, question, strength, evidence, created_at)
         VALUES ($1, 'rising-trend', 'II', '{loneliness}', $2, $3, '2024-Q4', 'high', $4, $5, $5, '{}', '{}', $6)`,
        [`t${i}`, [muni], muni, JSON.stringify({ nl: `Signaal ${i}`, en: `Signal ${i}` }), JSON.stringify({ nl: `Uitleg ${i}.`, en: `Explanation ${i}.` }), lastWeek],
      );
    }
    // A delivery a process claimed and then died on: status sending, lease long gone.
    await db.query(
      `INSERT INTO alert_delivery (delivery_key, channel, kind, user_id, recipient, signal_ids, status, attempts, locked_until)
       SELECT 'mail:' || $1::text || ':signal.created:' || id, 'email', 'signal.created', $1::uuid, 'mgr@example.nl', ARRAY[id], 'sending', 1, now() - interval '1 minute'
       FROM signal WHERE dedupe_key = 't0'`,
      [mgr.id],
    );
    // Now two ticking processes (the first one restarted with its timer on).
    procs[0].kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    procs.push(spawn(process.execPath, [MAIN], { env: env(p1), stdio: 'ignore' }));
    procs.push(spawn(process.execPath, [MAIN], { env: env(p2), stdio: 'ignore' }));
    await Promise.all([waitReady(p1), waitReady(p2)]);
    await until(() => smtp.mails.length >= 2 && hook.calls.length >= 5, 20_000);
    await new Promise((r) => setTimeout(r, 2_000)); // many more ticks in both processes
    const digests = smtp.mails.filter((m) => /Weekoverzicht/.test(m.subject));
    expect(digests).toHaveLength(1);
    for (let i = 0; i < 5; i++) expect(digests[0].text).toContain(`Signaal ${i}`);
    expect(smtp.mails.filter((m) => !/Weekoverzicht/.test(m.subject))).toHaveLength(1); // the half-sent one, once
    expect(hook.calls).toHaveLength(5);
    expect(new Set(hook.calls.map((c) => (JSON.parse(c.body) as { signal: { id: string } }).signal.id)).size).toBe(5);
    const states = (await db.query(`SELECT status, count(*)::int AS n FROM alert_delivery GROUP BY status`)).rows as { status: string; n: number }[];
    expect(states).toEqual([{ status: 'sent', n: 7 }]);
    await smtp.close();
    await hook.close();
  });
});
