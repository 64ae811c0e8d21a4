/**
 * Read benchmark at national scale (issue 14): the API against the hand-written SQL for the same
 * answer, at the same concurrency.
 *
 *   npm run bench:api      (builds, then node dist/api/bench/api.js)
 *   options: --quarters 24 --indicators 5 --connections 50 --seconds 15 --municipality GM0599
 *            --district WK059901 --only wijk,inbox (a subset of the reads) --workers 2 (API_WORKERS)
 *
 * 1. Creates a bench database on the local PostgreSQL (BENCH_ADMIN_URL), starts the built server on
 *    it, and loads a generated, reproducible data set: `--indicators` area indicators (one per
 *    quadrant and more) × `--quarters` quarters for every district and neighbourhood of the national
 *    register (5 × 24 × ~18,000 ≈ 2.1M rows), with small counts among them so that disclosure
 *    control has work to do. Prints the import time and the time from the import's answer to the
 *    end of the detection run it starts; then the same for a re-load of one municipality
 *    (`--municipality`), whose detection run is incremental (that municipality only).
 * 2. For the main read of each page (Overzicht, wijk page, Verkenner, signals inbox, council panel)
 *    runs autocannon against the API as a manager (a role under disclosure control) and pgbench with
 *    a hand-written SQL query giving the same answer, both with `--connections` clients for
 *    `--seconds`, and prints p50/p95, req/s, errors and the ratio API p95 / SQL p95.
 */
import autocannon from 'autocannon';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admin, arg, dbUrl, detectionDone, fmt, http, json, login, percentile, startServer, stop } from './support';

/** BENCH_DB names the bench database, so two benches (e.g. two worktrees) can run side by side. */
const DB = process.env.BENCH_DB ?? 'wijksignaal_bench_api';
const ADMIN_EMAIL = 'bench-admin@example.org';
const ADMIN_PASSWORD = 'bench-admin-password-2026';
const MANAGER_EMAIL = 'bench-manager@example.org';
const MANAGER_PASSWORD = 'bench-manager-password-2026';

function option(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
}

const QUADRANTS = ['I', 'II', 'III', 'IV'] as const;

