/**
 * Command-line client for analysts and scripts:
 *
 *   npm run ingest -- <file> [--format auto|long|statline] [--dry-run] [--period 2022] [--source name]
 *                    [--url http://localhost:3000] [--token <jwt> | --api-key <key> | --email a@b --password …]
 *
 * Streams the file to POST /api/v1/imports (never reads it whole), with a progress bar on stderr
 * (bytes sent, rate, ETA). Prints the server's JSON answer on stdout; exit code 0 for 200/201,
 * 1 for a refused file (4xx, the errors are printed), 2 for a usage or connection problem.
 * Also reads WIJKSIGNAAL_URL, WIJKSIGNAAL_TOKEN and WIJKSIGNAAL_API_KEY.
 */
import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename } from 'node:path';
import { Transform } from 'node:stream';

export interface IngestArgs {
  file: string;
  format: 'auto' | 'long' | 'statline';
  /** Validate and show what would change; write nothing (`?dryRun=true`). */
  dryRun?: boolean;
  period: string | null;
  source: string | null;
  url: string;
  token: string | null;
  apiKey: string | null;
  email: string | null;
  password: string | null;
  progress: boolean;
}

export interface IngestIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

const USAGE = `usage: npm run ingest -- <file> [--format auto|long|statline] [--dry-run] [--period 2022] [--source name]
       [--url http://localhost:3000] [--token <jwt> | --api-key <key> | --email <e> --password <p>] [--no-progress]`;

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): IngestArgs | string {
  const a: IngestArgs = {
    file: '', format: 'auto', dryRun: false, period: null, source: null, url: env.WIJKSIGNAAL_URL ?? 'http://localhost:3000',
    token: env.WIJKSIGNAAL_TOKEN ?? null, apiKey: env.WIJKSIGNAAL_API_KEY ?? null, email: null, password: null, progress: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${k} needs a value`);
      return x;
    };
    try {
      if (k === '--format') {
        const f = v();
        if (f !== 'auto' && f !== 'long' && f !== 'statline') return `--format must be auto, long or statline\n${USAGE}`;
        a.format = f;
      } else if (k === '--period') a.period = v();
      else if (k === '--source') a.source = v();
      else if (k === '--url') a.url = v().replace(/\/+$/, '');
      else if (k === '--token') a.token = v();
      else if (k === '--api-key') a.apiKey = v();
      else if (k === '--email') a.email = v();
      else if (k === '--password') a.password = v();
      else if (k === '--no-progress') a.progress = false;
      else if (k === '--dry-run') a.dryRun = true;
      else if (k === '-h' || k === '--help') return USAGE;
      else if (k.startsWith('--')) return `unknown option ${k}\n${USAGE}`;
      else if (!a.file) a.file = k;
      else return `only one file at a time\n${USAGE}`;
    } catch (e) {
      return `${(e as Error).message}\n${USAGE}`;
    }
  }
  if (!a.file) return USAGE;
  if (!a.token && !a.apiKey && !(a.email && a.password)) return `give --token, --api-key or --email and --password\n${USAGE}`;
  return a;
}

function fmtBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(2)} GB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} kB`;
  return `${n} B`;
}

/** A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise. */
export function progressBar(total: number, io: IngestIo): { update(sent: number): void; done(): void } {
  const started = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  const draw = (sent: number, final: boolean) => {
    const frac = total > 0 ? Math.min(1, sent / total) : 1;
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? sent / secs : 0;
    const eta = rate > 0 && !final ? `, ETA ${Math.ceil((total - sent) / rate)} s` : '';
    const width = 30;
    const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
    const text = `${bar} ${(frac * 100).toFixed(0).padStart(3)} %  ${fmtBytes(sent)} / ${fmtBytes(total)}  ${fmtBytes(rate)}/s${eta}`;
    if (io.isTTY) io.stderr(`\r${text}${final ? '\n' : ''}`);
    else {
      const decile = Math.floor(frac * 10);
      if (decile !== lastDecile || final) {
        lastDecile = decile;
        io.stderr(`${text}\n`);
      }
    }
  };
  return {
    update(sent) {
      const now = Date.now();
      if (now - lastDraw > 100) {
        lastDraw = now;
        draw(sent, false);
      }
    },
    done() {
      draw(total, true);
    },
  };
}

interface HttpAnswer {
  status: number;
  body: string;
}

function send(url: URL, method: string, headers: Record<string, string | number>, body: NodeJS.ReadableStream | string | null): Promise<HttpAnswer> {
  const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers });
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body === null) req.end();
    else if (typeof body === 'string') req.end(body);
    else body.pipe(req);
  });
}

