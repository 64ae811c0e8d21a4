/**
 * Logins under load (issue 9 item 5): how long OTHER requests take while many people sign in at
 * once, with and without the bound on concurrent argon2 hashes (ARGON2_CONCURRENCY).
 *
 *   npm run bench:logins      (builds, then node dist/api/bench/logins.js)
 *   options: --logins 32 --rounds 3 --bound 2
 *
 * Starts the built server on a fresh PostgreSQL database (BENCH_ADMIN_URL) once per setting
 * (ARGON2_CONCURRENCY=0, no bound; and =--bound), and for each: measures a cheap authenticated
 * read (GET /api/v1/indicators, one at a time) alone, then while `--logins` sign-ins run in
 * parallel, `--rounds` times. Each sign-in verifies a 64 MiB argon2id hash. Prints p50/p95/max of
 * the read and how long the burst of sign-ins took.
 */
import { admin, arg, dbUrl, fmt, http, json, login, percentile, startServer, stop } from './support';

const DB = 'wijksignaal_bench_logins';
const EMAIL = 'bench-admin@example.org';
const PASSWORD = 'bench-admin-password-2026';

interface Result {
  bound: string;
  alone: number[];
  during: number[];
  burstMs: number[];
}

async function timeRead(base: string, token: string): Promise<number> {
  const t = performance.now();
  const res = await http(`${base}/api/v1/indicators`, 'GET', json(token));
  if (res.status !== 200) throw new Error(`read: ${res.status}`);
  return performance.now() - t;
}

async function measure(bound: number, logins: number, rounds: number): Promise<Result> {
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(
    {
      DATABASE_URL: dbUrl(DB),
      JWT_SECRET: 'bench-secret-0123456789abcdef',
      ADMIN_EMAIL: EMAIL,
      ADMIN_PASSWORD: PASSWORD,
      ARGON2_CONCURRENCY: String(bound),
      // The sign-ins here are all correct; keep the brute-force brake out of the measurement.
      LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
      READ_CACHE_ENTRIES: '0',
    },
    port,
  );
  try {
    const token = await login(base, EMAIL, PASSWORD);
    const alone: number[] = [];
    for (let i = 0; i < 40; i++) alone.push(await timeRead(base, token));
    const during: number[] = [];
    const burstMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let running = true;
      const t = performance.now();
      const burst = Promise.all(Array.from({ length: logins }, () => login(base, EMAIL, PASSWORD))).then(() => {
        burstMs.push(performance.now() - t);
        running = false;
      });
      while (running) during.push(await timeRead(base, token));
      await burst;
    }
    return { bound: bound === 0 ? 'none' : String(bound), alone, during, burstMs };
  } finally {
    await stop(server);
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  const logins = arg('logins', 32);
  const rounds = arg('rounds', 3);
  const bound = arg('bound', 2);
  const results: Result[] = [];
  for (const b of [0, bound]) results.push(await measure(b, logins, rounds));
  console.log(`\n${logins} parallel sign-ins × ${rounds} rounds; other request: GET /api/v1/indicators (ms)`);
  console.log('argon2 bound | alone p50 | during p50 | during p95 | during max | reads during | burst of sign-ins (median)');
  for (const r of results) {
    console.log(
      `${r.bound.padEnd(12)} | ${fmt(percentile(r.alone, 50)).padStart(9)} | ${fmt(percentile(r.during, 50)).padStart(10)} | ${fmt(percentile(r.during, 95)).padStart(10)} | ${fmt(Math.max(...r.during)).padStart(10)} | ${String(r.during.length).padStart(12)} | ${fmt(percentile(r.burstMs, 50))}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