async function prepare(base: string, token: string, indicators: number): Promise<{ codes: string[]; areas: string[] }> {
  const codes = Array.from({ length: indicators }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}`);
  const res = await http(`${base}/api/v1/indicators`, 'POST', json(token), JSON.stringify(codes.map((code, i) => ({
    code,
    name: { nl: `Benchmarkindicator ${i + 1}`, en: `Benchmark indicator ${i + 1}` },
    quadrant: QUADRANTS[i % 4],
    measure: 'proportion',
    polarity: 'higher-is-worse',
    subjectKind: 'area',
    source: 'synthetic benchmark data',
  }))));
  if (res.status !== 201) throw new Error(`indicators: ${res.status} ${res.body}`);
  const areas: string[] = [];
  for (const level of ['district', 'neighbourhood']) {
    const list = await http(`${base}/api/v1/areas?level=${level}`, 'GET', json(token));
    areas.push(...(JSON.parse(list.body) as { code: string }[]).map((a) => a.code));
  }
  const user = await http(`${base}/api/v1/users`, 'POST', json(token), JSON.stringify({ email: MANAGER_EMAIL, name: 'Bench manager', role: 'manager', password: MANAGER_PASSWORD }));
  if (user.status !== 201) throw new Error(`manager account: ${user.status} ${user.body}`);
  return { codes, areas };
}

/** Long CSV, deterministic; a tenth of the areas are small (counts under 5 occur). */
async function generate(file: string, codes: string[], areas: string[], quarters: number, initialSeed = 20261204): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let rows = 0;
  let buf = 'indicator,subject,period,value,numerator,denominator\n';
  let seed = initialSeed;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const periods = Array.from({ length: quarters }, (_, q) => `${2019 + Math.floor(q / 4)}-Q${(q % 4) + 1}`);
  for (const code of codes) {
    for (const a of areas) {
      const small = rnd() < 0.1;
      const den = small ? 20 + Math.floor(rnd() * 60) : 200 + Math.floor(rnd() * 5000);
      const rate = 0.02 + rnd() * 0.1;
      for (const p of periods) {
        const num = Math.min(den, Math.floor(den * rate * (0.8 + rnd() * 0.4)));
        buf += `${code},${a},${p},,${num},${den}\n`;
        rows++;
        if (buf.length > 1 << 20) {
          if (!out.write(buf)) await once(out, 'drain');
          buf = '';
        }
      }
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return rows;
}

interface Read {
  key: string;
  page: string;
  path: string;
  sql: string;
}

function reads(municipality: string, district: string, indicator: string, lastPeriod: string, lastStart: string): Read[] {
  return [
    {
      key: 'overzicht',
      page: 'Overzicht: districts of a municipality, one indicator, latest period (map)',
      path: `/api/v1/observations?indicator=${indicator}&area=${municipality}&level=district&from=${lastPeriod}&to=${lastPeriod}`,
      sql: `SELECT o.subject_code, o.period_start, o.value, o.numerator, o.denominator, o.n, o.status
              FROM observation o JOIN area a ON a.code = o.subject_code
             WHERE a.municipality_code = '${municipality}' AND a.level = 'district'
               AND o.indicator_code = '${indicator}' AND o.granularity = 'quarter' AND o.period_start = '${lastStart}';`,
    },
    {
      key: 'wijk',
      page: `Wijk page: quadrant view of a district (/areas/${district}/quadrants)`,
      path: `/api/v1/areas/${district}/quadrants`,
      // Per indicator: the district's latest value, the municipality's pooled value and the
      // districts' median in that period, the last 8 periods for the trend, and open signals.
      sql: `WITH latest AS (
              SELECT DISTINCT ON (o.indicator_code) o.indicator_code, o.granularity, o.period_start, o.value, o.numerator, o.denominator
                FROM observation o WHERE o.subject_code = '${district}' ORDER BY o.indicator_code, o.period_start DESC
            ), peers AS (
              SELECT p.indicator_code, sum(p.numerator) / nullif(sum(p.denominator), 0) * 100 AS pooled,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY p.value) AS median
                FROM observation p JOIN area a ON a.code = p.subject_code JOIN latest l
                  ON l.indicator_code = p.indicator_code AND l.granularity = p.granularity AND l.period_start = p.period_start
               WHERE a.municipality_code = '${municipality}' AND a.level = 'district'
               GROUP BY p.indicator_code
            ), trend AS (
              SELECT t.indicator_code, array_agg(t.value ORDER BY t.period_start) AS series
                FROM observation t JOIN latest l ON l.indicator_code = t.indicator_code AND l.granularity = t.granularity
               WHERE t.subject_code = '${district}' AND t.period_start > l.period_start - interval '2 years'
               GROUP BY t.indicator_code
            )
            SELECT i.code, i.quadrant, i.name_nl, l.period_start, l.value, l.numerator, l.denominator, p.pooled, p.median, t.series,
                   (SELECT count(*) FROM signal s WHERE s.status = 'open' AND '${district}' = ANY (s.subjects) AND i.code = ANY (s.indicators)) AS open_signals
              FROM latest l JOIN indicator i ON i.code = l.indicator_code LEFT JOIN peers p ON p.indicator_code = l.indicator_code
              LEFT JOIN trend t ON t.indicator_code = l.indicator_code;`,
    },
    {
      key: 'verkenner',
      page: "Verkenner: a municipality's neighbourhoods, one indicator, all periods",
      path: `/api/v1/observations?indicator=${indicator}&area=${municipality}&level=neighbourhood`,
      sql: `SELECT o.subject_code, o.granularity, o.period_start, o.value, o.numerator, o.denominator, o.n, o.status
              FROM observation o JOIN area a ON a.code = o.subject_code
             WHERE a.municipality_code = '${municipality}' AND a.level = 'neighbourhood' AND o.indicator_code = '${indicator}'
             ORDER BY o.subject_code, o.period_start;`,
    },
    {
      key: 'inbox',
      page: 'Signals inbox: open signals, first page of 100',
      path: '/api/v1/signals?status=open&limit=100',
      sql: `SELECT id, rule, quadrant, indicators, subjects, period, severity, status, title, explanation, question, strength, evidence
              FROM signal WHERE status = 'open' ORDER BY created_at DESC, id LIMIT 100;`,
    },
    {
      key: 'raad',
      page: `Council panel (/summary/${municipality})`,
      path: `/api/v1/summary/${municipality}`,
      sql: `WITH latest AS (
              SELECT o.indicator_code, max(o.period_start) AS p FROM observation o JOIN area a ON a.code = o.subject_code
               WHERE a.municipality_code = '${municipality}' AND a.level = 'district' GROUP BY o.indicator_code
            )
            SELECT i.code, i.quadrant, i.name_nl, sum(o.numerator) / nullif(sum(o.denominator), 0) * 100 AS pooled,
                   (SELECT count(*) FROM signal s WHERE s.municipality_code = '${municipality}' AND s.status = 'open' AND i.code = ANY (s.indicators)) AS open_signals,
                   (SELECT count(*) FROM signal s WHERE s.municipality_code = '${municipality}' AND s.status IN ('on-agenda','decided','monitoring')) AS on_agenda
              FROM latest l JOIN indicator i ON i.code = l.indicator_code
              JOIN observation o ON o.indicator_code = l.indicator_code AND o.period_start = l.p
              JOIN area a ON a.code = o.subject_code AND a.municipality_code = '${municipality}' AND a.level = 'district'
             GROUP BY i.code, i.quadrant, i.name_nl;`,
    },
  ];
}

interface Figures {
  p50: number;
  p95: number;
  rps: number;
  errors: number;
  requests: number;
}

async function measureApi(base: string, path: string, token: string, connections: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((ok, fail) => {
    const instance = autocannon(
      { url: `${base}${path}`, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } },
      (err, res) => (err ? fail(err) : ok(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status >= 400) errors++;
    });
  });
  errors += result.errors + result.timeouts;
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: latencies.length / seconds, errors, requests: latencies.length };
}

function measureSql(url: string, sql: string, connections: number, seconds: number, tmp: string, key: string): Figures {
  const dir = join(tmp, `pgbench-${key}`);
  rmSync(dir, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', dir]);
  const script = join(dir, 'query.sql');
  writeFileSync(script, sql.replace(/\s+/g, ' ').trim() + '\n');
  const run = spawnSync('pgbench', ['-n', '-c', String(connections), '-j', '2', '-T', String(seconds), '-f', script, '-l', `--log-prefix=${join(dir, 'log')}`, url], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
  const latencies: number[] = [];
  let errors = 0;
  for (const f of readdirSync(dir).filter((n) => n.startsWith('log'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 3) continue;
      if (cols[2] === 'failed' || cols[2] === 'skipped') errors++;
      else latencies.push(Number(cols[2]) / 1000);
    }
  }
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: latencies.length / seconds, errors, requests: latencies.length };
}

async function main(): Promise<void> {
  const quarters = arg('quarters', 24);
  const nInd = arg('indicators', 5);
  const connections = arg('connections', 50);
  const seconds = arg('seconds', 15);
  const municipality = option('municipality', 'GM0599');
  const district = option('district', 'WK059901');
  const only = option('only', '').split(',').filter(Boolean);
  const tmp = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const file = join(tmp, 'long.csv');
  const port = 3000 + 800 + Math.floor(Math.random() * 90);
  const url = dbUrl(DB);
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  let server: ChildProcess | null = null;
  try {
    console.log(`Starting the server on PostgreSQL (${url}) …`);
    // --workers N: the server runs N processes on its port (API_WORKERS), one per core being the fair
    // match for pgbench, which spreads its clients over every core.
    const workers = option('workers', '1');
    server = await startServer({ DATABASE_URL: url, JWT_SECRET: 'bench-secret-0123456789abcdef', ADMIN_EMAIL, ADMIN_PASSWORD, API_WORKERS: workers }, port);
    if (workers !== '1') console.log(`Server: ${workers} worker processes (API_WORKERS)`);
    const base = `http://127.0.0.1:${port}`;
    const adminToken = await login(base, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { codes, areas } = await prepare(base, adminToken, nInd);
    const rows = await generate(file, codes, areas, quarters);
    console.log(`Generated ${fmt(rows)} rows (${codes.length} indicators × ${fmt(areas.length)} districts and neighbourhoods × ${quarters} quarters), ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);

    const t0 = Date.now();
    const up = await http(`${base}/api/v1/imports?format=long&source=bench`, 'POST',
      { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv', 'content-length': statSync(file).size }, createReadStream(file, { highWaterMark: 1 << 20 }));
    if (up.status !== 201) throw new Error(`import failed: ${up.status} ${up.body.slice(0, 500)}`);
    const importEnd = Date.now();
    const finished = await detectionDone(base, adminToken, JSON.parse(up.body).batchId as string);
    const detectionSeconds = (Math.max(finished.getTime(), importEnd) - importEnd) / 1000;
    const importSeconds = (importEnd - t0) / 1000;
    console.log(`Import: ${importSeconds.toFixed(1)} s (${fmt(rows / importSeconds)} rows/s); detection finished ${detectionSeconds.toFixed(1)} s after the import's answer`);
    spawnSync('psql', [url, '-q', '-c', 'VACUUM ANALYZE'], { stdio: 'inherit' });

    // Incremental detection: a re-load of one municipality's districts and neighbourhoods (new figures).
    const local = spawnSync('psql', [url, '-At', '-c', `SELECT code FROM area WHERE municipality_code = '${municipality}' AND level IN ('district','neighbourhood') ORDER BY code`], { encoding: 'utf8' })
      .stdout.split('\n').filter(Boolean);
    const localFile = join(tmp, 'municipality.csv');
    const localRows = await generate(localFile, codes, local, quarters, 7);
    const l0 = Date.now();
    const upLocal = await http(`${base}/api/v1/imports?format=long&source=bench-${municipality}`, 'POST',
      { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv', 'content-length': statSync(localFile).size }, createReadStream(localFile));
    if (upLocal.status !== 201) throw new Error(`import of ${municipality} failed: ${upLocal.status} ${upLocal.body.slice(0, 500)}`);
    const localEnd = Date.now();
    const localFinished = await detectionDone(base, adminToken, JSON.parse(upLocal.body).batchId as string);
    const localDetectionSeconds = (Math.max(localFinished.getTime(), localEnd) - localEnd) / 1000;
    console.log(`Import of ${municipality} only: ${fmt(localRows)} rows in ${((localEnd - l0) / 1000).toFixed(1)} s; detection finished ${localDetectionSeconds.toFixed(1)} s after the import's answer`);

    const token = await login(base, MANAGER_EMAIL, MANAGER_PASSWORD);
    const last = quarters - 1;
    const lastPeriod = `${2019 + Math.floor(last / 4)}-Q${(last % 4) + 1}`;
    const lastStart = `${2019 + Math.floor(last / 4)}-${String((last % 4) * 3 + 1).padStart(2, '0')}-01`;
    const results: { read: Read; api: Figures; sql: Figures }[] = [];
    for (const read of reads(municipality, district, codes[0], lastPeriod, lastStart)) {
      if (only.length && !only.includes(read.key)) continue;
      const probe = await http(`${base}${read.path}`, 'GET', json(token));
      if (probe.status !== 200) throw new Error(`${read.path}: ${probe.status} ${probe.body.slice(0, 300)}`);
      console.log(`\n${read.page}\n  GET ${read.path} (${fmt(probe.body.length)} bytes)`);
      const api = await measureApi(base, read.path, token, connections, seconds);
      console.log(`  API  p50 ${api.p50.toFixed(1)} ms  p95 ${api.p95.toFixed(1)} ms  ${api.rps.toFixed(0)} req/s  ${api.errors} errors`);
      const sql = measureSql(url, read.sql, connections, seconds, tmp, read.key);
      console.log(`  SQL  p50 ${sql.p50.toFixed(1)} ms  p95 ${sql.p95.toFixed(1)} ms  ${sql.rps.toFixed(0)} tx/s  ${sql.errors} errors`);
      results.push({ read, api, sql });
    }

    console.log(`\n=== bench:api (${connections} connections, ${seconds} s each) ===`);
    console.log(`data: ${fmt(rows)} rows; import ${importSeconds.toFixed(1)} s; detection finished ${detectionSeconds.toFixed(1)} s after the import (target ≤ 60 s)`);
    console.log(`one municipality (${municipality}, ${fmt(localRows)} rows): detection finished ${localDetectionSeconds.toFixed(1)} s after the import (target ≤ 10 s)`);
    console.log('read        | API p50 / p95 ms   | API req/s | SQL p50 / p95 ms | SQL tx/s | p95 ratio | API errors');
    for (const { read, api, sql } of results) {
      const ratio = api.p95 / sql.p95;
      console.log(
        `${read.key.padEnd(11)} | ${`${api.p50.toFixed(1)} / ${api.p95.toFixed(1)}`.padEnd(18)} | ${api.rps.toFixed(0).padStart(9)} | ${`${sql.p50.toFixed(1)} / ${sql.p95.toFixed(1)}`.padEnd(16)} | ${sql.rps.toFixed(0).padStart(8)} | ${ratio.toFixed(1).padStart(8)}× | ${api.errors}`,
      );
    }
    console.log('target: API p95 ≤ 3× SQL p95 (goal 2×), 0 errors');
  } finally {
    if (server) await stop(server);
    rmSync(tmp, { recursive: true, force: true });
    if (!process.argv.includes('--keep')) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
