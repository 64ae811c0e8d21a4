/**
 * Load benchmark (issue 9): `--connections` concurrent clients (default 100) for `--seconds`
 * (default 60) on each main read, on PostgreSQL and on the embedded PGlite; reports p50/p95, req/s
 * and the count of 5xx answers (target: 0 × 5xx; a busy pool must answer 503, never 500).
 *
 *   npm run bench:load      (builds, then node dist/api/bench/load.js)
 *   options: --connections 100 --seconds 60 --quarters 8 --db postgres,embedded
 *   server settings pass through the environment (DB_POOL_SIZE, DB_POOL_WAIT_MS).
 */
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { admin, arg, dbUrl, fmt, http, json, login, percentile, startServer, stop } from './support';

const DB = 'wijksignaal_bench_load';
const ADMIN_EMAIL = 'load-admin@example.org';
const ADMIN_PASSWORD = 'load-admin-password-2026';
const MANAGER_EMAIL = 'load-manager@example.org';
const MANAGER_PASSWORD = 'load-manager-password-2026';
const MUNICIPALITY = 'GM0518';

function option(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
}

interface Figures {
  p50: number;
  p95: number;
  p975: number;
  max: number;
  rps: number;
  requests: number;
  s5xx: number;
  s4xx: number;
  errors: number;
}

/** Indicators, a manager, and `quarters` quarters of counts for every district and neighbourhood of one municipality. */
async function prepare(base: string, token: string, quarters: number): Promise<{ district: string; indicator: string; lastPeriod: string }> {
  const codes = ['load-i', 'load-ii', 'load-iii', 'load-iv'];
  const quadrants = ['I', 'II', 'III', 'IV'];
  const ind = await http(`${base}/api/v1/indicators`, 'POST', json(token), JSON.stringify(codes.map((code, i) => ({
    code, name: { nl: `Belastingindicator ${i + 1}`, en: `Load indicator ${i + 1}` }, quadrant: quadrants[i], measure: 'proportion',
    polarity: 'higher-is-worse', subjectKind: 'area', source: 'synthetic load data',
  }))));
  if (ind.status !== 201) throw new Error(`indicators: ${ind.status} ${ind.body}`);
  const user = await http(`${base}/api/v1/users`, 'POST', json(token), JSON.stringify({ email: MANAGER_EMAIL, name: 'Load manager', role: 'manager', password: MANAGER_PASSWORD }));
  if (user.status !== 201) throw new Error(`manager: ${user.status} ${user.body}`);
  const areas: string[] = [MUNICIPALITY];
  for (const level of ['district', 'neighbourhood']) {
    const list = await http(`${base}/api/v1/areas?parent=${MUNICIPALITY}&level=${level}`, 'GET', json(token));
    areas.push(...(JSON.parse(list.body) as { code: string }[]).map((a) => a.code).filter((c) => c.startsWith('WK0518') || c.startsWith('BU0518')));
  }
  const lines = ['indicator,subject,period,value,numerator,denominator'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (const code of codes) for (const area of areas) for (let q = 0; q < quarters; q++) {
    const den = 200 + Math.floor(rnd() * 3000);
    lines.push(`${code},${area},${2023 + Math.floor(q / 4)}-Q${(q % 4) + 1},,${Math.floor(rnd() * den * 0.1)},${den}`);
  }
  const up = await http(`${base}/api/v1/imports?format=long&source=load`, 'POST', { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, lines.join('\n'));
  if (up.status !== 201) throw new Error(`import: ${up.status} ${up.body.slice(0, 300)}`);
  const last = quarters - 1;
  return { district: areas.find((a) => a.startsWith('WK')) ?? MUNICIPALITY, indicator: codes[0], lastPeriod: `${2023 + Math.floor(last / 4)}-Q${(last % 4) + 1}` };
}

async function measure(base: string, path: string, token: string, connections: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let s5xx = 0;
  let s4xx = 0;
  const result = await new Promise<autocannon.Result>((ok, fail) => {
    const instance = autocannon({ url: `${base}${path}`, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } }, (err, res) => (err ? fail(err) : ok(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status >= 500) s5xx++;
      else if (status >= 400) s4xx++;
    });
  });
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p975: percentile(latencies, 97.5), max: latencies.reduce((a, b) => Math.max(a, b), 0), rps: latencies.length / seconds, requests: latencies.length, s5xx, s4xx, errors: result.errors + result.timeouts };
}

async function main(): Promise<void> {
  const connections = arg('connections', 100);
  const seconds = arg('seconds', 60);
  const quarters = arg('quarters', 8);
  const kinds = option('db', 'postgres,embedded').split(',');
  const rows: string[] = [];
  for (const kind of kinds) {
    const port = 3000 + 700 + Math.floor(Math.random() * 90);
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
    const env: Record<string, string> = { ADMIN_EMAIL, ADMIN_PASSWORD, DATA_DIR: dataDir, DEMO: 'false' };
    if (kind === 'postgres') {
      await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${DB}`);
      Object.assign(env, { DATABASE_URL: dbUrl(DB), JWT_SECRET: 'load-secret-0123456789abcdef' });
    }
    let server: ChildProcess | null = null;
    try {
      console.log(`\n== ${kind}: starting the server …`);
      server = await startServer(env, port);
      const base = `http://127.0.0.1:${port}`;
      const { district, indicator, lastPeriod } = await prepare(base, await login(base, ADMIN_EMAIL, ADMIN_PASSWORD), quarters);
      const token = await login(base, MANAGER_EMAIL, MANAGER_PASSWORD);
      const reads: [string, string][] = [
        ['overzicht (quadrants)', `/api/v1/areas/${district}/quadrants`],
        ['observations', `/api/v1/observations?indicator=${indicator}&area=${MUNICIPALITY}&level=district&from=${lastPeriod}&to=${lastPeriod}`],
        ['signals inbox', '/api/v1/signals?status=open&limit=100'],
        ['summary', `/api/v1/summary/${MUNICIPALITY}`],
      ];
      for (const [name, path] of reads) {
        const probe = await http(`${base}${path}`, 'GET', json(token));
        if (probe.status !== 200) throw new Error(`${path}: ${probe.status} ${probe.body.slice(0, 300)}`);
        const f = await measure(base, path, token, connections, seconds);
        const line = `${kind.padEnd(8)} | ${name.padEnd(21)} | ${`${f.p50.toFixed(1)} / ${f.p95.toFixed(1)} / ${f.p975.toFixed(1)} / ${f.max.toFixed(0)}`.padEnd(30)} | ${f.rps.toFixed(0).padStart(6)} | ${fmt(f.requests).padStart(8)} | ${String(f.s5xx).padStart(4)} | ${String(f.s4xx).padStart(4)} | ${f.errors} | load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
        console.log(line);
        rows.push(line);
      }
    } finally {
      if (server) await stop(server);
      rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
    }
  }
  console.log(`\n=== bench:load (${connections} connections, ${seconds} s per read, manager role) ===`);
  console.log('database | read                  | p50 / p95 / p97.5 / max ms     |  req/s | requests |  5xx |  4xx | socket errors | load average after (1/5/15 min; shared machine)');
  for (const r of rows) console.log(r);
  console.log('target: 0 × 5xx');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