/** Runs one upload; returns the process exit code. */
export async function runIngest(args: IngestArgs, io: IngestIo): Promise<number> {
  let size: number;
  try {
    size = statSync(args.file).size;
  } catch {
    io.stderr(`cannot read ${args.file}\n`);
    return 2;
  }
  const headers: Record<string, string | number> = { 'content-type': 'text/csv', 'content-length': size };
  try {
    if (args.apiKey) headers['x-api-key'] = args.apiKey;
    else {
      let token = args.token;
      if (!token) {
        const login = await send(new URL('/api/v1/auth/login', args.url), 'POST', { 'content-type': 'application/json' }, JSON.stringify({ email: args.email, password: args.password }));
        if (login.status !== 200) {
          io.stderr(`sign-in failed (${login.status}): ${login.body}\n`);
          return 2;
        }
        token = (JSON.parse(login.body) as { accessToken: string }).accessToken;
      }
      headers.authorization = `Bearer ${token}`;
    }
    const url = new URL('/api/v1/imports', args.url);
    url.searchParams.set('format', args.format);
    url.searchParams.set('source', args.source ?? basename(args.file));
    if (args.period) url.searchParams.set('period', args.period);
    if (args.dryRun) url.searchParams.set('dryRun', 'true');
    const bar = args.progress ? progressBar(size, io) : null;
    let sent = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        sent += chunk.length;
        bar?.update(sent);
        cb(null, chunk);
      },
    });
    const started = Date.now();
    const answer = await send(url, 'POST', headers, createReadStream(args.file, { highWaterMark: 1 << 20 }).pipe(counter));
    bar?.done();
    io.stdout(`${answer.body}\n`);
    const ok = answer.status === 200 || answer.status === 201;
    let summary = `HTTP ${answer.status} after ${((Date.now() - started) / 1000).toFixed(1)} s`;
    try {
      const body = JSON.parse(answer.body) as {
        rowsAccepted?: number; duplicateOf?: string; errorCount?: number; message?: string; dryRun?: boolean; format?: string;
        summary?: { indicators: string[]; periods: string[]; areaCount: number; rowsNew: number; rowsReplaced: number; rowsUnchanged: number | null };
      };
      if (ok && body.dryRun && body.summary) {
        const s = body.summary;
        summary += `: preview (${body.format}), nothing written — ${s.rowsNew} new, ${s.rowsReplaced} replaced, ${s.rowsUnchanged ?? 0} unchanged rows; indicators ${s.indicators.join(', ')}; periods ${s.periods.join(', ')}; ${s.areaCount} areas`;
        if (body.duplicateOf) summary += `; the same file was imported before as batch ${body.duplicateOf}`;
      } else if (body.duplicateOf) summary += `: the same file was imported before as batch ${body.duplicateOf}; nothing changed`;
      else if (ok) summary += `: ${body.rowsAccepted} rows imported`;
      else summary += `: ${body.message ?? ''}`;
    } catch {
      /* not JSON */
    }
    io.stderr(`${summary}\n`);
    return ok ? 0 : 1;
  } catch (e) {
    io.stderr(`cannot reach ${args.url}: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    process.exit(2);
  }
  void runIngest(parsed, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
  }).then((code) => process.exit(code));
}
