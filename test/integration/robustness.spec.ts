import { gzipSync } from 'node:zlib';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

/** A multipart body whose closing boundary never comes (busboy: "Unexpected end of form"). */
function truncatedMultipart(field = 'file'): { headers: Record<string, string>; body: string } {
  const b = 'XyZboundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    body: `--${b}\r\nContent-Disposition: form-data; name="${field}"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\nindicator,subject,period,value\nt,WK1,2024,1\n`,
  };
}

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe.each(DB_KINDS)('robustness on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app?.close());
  const alive = async () => expect((await app.request('/api/health')).status).toBe(200);

  it('answers a multipart body without its closing boundary with 400 on every upload route and stays up', async () => {
    for (const path of ['/api/v1/imports', '/api/v1/imports?format=statline', '/api/v1/units', '/api/v1/areas']) {
      const { headers, body } = truncatedMultipart();
      const res = await app.request(path, { method: 'POST', role: 'admin', headers, body });
      // 400 (units, areas, and the automatic format, which reads the file's head before a batch
      // exists), or 422 from an importer named explicitly, which records the failed batch
      expect({ path, status: res.status }).toEqual({ path, status: path.includes('format=statline') ? 422 : 400 });
      expect(JSON.stringify(await res.json())).toMatch(/multipart|interrupted|end of/i);
    }
    // the same with a field the importer skips, and with no file field at all
    for (const field of ['other', 'file']) {
      const { headers, body } = truncatedMultipart(field);
      const res = await app.request('/api/v1/imports', { method: 'POST', role: 'analyst', headers, body: body.replace('name="other"; filename="x.csv"', 'name="other"') });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    await alive();
    const batches: { status: string; rowsAccepted: number }[] = await (await app.request('/api/v1/imports', { role: 'analyst' })).json();
    expect(batches.filter((b) => b.rowsAccepted > 0)).toEqual([]);
  });

  it('answers NUL characters in path, query and JSON text fields with 400 naming the field', async () => {
    const path = await app.request('/api/v1/areas/GM05%0018', { role: 'analyst' });
    expect(path.status).toBe(400);
    expect((await path.json()).errors).toEqual([{ field: 'path', message: expect.stringMatching(/NUL/) }]);
    const query = await app.request('/api/v1/observations?indicator=evic%00tions&area=GM0518', { role: 'analyst' });
    expect(query.status).toBe(400);
    expect((await query.json()).errors).toEqual([{ field: 'indicator', message: expect.stringMatching(/NUL/) }]);
    const body = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'analyst@demo.local', password: 'de\u0000mo' } });
    expect(body.status).toBe(400);
    expect((await body.json()).errors).toEqual([{ field: 'password', message: expect.stringMatching(/NUL/) }]);
    const bulk = await app.request('/api/v1/observations', { method: 'POST', role: 'analyst', json: { source: 'x', observations: [{ indicator: 'a', subject: 'WK\u00001', period: '2024', value: 1 }] } });
    expect(bulk.status).toBe(400);
    expect((await bulk.json()).errors).toEqual([{ field: 'observations[0].subject', message: expect.stringMatching(/NUL/) }]);
    const csv = await app.request('/api/v1/imports', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: 'indicator,subject,period,value\nevictions,WK051801\u0000,2024,1\n' });
    expect(csv.status).toBeGreaterThanOrEqual(400);
    expect(csv.status).toBeLessThan(500);
    await alive();
  });

  it('answers repeated or nested query parameters with 400 naming the parameter', async () => {
    const repeated = await app.request('/api/v1/signals?status=open&status=closed', { role: 'analyst' });
    expect(repeated.status).toBe(400);
    expect((await repeated.json()).errors).toEqual([{ field: 'status', message: expect.stringMatching(/more than once/) }]);
    const array = await app.request('/api/v1/observations?indicator[]=a&area=GM0518', { role: 'analyst' });
    expect(array.status).toBe(400);
    const object = await app.request('/api/v1/observations?indicator[x]=a&area=GM0518', { role: 'analyst' });
    expect(object.status).toBe(400);
    expect((await object.json()).errors[0].field).toBe('indicator');
  });

  it('refuses deep JSON nesting with 400 before parsing, on small and bulk routes', async () => {
    for (const [path, role] of [['/api/v1/auth/login', undefined], ['/api/v1/observations', 'analyst'], ['/api/v1/annotations', 'analyst']] as const) {
      const res = await app.request(path, { method: 'POST', role, headers: { 'content-type': 'application/json' }, body: nested(100_000) });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect((await res.json()).message).toMatch(/nested deeper/);
    }
    await alive();
  });

  it('reads no large body before authentication, keeps JSON small except on import routes, caps gzip', async () => {
    const big = JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(2 * 1024 * 1024) });
    const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(login.status).toBe(413);
    // without a token the bulk route answers 401 before it reads the body
    const anon = await app.request('/api/v1/observations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(anon.status).toBe(401);
    // with a token a bulk JSON over 1 MB is read (and validated: 422 for made-up rows)
    const observations = Array.from({ length: 20_000 }, (_, i) => ({ indicator: 'nope', subject: `WK${i}`, period: '2024', value: 1 }));
    const bulk = await app.request('/api/v1/observations', { method: 'POST', role: 'analyst', json: { source: 'big', observations } });
    expect(JSON.stringify({ observations }).length).toBeGreaterThan(1024 * 1024);
    expect(bulk.status).toBe(422);
    // a small gzip body that inflates past the limit
    const bomb = gzipSync(Buffer.from(JSON.stringify({ email: 'a@b.nl', password: 'y'.repeat(8 * 1024 * 1024) })));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const zipped = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: bomb });
    expect(zipped.status).toBe(413);
    await alive();
  });

  it('sends security headers, no X-Powered-By, no HSTS without TRUST_PROXY, and keeps /api/docs behind login', async () => {
    const res = await app.request('/api/health');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect((await app.request('/api/docs')).status).toBe(401);
    expect((await app.request('/api/docs/openapi.json')).status).toBe(401);
    const docs = await app.request('/api/docs/openapi.json', { role: 'council' });
    expect(docs.status).toBe(200);
    expect((await docs.json()).info.title).toBe('Wijksignaal API');
  });

  it('answers 503 quickly with Retry-After when the pool has no free connection (never 500)', async () => {
    const pooled = await startTestApp(kind, { DB_POOL_SIZE: '1', DB_POOL_WAIT_MS: '200' });
    try {
      await pooled.token('analyst');
      const qr = pooled.running.database.dataSource.createQueryRunner();
      await qr.connect(); // holds the only connection
      try {
        const started = Date.now();
        const res = await pooled.request('/api/v1/indicators', { role: 'analyst' });
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('5');
        expect((await res.json()).message).toMatch(/busy/);
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        await qr.release();
      }
      expect((await pooled.request('/api/v1/indicators', { role: 'analyst' })).status).toBe(200);
    } finally {
      await pooled.close();
    }
  });

  if (kind === 'postgres') {
    it('answers 503 with Retry-After on every route while the database is unreachable, and recovers', async () => {
      // A TCP proxy in front of PostgreSQL that the test can cut.
      const name = `wijksignaal_test_proxy_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const sockets = new Set<Socket>();
      let open = true;
      const proxy: Server = createServer((client) => {
        if (!open) {
          client.destroy();
          return;
        }
        const upstream = connect(5432, '127.0.0.1');
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => { client.destroy(); upstream.destroy(); };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const port = (proxy.address() as { port: number }).port;
      const cut = await startTestApp('postgres', { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/${name}`, JWT_SECRET: 'test-secret-0123456789abcdef', DB_POOL_WAIT_MS: '1000' });
      try {
        await cut.token('analyst');
        open = false;
        for (const s of sockets) s.destroy();
        for (const path of ['/api/v1/indicators', '/api/v1/signals', '/api/v1/observations?indicator=evictions&area=GM0518', '/api/v1/imports']) {
          const res = await cut.request(path, { role: 'analyst' });
          expect({ path, status: res.status }).toEqual({ path, status: 503 });
          expect(res.headers.get('retry-after')).toBe('5');
        }
        const upload = await cut.request('/api/v1/imports', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: 'indicator,subject,period,value\n' });
        expect(upload.status).toBe(503);
        expect((await cut.request('/api/health')).status).toBe(503);
        open = true;
        const back = await cut.request('/api/v1/indicators', { role: 'analyst' });
        expect(back.status).toBe(200);
      } finally {
        open = true;
        await cut.close().catch(() => undefined);
        proxy.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });
  }
});
