import fc from 'fast-check';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

/**
 * Bounded fuzzing of the write paths an outsider or a careless export can reach: long CSV,
 * StatLine CSV, multipart and JSON bodies. Whatever arrives, the answer is < 500 and the process
 * keeps answering. Bounded in runs (FUZZ_RUNS, default 60 per endpoint) and time (interruptAfterTimeLimit).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_MS ?? 45_000);

const cell = fc.oneof(
  fc.constantFrom('evictions', 'debt-restructuring', 'WK051801', 'GM0518', 'NL00', '2024', '2024-Q1', '2024-13', '2022*', '', '.', '-1', '1e308', 'NaN', '"', '""', '\u0000', '\ufeff', ';', '\r', '\n'),
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
  fc.integer().map(String),
);
const row = fc.array(cell, { minLength: 0, maxLength: 8 });
const csvText = fc
  .tuple(
    fc.constantFrom('indicator,subject,period,value,numerator,denominator', 'indicator;subject;period;value', 'ID,WijkenEnBuurten,Perioden,Codering_3,Bevolking_1', '', 'x'),
    fc.array(row, { maxLength: 30 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([header, rows, sep, eol]) => [header, ...rows.map((r) => r.join(sep))].join(eol));
const bytes = fc.uint8Array({ maxLength: 2048 });
const body = fc.oneof(csvText.map((t) => new TextEncoder().encode(t)), bytes);

const json = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.record({
    source: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    observations: fc.array(
      fc.record({
        indicator: fc.oneof(fc.constantFrom('evictions', 'nope'), fc.string()),
        subject: fc.oneof(fc.constantFrom('WK051801', 'GM0518'), fc.string()),
        period: fc.oneof(fc.constantFrom('2024', '2024-Q1', '2024-02'), fc.string()),
        value: fc.oneof(fc.double(), fc.string(), fc.constant(null)),
        numerator: fc.oneof(fc.integer(), fc.constant(undefined)),
        denominator: fc.oneof(fc.integer(), fc.constant(undefined)),
      }, { requiredKeys: [] }),
      { maxLength: 20 },
    ),
  }, { requiredKeys: [] }),
);

describe.each(DB_KINDS)('fuzzing the write paths on %s', (kind) => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp(kind);
    token = await app.token('admin');
  });
  afterAll(() => app?.close());

  const post = (path: string, init: RequestInit) => fetch(`${app.url}${path}`, { ...init, method: 'POST', headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
  const params = { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false };
  const live = async () => expect((await fetch(`${app.url}/api/health`)).status).toBe(200);

  it.each([
    ['long CSV', '/api/v1/imports?format=long'],
    ['StatLine CSV', '/api/v1/imports?format=statline&period=2024'],
    ['units CSV', '/api/v1/units'],
    ['areas CSV', '/api/v1/areas'],
  ])('%s: raw bodies never give 5xx', async (_name, path) => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await post(path, { headers: { 'content-type': 'text/csv' }, body: b });
        await res.arrayBuffer();
        return res.status < 500;
      }),
      params,
    );
    await live();
  });

  it('multipart: bodies cut anywhere, odd boundaries and fields never give 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.nat(), fc.constantFrom('file', 'other', ''), fc.constantFrom('B1', 'a"b', ''), async (text, cut, field, boundary) => {
        const full = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="f.csv"\r\n\r\n${text}\r\n--${boundary}--\r\n`;
        const res = await post('/api/v1/imports', { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: full.slice(0, cut % (full.length + 1)) });
        await res.arrayBuffer();
        return res.status < 500;
      }),
      params,
    );
    await live();
  });

  it('JSON: bulk observations and small JSON routes never give 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(json, fc.constantFrom('/api/v1/observations', '/api/v1/imports', '/api/v1/annotations', '/api/v1/auth/login', '/api/v1/meetings'), async (value, path) => {
        const res = await post(path, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
        await res.arrayBuffer();
        return res.status < 500;
      }),
      params,
    );
    await live();
  });

  it('query strings: any parameters on the read routes never give 5xx', async () => {
    const key = fc.constantFrom('indicator', 'area', 'level', 'from', 'to', 'status', 'period', 'limit', 'offset', 'x[y]', 'q');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, fc.string({ maxLength: 10 })), { maxLength: 6 }), fc.constantFrom('/api/v1/observations', '/api/v1/signals', '/api/v1/quadrants', '/api/v1/summary', '/api/v1/imports', '/api/v1/areas'), async (pairs, path) => {
        const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const res = await fetch(`${app.url}${path}?${qs}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        return res.status < 500;
      }),
      params,
    );
    await live();
  });
});
