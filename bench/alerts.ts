/**
 * Alerts benchmark (issue 13).
 *
 *   npm run bench:alerts        (or: node dist/api/bench/alerts.js [--users 1000] [--signals 5000] [--hooks 1])
 *
 * A bench database on the local PostgreSQL with the real schema; one real detection signal in Den
 * Haag (GM0518) is cloned to `--signals` top-level signals spread over its buurten, dated yesterday;
 * `--users` managers each subscribe to a daily digest of one wijk. The app runs in this process
 * (ALERTS_TICK_MS=0) against a local smtp-server and a local HTTP receiver; one tick plans and sends
 * every digest (timed), then `--hooks` JSON webhooks on the whole municipality receive one signed
 * call per signal (timed). Prints counts, wall time and throughput.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../api/src/bootstrap';
import { loadConfig } from '../api/src/config/app-config';
import { UsersService } from '../api/src/users/users.service';
import { AlertsService } from '../api/src/alerts/alerts.service';
import { DetectionService } from '../api/src/signals/detection.service';
import { admin, arg, dbUrl, fmt } from './support';

const USERS = arg('users', 1000);
const SIGNALS = arg('signals', 5000);
const HOOKS = arg('hooks', 1);
const MUNI = 'GM0518';

async function main(): Promise<void> {
  const name = `wijksignaal_bench_alerts_${process.pid}`;
  await admin(`CREATE DATABASE ${name}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'wijksignaal-bench-'));
  // A local SMTP server that counts messages and bytes.
  let mails = 0;
  let mailBytes = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _s, cb) {
      stream.on('data', (c: Buffer) => (mailBytes += c.length));
      stream.on('end', () => {
        mails++;
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  let calls = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const running = await createApp(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      WEB_DIR: join(dataDir, 'no-web'),
      DEMO_DATA: 'false',
      DATABASE_URL: dbUrl(name),
      JWT_SECRET: 'bench-secret-0123456789abcdef',
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      PUBLIC_URL: 'https://wijksignaal.example.nl',
      ALERTS_TICK_MS: '0',
    }),
  );
  const q = (sql: string, params: unknown[] = []): Promise<unknown[]> => running.database.dataSource.query(sql, params);
  try {
    await running.app.get(UsersService).seedDemoAccounts();
    await q(`INSERT INTO alert_subscription (user_id, mode) SELECT id, 'off' FROM app_user`);
    // One real signal from detection: loneliness rising in one buurt.
    const hoods = (await q(`SELECT code, parent_code FROM area WHERE municipality_code = $1 AND level = 'neighbourhood' AND parent_code IS NOT NULL ORDER BY code`, [MUNI])) as { code: string; parent_code: string }[];
    const wijken = [...new Set(hoods.map((h) => h.parent_code))];
    let k = 0;
    for (let y = 2022; y <= 2024; y++)
      for (let qn = 1; qn <= 4; qn++, k++) {
        const num = k < 10 ? 198 + ((k * 7) % 5) : 300 + (k - 10) * 40;
        await q(
          `INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
           VALUES ('loneliness', $1, 'quarter', $2, $3, $4, 2000, gen_random_uuid())`,
          [hoods[0].code, `${y}-${String((qn - 1) * 3 + 1).padStart(2, '0')}-01`, (num / 2000) * 100, num],
        );
      }
    await running.app.get(DetectionService).run('bench', { wait: true });
    const [seed] = (await q(`SELECT id FROM signal WHERE group_id IS NULL ORDER BY id LIMIT 1`)) as { id: string }[];
    if (!seed) throw new Error('detection made no signal to clone');
    await q(
      `INSERT INTO signal (dedupe_key, rule, quadrant, indicators, subjects, municipality_code, period, severity, status, title, explanation, question, strength, evidence, created_at, updated_at, last_seen_at)
       SELECT 'bench-' || g, s.rule, s.quadrant, s.indicators, ARRAY[($3::text[])[1 + g % array_length($3::text[], 1)]], s.municipality_code, s.period,
              (ARRAY['low','medium','high'])[1 + g % 3], 'open', s.title, s.explanation, s.question, s.strength, s.evidence,
              now() - interval '1 day', now() - interval '1 day', now()
       FROM signal s, generate_series(1, $2::int) g WHERE s.id = $1`,
      [seed.id, SIGNALS - 1, hoods.map((h) => h.code)],
    );
    await q(`UPDATE signal SET created_at = now() - interval '1 day'`);
    for (let i = 0; i < USERS; i += 500) {
      await q(
        `WITH u AS (INSERT INTO app_user (email, name, role, password_hash)
                    SELECT 'bench' || g || '@bench.local', 'Manager ' || g, 'manager', 'x' FROM generate_series($1::int, $2::int) g RETURNING id, email)
         INSERT INTO alert_subscription (user_id, areas, mode, created_at)
         SELECT u.id, ARRAY[($3::text[])[1 + (split_part(substring(u.email from 6), '@', 1)::int % array_length($3::text[], 1))]], 'daily', now() - interval '3 days' FROM u`,
        [i, Math.min(USERS, i + 500) - 1, wijken],
      );
    }
    const [{ n: signals }] = (await q(`SELECT count(*)::int AS n FROM signal WHERE group_id IS NULL`)) as { n: number }[];
    console.log(`Alerts bench: ${fmt(USERS)} subscribers (daily digest of one of ${wijken.length} wijken), ${fmt(signals)} signals over ${hoods.length} buurten of ${MUNI}`);

    const alerts = running.app.get(AlertsService);
    let t0 = process.hrtime.bigint();
    const r1 = await alerts.tick();
    let ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const [{ items }] = (await q(`SELECT coalesce(sum(cardinality(signal_ids)), 0)::int AS items FROM alert_delivery WHERE kind = 'digest.daily' AND status = 'sent'`)) as { items: number }[];
    console.log(`digests: planned ${fmt(r1.planned)}, sent ${fmt(r1.sent)}, failed ${r1.failed}; ${fmt(items)} signal lines; SMTP received ${fmt(mails)} mails, ${(mailBytes / 1e6).toFixed(1)} MB`);
    console.log(`digests: ${fmt(ms)} ms wall for plan + build + send → ${(r1.sent / (ms / 1000)).toFixed(0)} mails/s`);
    t0 = process.hrtime.bigint();
    const again = await alerts.tick();
    console.log(`second tick (nothing new, all keys known): ${fmt(Number(process.hrtime.bigint() - t0) / 1e6)} ms, planned ${again.planned}, sent ${again.sent}`);

    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    for (let h = 0; h < HOOKS; h++) {
      await q(
        `INSERT INTO alert_webhook (name, url, format, secret, filter, created_by, created_at)
         VALUES ($1, $2, 'json', 'bench-secret', $3, 'bench', now() - interval '3 days')`,
        [`bench ${h}`, url, JSON.stringify({ areas: [MUNI], quadrants: [], rules: [], minSeverity: 'low' })],
      );
    }
    t0 = process.hrtime.bigint();
    const r2 = await alerts.tick();
    ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`webhooks: ${HOOKS} hook(s), planned ${fmt(r2.planned)}, sent ${fmt(r2.sent)}, failed ${r2.failed}; receiver got ${fmt(calls)} signed calls`);
    console.log(`webhooks: ${fmt(ms)} ms wall → ${(r2.sent / (ms / 1000)).toFixed(0)} calls/s`);
  } finally {
    await running.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => receiver.close(() => r()));
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
