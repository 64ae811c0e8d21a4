import { DB_KINDS, startTestApp, type TestApp } from './harness';

describe.each(DB_KINDS)('walking skeleton on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app?.close());

  it('reports health with the database kind', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: { kind, ok: true } });
  });

  it('lets a request take UPLOAD_TIMEOUT_SECONDS (default an hour) to arrive, not Node’s 300 s', () => {
    expect(app.running.app.getHttpServer().requestTimeout).toBe(3600 * 1000);
  });

  it('signs in and rejects a wrong password without saying which part was wrong', async () => {
    const ok = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'analyst@demo.local', password: 'demo' } });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.user).toEqual({ email: 'analyst@demo.local', name: expect.any(String), role: 'analyst', homeMunicipality: 'GM0518', scope: null });
    expect(body.accessToken).toMatch(/^ey/);

    const wrong = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'analyst@demo.local', password: 'nope' } });
    const unknown = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'nobody@demo.local', password: 'demo' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it('answers a malformed login body with 400 naming the field', async () => {
    const res = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'not-an-email', password: 'x' } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email' })]));

    const broken = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).statusCode).toBe(400);
  });

  it('guards every endpoint but health and login', async () => {
    expect((await app.request('/api/v1/areas')).status).toBe(401);
    expect((await app.request('/api/v1/areas', { headers: { authorization: 'Bearer garbage' } })).status).toBe(401);
  });

  it('lists all 342 municipalities and the districts of one', async () => {
    const municipalities = await (await app.request('/api/v1/areas?level=municipality', { role: 'analyst' })).json();
    expect(municipalities).toHaveLength(342);
    const districts = await (await app.request('/api/v1/areas?parent=GM0518', { role: 'analyst' })).json();
    expect(districts.length).toBeGreaterThan(40);
    expect(districts.every((d: { level: string; parent: string }) => d.level === 'district' && d.parent === 'GM0518')).toBe(true);
    const buurten = await (await app.request('/api/v1/areas?parent=GM0363&level=neighbourhood', { role: 'council' })).json();
    expect(buurten.length).toBeGreaterThan(400);
    expect(buurten.map((b: { code: string }) => b.code)).toContain('BU0363AA01');
  });

  it('shows an area with its parent chain and children, and 404 for an unknown code', async () => {
    const res = await app.request('/api/v1/areas/WK051801', { role: 'manager' });
    expect(res.status).toBe(200);
    const area = await res.json();
    expect(area.ancestors.map((a: { code: string }) => a.code)).toEqual(['NL00', 'GM0518']);
    expect(area.children.length).toBeGreaterThan(0);
    const missing = await app.request('/api/v1/areas/GM9999', { role: 'manager' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ statusCode: 404, code: 'error.notFound', message: expect.stringContaining('GM9999') });
  });

  it('serves boundaries of a municipality’s districts as GeoJSON', async () => {
    const fc = await (await app.request('/api/v1/areas/GM0518/boundaries', { role: 'analyst' })).json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(30);
    expect(fc.features[0].geometry.type).toMatch(/Polygon/);
  });

  it('answers unknown API routes with JSON 404, not the web app', async () => {
    const res = await app.request('/api/v1/does-not-exist', { role: 'analyst' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('applies role checks with one decorator: only admins manage users', async () => {
    expect((await app.request('/api/v1/users', { role: 'analyst' })).status).toBe(403);
    const res = await app.request('/api/v1/users', { role: 'admin' });
    expect(res.status).toBe(200);
    const users = await res.json();
    expect(users.map((u: { email: string }) => u.email)).toContain('council@demo.local');
    expect(JSON.stringify(users)).not.toContain('argon2');
  });
});
