import { DB_KINDS, startTestApp, type TestApp } from './harness';

/** Sessions, revocation, guard rails and the audit trail (issue 12 §3–4, issue 9 items 4–6), on both databases. */
describe.each(DB_KINDS)('access and sessions on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind, { TOKEN_CHECK_CACHE_MS: '60000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
  });
  afterAll(() => app?.close());

  const cookieOf = (res: Response): string => {
    const set = res.headers.getSetCookie().find((c) => c.startsWith('ws_refresh='));
    if (!set) throw new Error('no refresh cookie');
    return set.split(';')[0];
  };
  async function login(email: string, password: string): Promise<{ token: string; cookie: string; res: Response }> {
    const res = await app.request('/api/v1/auth/login', { method: 'POST', json: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return { token: ((await res.clone().json()) as { accessToken: string }).accessToken, cookie: cookieOf(res), res };
  }
  const get = (path: string, token: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });
  const refresh = (cookie: string) => app.request('/api/v1/auth/refresh', { method: 'POST', headers: { cookie } });
  async function createUser(role: string, email: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await app.request('/api/v1/users', { method: 'POST', role: 'admin', json: { email, name: email, role, password: 'een lang genoeg wachtwoord', ...extra } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('sets the refresh token as an httpOnly, SameSite=Strict cookie on the auth path only', async () => {
    const { res } = await login('analyst@demo.local', 'demo');
    const set = res.headers.getSetCookie().find((c) => c.startsWith('ws_refresh='))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toMatch(/Path=\/api\/v1\/auth/);
    expect(set).not.toMatch(/Secure/); // plain HTTP here; Secure when the request came over TLS
  });

  it('rotates the refresh token on use and revokes the session when an old one comes back (reuse)', async () => {
    const first = await login('manager@demo.local', 'demo');
    const r1 = await refresh(first.cookie);
    expect(r1.status).toBe(200);
    const second = cookieOf(r1);
    expect(second).not.toBe(first.cookie);
    const { accessToken } = (await r1.json()) as { accessToken: string };
    expect((await get('/api/v1/auth/me', accessToken)).status).toBe(200);

    // The first token is used; presenting it again (after the short race grace) is theft.
    await app.running.database.dataSource.query(`UPDATE refresh_token SET used_at = now() - interval '1 minute' WHERE used_at IS NOT NULL`);
    const reused = await refresh(first.cookie);
    expect(reused.status).toBe(401);
    expect((await reused.json()).code).toBe('auth.session.reused');
    // The whole session is gone: the newest refresh token and the access token stop working.
    expect((await refresh(second)).status).toBe(401);
    app.running.app.get((await import('../../api/src/users/access-check')).AccessCheck).forget((await meId(accessToken)) ?? '');
    expect((await get('/api/v1/auth/me', accessToken)).status).toBe(401);
  });

  async function meId(token: string): Promise<string | null> {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string };
    return payload.sub;
  }

  it('POST /auth/logout ends the session at the next request (access and refresh token)', async () => {
    const s = await login('council@demo.local', 'demo');
    expect((await get('/api/v1/auth/me', s.token)).status).toBe(200); // cached as valid (TOKEN_CHECK_CACHE_MS=60 s)
    const out = await app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie: s.cookie, authorization: `Bearer ${s.token}` } });
    expect(out.status).toBe(204);
    expect((await get('/api/v1/auth/me', s.token)).status).toBe(401);
    expect((await refresh(s.cookie)).status).toBe(401);
  });

  it('deactivation, role change and scope change take effect at the next request; a demoted admin cannot create admins', async () => {
    const id = await createUser('admin', 'second-admin@example.nl');
    const s = await login('second-admin@example.nl', 'een lang genoeg wachtwoord');
    expect((await get('/api/v1/users', s.token)).status).toBe(200);

    const demote = await app.request(`/api/v1/users/${id}`, { method: 'PATCH', role: 'admin', json: { role: 'analyst' } });
    expect(demote.status).toBe(200);
    expect((await get('/api/v1/users', s.token)).status).toBe(401);
    const create = await app.request('/api/v1/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}` },
      json: { email: 'evil@example.nl', name: 'x', role: 'admin', password: 'een lang genoeg wachtwoord' },
    });
    expect(create.status).toBe(401);
    // The refresh gives a token with the new role, not the old one.
    const renewed = await refresh(s.cookie);
    expect(renewed.status).toBe(200);
    const body = (await renewed.json()) as { accessToken: string; user: { role: string } };
    expect(body.user.role).toBe('analyst');
    expect((await get('/api/v1/users', body.accessToken)).status).toBe(403);

    const scope = await app.request(`/api/v1/users/${id}`, { method: 'PATCH', role: 'admin', json: { scope: { municipalities: ['GM0518'] } } });
    expect(scope.status).toBe(200);
    expect((await get('/api/v1/auth/me', body.accessToken)).status).toBe(401);

    const off = await app.request(`/api/v1/users/${id}`, { method: 'PATCH', role: 'admin', json: { active: false } });
    expect(off.status).toBe(200);
    expect((await refresh(cookieOf(renewed))).status).toBe(401);
    await expect(login('second-admin@example.nl', 'een lang genoeg wachtwoord')).rejects.toThrow(/401/);
  });

  it('refuses to deactivate or demote the last active admin (409) and keeps the installation reachable', async () => {
    const users = (await (await app.request('/api/v1/users', { role: 'admin' })).json()) as { id: string; email: string; role: string; active: boolean }[];
    const admins = users.filter((u) => u.role === 'admin' && u.active);
    expect(admins.map((a) => a.email)).toEqual(['admin@demo.local']);
    const demo = admins[0];
    const demote = await app.request(`/api/v1/users/${demo.id}`, { method: 'PATCH', role: 'admin', json: { role: 'manager' } });
    expect(demote.status).toBe(409);
    expect((await demote.json()).code).toBe('users.lastAdmin');
    const off = await app.request(`/api/v1/users/${demo.id}`, { method: 'PATCH', role: 'admin', json: { active: false } });
    expect(off.status).toBe(409);
    expect((await app.request('/api/v1/users', { role: 'admin' })).status).toBe(200);
  });

  it('PATCH /users/:id answers the account without its hash; unknown ids are 404, and audit rows name the target with before/after', async () => {
    const id = await createUser('council', 'raad@example.nl');
    const res = await app.request(`/api/v1/users/${id}`, { method: 'PATCH', role: 'admin', json: { name: 'Raadslid', role: 'manager', password: 'nog een lang wachtwoord' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/argon2|passwordHash/);
    expect(JSON.parse(text)).toMatchObject({ id, email: 'raad@example.nl', name: 'Raadslid', role: 'manager', active: true });
    // A refused password carries its message key and the minimum, so the web says it in the user's language.
    const weak = await app.request(`/api/v1/users/${id}`, { method: 'PATCH', role: 'admin', json: { password: 'kort' } });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ code: 'users.passwordPolicy', params: { min: 12 }, errors: [{ field: 'password', code: 'users.passwordPolicy', params: { min: 12 } }] });

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await app.request(`/api/v1/users/${unknown}`, { method: 'PATCH', role: 'admin', json: { name: 'x' } })).status).toBe(404);
    expect((await app.request(`/api/v1/api-keys/${unknown}`, { method: 'DELETE', role: 'admin' })).status).toBe(404);

    const audit = await app.request(`/api/v1/audit?action=user.update&limit=1`, { role: 'admin' });
    expect(audit.status).toBe(200);
    const rows = (await audit.json()) as { target: string; details: Record<string, unknown> }[];
    const [row] = rows;
    expect(row.target).toBe(id);
    expect(row.details).toMatchObject({ before: { role: 'council', name: 'raad@example.nl' }, after: { role: 'manager', name: 'Raadslid' }, passwordChanged: true });
    expect(JSON.stringify(row)).not.toMatch(/argon2/);
    const wrong = await app.request(`/api/v1/audit?action=user.update&target=${unknown}`, { role: 'admin' });
    expect(wrong.status).toBe(200);
  });

  it('pages the audit trail with limit/cursor and a Link header, filters by actor, action and date, admins only', async () => {
    expect((await app.request('/api/v1/audit', { role: 'analyst' })).status).toBe(403);
    const first = await app.request('/api/v1/audit?action=auth.*&limit=2', { role: 'admin' });
    const page1 = (await first.json()) as { id: string; action: string }[];
    expect(page1).toHaveLength(2);
    expect(page1.every((r) => r.action.startsWith('auth.'))).toBe(true);
    const link = first.headers.get('link')!;
    expect(link).toMatch(/rel="next"/);
    const next = await app.request(/<([^>]+)>/.exec(link)![1], { role: 'admin' });
    const page2 = (await next.json()) as { id: string }[];
    expect(Number(page2[0].id)).toBeLessThan(Number(page1[1].id));
    const byActor = (await (await app.request('/api/v1/audit?actor=ADMIN@demo.local', { role: 'admin' })).json()) as { actor: string }[];
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((r) => r.actor === 'admin@demo.local')).toBe(true);
    const future = (await (await app.request('/api/v1/audit?from=2999-01-01', { role: 'admin' })).json()) as unknown[];
    expect(future).toEqual([]);
    const bad = await app.request('/api/v1/audit?from=yesterday', { role: 'admin' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('from');
  });

  it('refuses weak passwords set through the API, naming the field', async () => {
    for (const password of ['12345678', 'password1234', 'kort']) {
      const res = await app.request('/api/v1/users', { method: 'POST', role: 'admin', json: { email: `w${password.length}@example.nl`, name: 'w', role: 'council', password } });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].field).toBe('password');
    }
  });

  it('answers 429 with Retry-After after repeated failures for one account, before hashing', async () => {
    await createUser('council', 'target@example.nl');
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'target@example.nl', password: `wrong ${i}` } });
      expect(res.status).toBe(401);
    }
    const blocked = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'target@example.nl', password: 'een lang genoeg wachtwoord' } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other accounts from the same address are not locked out by it.
    expect((await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'analyst@demo.local', password: 'demo' } })).status).toBe(200);
  });

  it('validates scope and home municipality when an admin sets them', async () => {
    const id = await createUser('analyst', 'scoped@example.nl', { scope: { municipalities: ['GM0599'] } });
    const list = (await (await app.request('/api/v1/users', { role: 'admin' })).json()) as { id: string; scope: unknown; homeMunicipality: string }[];
    expect(list.find((u) => u.id === id)).toMatchObject({ scope: { municipalities: ['GM0599'] }, homeMunicipality: 'GM0599' });
    const bad = await app.request(`/api/v1/users/${id}`, { method: 'PATCH', role: 'admin', json: { scope: { municipalities: ['GM9999'] } } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('scope.municipalities');
    const shape = await app.request(`/api/v1/users/${id}`, { method: 'PATCH', role: 'admin', json: { scope: ['GM0518'] } });
    expect(shape.status).toBe(400);
    const s = await login('scoped@example.nl', 'een lang genoeg wachtwoord');
    expect(((await s.res.json()) as { user: unknown }).user).toMatchObject({ homeMunicipality: 'GM0599', scope: { municipalities: ['GM0599'] } });
  });
});
