/**
 * What the benchmarks share: a bench database on the local PostgreSQL, the built server as a
 * child process, plain HTTP calls, and waiting for the detection run that follows an import.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { Client } from 'pg';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const MAIN = join(ROOT, 'dist', 'api', 'api', 'src', 'main.js');
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

export function dbUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One statement on the admin database (CREATE/DROP DATABASE). */
export async function admin(sql: string, url = ADMIN_URL): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface Http {
  status: number;
  body: string;
}

export function http(url: string, method: string, headers: Record<string, string | number>, body?: string | NodeJS.ReadableStream): Promise<Http> {
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail);
    if (body === undefined) req.end();
    else if (typeof body === 'string') req.end(body);
    else body.pipe(req);
  });
}

export const json = (token: string | null): Record<string, string> => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

/** Resident set size of a process in kB (0 when it is gone). */
export function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Starts the built server (`node dist/…/main.js`) and waits until /api/health answers 200. */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', WEB_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/api/health`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await http(url, 'GET', {})).status === 200) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 10_000))]);
}

export async function login(base: string, email: string, password: string): Promise<string> {
  const res = await http(`${base}/api/v1/auth/login`, 'POST', json(null), JSON.stringify({ email, password }));
  if (res.status !== 200) throw new Error(`login: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { accessToken: string }).accessToken;
}

/** Waits until the detection run that follows an import has finished; answers when it did. */
export async function detectionDone(base: string, token: string, batchId: string, timeoutSeconds = 900): Promise<Date> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    const res = await http(`${base}/api/v1/signals/runs`, 'GET', json(token));
    const runs = JSON.parse(res.body) as { trigger: string; finishedAt: string | null }[];
    const run = runs.find((r) => r.trigger === `import:${batchId}` && r.finishedAt);
    if (run) return new Date(run.finishedAt as string);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('detection after the import did not finish');
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
