/**
 * Import benchmark (issue 3, "Performance").
 *
 *   npm run bench:ingest            (builds, then node dist/api/bench/ingest.js)
 *   options: --quarters 24 --indicators 12 --embedded-quarters 4 --no-embedded
 *
 * 1. Creates a bench database on the local PostgreSQL (BENCH_ADMIN_URL, default
 *    postgres://postgres@127.0.0.1:5432/postgres), starts the server on it as a child process.
 * 2. Upserts synthetic indicators, generates a long CSV for every district (wijk) in the register
 *    (indicators × ~3,400 wijken × quarters ≈ 1,000,000 rows), POSTs it over HTTP, streaming, and
 *    polls the server's VmRSS (/proc/<pid>/status) meanwhile.
 * 3. Times `psql \copy` of the same file into a plain table of the same shape, and (for context)
 *    into the same table carrying observation's unique key and subject index.
 * 4. Prints rows/s for both, the ratio and the peak RSS growth; then the embedded (PGlite) rate with
 *    a smaller file (PGlite is a single in-process database for demos and trials).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { admin, arg, dbUrl, detectionDone, fmt, http, json, login, rssKb, startServer, stop } from './support';

const DB = 'wijksignaal_bench_ingest';
const EMAIL = 'bench@example.org';
const PASSWORD = 'bench-password-123';

async function prepare(base: string, token: string, indicators: number): Promise<{ codes: string[]; wijken: string[] }> {
  const codes = Array.from({ length: indicators }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}`);
  const res = await http(`${base}/api/v1/indicators`, 'POST', json(token), JSON.stringify(codes.map((code) => ({
    code, name: { nl: code, en: code }, quadrant: 'II', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', source: 'synthetic benchmark data',
  }))));
  if (res.status !== 201) throw new Error(`indicators: ${res.status} ${res.body}`);
  const areas = await http(`${base}/api/v1/areas?level=district`, 'GET', json(token));
  const wijken = (JSON.parse(areas.body) as { code: string }[]).map((a) => a.code);
  return { codes, wijken };
}

/** Writes the long CSV; returns the number of data rows. */
async function generate(file: string, codes: string[], wijken: string[], quarters: number, firstSeed = 12345): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let rows = 0;
  let buf = 'indicator,subject,period,value,numerator,denominator\n';
  let seed = firstSeed;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const periods = Array.from({ length: quarters }, (_, q) => `${2019 + Math.floor(q / 4)}-Q${(q % 4) + 1}`);
  for (const code of codes) {
    for (const w of wijken) {
      const den = 200 + Math.floor(rnd() * 5000);
      for (const p of periods) {
        const num = Math.floor(rnd() * den * 0.1);
        buf += `${code},${w},${p},,${num},${den}\n`;
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

/**
 * The same rows in observation's own layout (granularity, period start, n, status, batch, history),
 * for a `\\copy` into a table shaped exactly like observation: the physical limit of this data model.
 */
async function toObservationLayout(from: string, to: string): Promise<void> {
  const out = createWriteStream(to);
  const batch = '00000000-0000-4000-8000-000000000001';
  let rest = '';
  let header = true;
  const write = (line: string): string | null => {
    if (header) {
      header = false;
      return null;
    }
    const [indicator, subject, period, value, numerator, denominator] = line.split(',');
    const m = /^(\d{4})-Q([1-4])$/.exec(period!);
    if (!m) throw new Error(`unexpected period ${period}`);
    const start = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return `${indicator},${subject},quarter,${start},${value},${numerator},${denominator},,final,${batch},{${batch}}\n`;
  };
  for await (const chunk of createReadStream(from, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    let buf = '';
    for (const line of lines) if (line) buf += write(line) ?? '';
    if (!out.write(buf)) await once(out, 'drain');
  }
  if (rest) out.write(write(rest) ?? '');
  out.end();
  await once(out, 'finish');
}

async function timedUpload(base: string, headers: Record<string, string | number>, file: string, pid: number): Promise<{ seconds: number; body: string; status: number; peakKb: number; baseKb: number }> {
  const baseKb = rssKb(pid);
  let peakKb = baseKb;
  const poll = setInterval(() => (peakKb = Math.max(peakKb, rssKb(pid))), 50);
  const started = process.hrtime.bigint();
  const res = await http(`${base}/api/v1/imports?format=long&source=bench`, 'POST',
    { ...headers, 'content-type': 'text/csv', 'content-length': statSync(file).size }, createReadStream(file, { highWaterMark: 1 << 20 }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(poll);
  peakKb = Math.max(peakKb, rssKb(pid));
  return { seconds, body: res.body, status: res.status, peakKb, baseKb };
}

async function main(): Promise<void> {
  const quarters = arg('quarters', 24);
  const nInd = arg('indicators', 12);
  const embeddedQuarters = arg('embedded-quarters', 4);
  const tmp = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const file = join(tmp, 'long.csv');
  const port = 3000 + 900 + Math.floor(Math.random() * 90);
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  let server: ChildProcess | null = null;
  try {
    console.log(`Starting the server on PostgreSQL (${dbUrl(DB)}) …`);
    server = await startServer({ DATABASE_URL: dbUrl(DB), JWT_SECRET: 'bench-secret-0123456789abcdef', ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD }, port);
    const base = `http://127.0.0.1:${port}`;
    const token = await login(base, EMAIL, PASSWORD);
    const { codes, wijken } = await prepare(base, token, nInd);
    const rows = await generate(file, codes, wijken, quarters);
    const size = statSync(file).size;
    console.log(`Generated ${fmt(rows)} rows (${codes.length} indicators × ${wijken.length} wijken × ${quarters} quarters), ${(size / 2 ** 20).toFixed(1)} MB`);

    // The \copy references first, while the server is idle.
    const copyInto = (table: string, ddl: string, source = file, header = true): number => {
      spawnSync('psql', [dbUrl(DB), '-q', '-c', `DROP TABLE IF EXISTS ${table}; ${ddl}`], { stdio: 'inherit' });
      const t0 = process.hrtime.bigint();
      const copy = spawnSync('psql', [dbUrl(DB), '-q', '-c', `\\copy ${table} FROM '${source}' WITH (FORMAT csv, HEADER ${header})`], { stdio: 'inherit' });
      if (copy.status !== 0) throw new Error('psql \\copy failed');
      return Number(process.hrtime.bigint() - t0) / 1e9;
    };
    const shape = 'indicator text, subject text, period text, value double precision, numerator double precision, denominator double precision';
    const copySeconds = copyInto('bench_copy', `CREATE TABLE bench_copy (${shape});`);
    const copyRate = rows / copySeconds;
    console.log(`psql \\copy into a plain table: ${copySeconds.toFixed(2)} s, ${fmt(copyRate)} rows/s`);
    // For context: the same \copy when the table carries observation's two indexes (its unique key
    // and the subject index). No keyed table can load faster than this.
    const keyedSeconds = copyInto('bench_keyed', `CREATE TABLE bench_keyed (${shape}, PRIMARY KEY (indicator, subject, period)); CREATE INDEX ON bench_keyed (subject, indicator);`);
    const keyedRate = rows / keyedSeconds;
    console.log(`psql \\copy into the same table with observation's indexes: ${keyedSeconds.toFixed(2)} s, ${fmt(keyedRate)} rows/s`);
    // And into a table shaped exactly like observation (its columns, keys, checks and fillfactor 50),
    // from the same rows in observation's layout: the "physical limit for this data model".
    const obsFile = join(tmp, 'observation-layout.csv');
    await toObservationLayout(file, obsFile);
    const obsSeconds = copyInto('bench_observation', `CREATE TABLE bench_observation (LIKE observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES) WITH (fillfactor = 50);`, obsFile, false);
    const obsRate = rows / obsSeconds;
    console.log(`psql \\copy into a table shaped like observation (fillfactor 50): ${obsSeconds.toFixed(2)} s, ${fmt(obsRate)} rows/s`);

    const up = await timedUpload(base, { authorization: `Bearer ${token}` }, file, server.pid as number);
    if (up.status !== 201) throw new Error(`import failed: ${up.status} ${up.body.slice(0, 500)}`);
    const apiRate = rows / up.seconds;
    console.log(`HTTP import (PostgreSQL): ${up.seconds.toFixed(2)} s, ${fmt(apiRate)} rows/s — ${up.body}`);

    await detectionDone(base, token, JSON.parse(up.body).batchId as string); // it follows every import; let it not compete

    // The same keys again with other counts: every row replaces one (merge path, history appended).
    const reloadFile = join(tmp, 'long-reload.csv');
    await generate(reloadFile, codes, wijken, quarters, 54321);
    const re = await timedUpload(base, { authorization: `Bearer ${token}` }, reloadFile, server.pid as number);
    if (re.status !== 201) throw new Error(`re-import failed: ${re.status} ${re.body.slice(0, 500)}`);
    const reloadRate = rows / re.seconds;
    console.log(`HTTP re-import, every key replaced: ${re.seconds.toFixed(2)} s, ${fmt(reloadRate)} rows/s`);
    await detectionDone(base, token, JSON.parse(re.body).batchId as string);
    // The physical limit of a re-load: psql stages the same file and updates every key of the keyed
    // table in place (what any replace must do), with no parsing, validation or history.
    const r0 = process.hrtime.bigint();
    const keyedReload = spawnSync('psql', [dbUrl(DB), '-q',
      '-c', 'CREATE TEMP TABLE bench_stage (LIKE bench_keyed)',
      '-c', `\\copy bench_stage FROM '${reloadFile}' WITH (FORMAT csv, HEADER true)`,
      '-c', 'ANALYZE bench_stage; ANALYZE bench_keyed',
      '-c', `UPDATE bench_keyed k SET value = s.value, numerator = s.numerator, denominator = s.denominator
               FROM bench_stage s WHERE k.indicator = s.indicator AND k.subject = s.subject AND k.period = s.period`,
    ], { stdio: 'inherit' });
    if (keyedReload.status !== 0) throw new Error('psql keyed re-load failed');
    const keyedReloadSeconds = Number(process.hrtime.bigint() - r0) / 1e9;
    const keyedReloadRate = rows / keyedReloadSeconds;
    console.log(`psql stage + UPDATE of every key of the keyed table: ${keyedReloadSeconds.toFixed(2)} s, ${fmt(keyedReloadRate)} rows/s`);

    const growth = (up.peakKb - up.baseKb) / 1024;
    await stop(server);
    server = null;

    let embeddedLine = 'embedded (PGlite): skipped';
    if (!process.argv.includes('--no-embedded')) {
      const dataDir = join(tmp, 'pglite');
      const eport = port + 1;
      console.log('Starting the server on embedded PGlite …');
      server = await startServer({ DATA_DIR: dataDir, DEMO_DATA: 'false', DATABASE_URL: '' }, eport);
      const ebase = `http://127.0.0.1:${eport}`;
      const etoken = await login(ebase, 'analyst@demo.local', 'demo');
      const e = await prepare(ebase, etoken, nInd);
      const efile = join(tmp, 'long-embedded.csv');
      const erows = await generate(efile, e.codes, e.wijken, embeddedQuarters);
      const eup = await timedUpload(ebase, { authorization: `Bearer ${etoken}` }, efile, server.pid as number);
      if (eup.status !== 201) throw new Error(`embedded import failed: ${eup.status} ${eup.body.slice(0, 500)}`);
      embeddedLine = `embedded (PGlite), smaller file of ${fmt(erows)} rows (${embeddedQuarters} quarters): ${eup.seconds.toFixed(2)} s, ${fmt(erows / eup.seconds)} rows/s, peak RSS growth ${((eup.peakKb - eup.baseKb) / 1024).toFixed(0)} MB`;
      await stop(server);
      server = null;
    }

    console.log('\n=== bench:ingest ===');
    console.log(`rows:                       ${fmt(rows)} (${(size / 2 ** 20).toFixed(1)} MB)`);
    console.log(`HTTP import (PostgreSQL):   ${fmt(apiRate)} rows/s (${up.seconds.toFixed(2)} s)`);
    console.log(`psql \\copy (plain table):   ${fmt(copyRate)} rows/s (${copySeconds.toFixed(2)} s)`);
    console.log(`ratio import / \\copy:       ${(apiRate / copyRate).toFixed(2)} (target ≥ 0.5)`);
    console.log(`psql \\copy, keyed table:    ${fmt(keyedRate)} rows/s (${keyedSeconds.toFixed(2)} s); ratio keyed / plain ${(keyedRate / copyRate).toFixed(2)}, import / keyed ${(apiRate / keyedRate).toFixed(2)} (target ≥ 0.5)`);
    console.log(`psql \\copy, table shaped like observation: ${fmt(obsRate)} rows/s (${obsSeconds.toFixed(2)} s); import / that ${(apiRate / obsRate).toFixed(2)} (the issue's physical limit for this data model)`);
    console.log(`re-import, all keys replaced: ${fmt(reloadRate)} rows/s (${re.seconds.toFixed(2)} s; peak RSS growth ${((re.peakKb - re.baseKb) / 1024).toFixed(0)} MB)`);
    console.log(`  ratio re-import / keyed \\copy: ${(reloadRate / keyedRate).toFixed(2)} (target ≥ 0.3); / psql stage + UPDATE (${fmt(keyedReloadRate)} rows/s): ${(reloadRate / keyedReloadRate).toFixed(2)}`);
    console.log(`server peak RSS growth:     ${growth.toFixed(0)} MB (from ${(up.baseKb / 1024).toFixed(0)} MB; target < 300 MB)`);
    console.log(embeddedLine);
  } finally {
    if (server) await stop(server);
    rmSync(tmp, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
