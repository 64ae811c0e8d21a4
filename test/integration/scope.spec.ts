import { DB_KINDS, startTestApp, type TestApp } from './harness';

/**
 * Municipality scope as an attacker tests it (issue 12 §2): an analyst scoped to 's-Gravenhage
 * (GM0518) calls EVERY GET route of the API — the list is read from the router, so a new route is
 * covered without touching this file — with Rotterdam's (GM0599) codes and ids in every parameter
 * and with national queries, and must never see a Rotterdam area or unit code in a non-public answer.
 * Writes naming Rotterdam are refused. Public reference data (register, boundaries) stays visible.
 */
const A = 'GM0518';
const B = 'GM0599';
const FOREIGN = /\b(GM|WK|BU)0599|\bTSB\d/;
const QUARTERS = (from: number, to: number): string[] => {
  const out: string[] = [];
  for (let y = from; y <= to; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
  return out;
};
const startOf = (label: string): string => {
  const [y, q] = label.split('-Q');
  return `${y}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
};

describe.each(DB_KINDS)('municipality scope on %s', (kind) => {
  let app: TestApp;
  let token: string;
  const ids: Record<string, string> = {};
  const q = (sql: string, params: unknown[] = []): Promise<{ [k: string]: string }[]> => app.running.database.dataSource.query(sql, params);
  const put = (indicator: string, subject: string, period: string, num: number, den: number) =>
    q(
      `INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
       VALUES ($1, $2, 'quarter', $3, $4, $5, $6, gen_random_uuid()) ON CONFLICT DO NOTHING`,
      [indicator, subject, startOf(period), (num / den) * 100, num, den],
    );
  const scoped = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    app = await startTestApp(kind, { TOKEN_CHECK_CACHE_MS: '0' });
    for (const [muni, prefix] of [[A, 'TSA'], [B, 'TSB']] as const) {
      const hoods = (await q(`SELECT code FROM area WHERE municipality_code = $1 AND level = 'neighbourhood' ORDER BY code LIMIT 10`, [muni])).map((r) => r.code);
      ids[`${muni}:hood`] = hoods[0];
      ids[`${muni}:district`] = (await q(`SELECT parent_code AS p FROM area WHERE code = $1`, [hoods[0]]).catch(() => [{ p: '' }]))[0]?.p ?? '';
      for (let i = 0; i < 10; i++) await q(`INSERT INTO unit (code, name, kind, area_code) VALUES ($1, $2, 'school', $3)`, [`${prefix}${i}`, `School ${prefix}${i}`, hoods[i]]);
      for (const [k, period] of QUARTERS(2022, 2024).entries()) {
        for (let i = 0; i < 10; i++) await put('youth-care-referrals', `${prefix}${i}`, period, i === 0 ? 80 : 18 + ((i * 3 + k) % 5), 400);
        for (let i = 0; i < 10; i++) await put('loneliness', hoods[i], period, i === 0 && k >= 10 ? 300 + (k - 10) * 40 : 198 + ((k * 7 + i) % 5), 2000);
      }
    }
    await q(`INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
             SELECT 'loneliness', $1, 'quarter', period_start, avg(value), sum(numerator), sum(denominator), gen_random_uuid() FROM observation
             WHERE indicator_code = 'loneliness' AND subject_code LIKE 'BU0518%' GROUP BY period_start`, [A]);
    await q(`INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
             SELECT 'loneliness', $1, 'quarter', period_start, avg(value), sum(numerator), sum(denominator), gen_random_uuid() FROM observation
             WHERE indicator_code = 'loneliness' AND subject_code LIKE 'BU0599%' GROUP BY period_start`, [B]);
    expect((await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' })).status).toBe(200);
    for (let i = 0; i < 100; i++) {
      const runs = (await (await app.request('/api/v1/signals/runs', { role: 'analyst' })).json()) as { finishedAt?: string | null }[];
      if (runs[0]?.finishedAt) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const signals = (await (await app.request('/api/v1/signals?include=members', { role: 'analyst' })).json()) as { id: string; subjects: string[] }[];
    const ofB = signals.find((s) => s.subjects.some((x) => FOREIGN.test(x)));
    const ofA = signals.find((s) => !s.subjects.some((x) => FOREIGN.test(x)));
    expect(ofB && ofA).toBeTruthy();
    ids[`${B}:signal`] = ofB!.id;
    ids[`${A}:signal`] = ofA!.id;
    for (const muni of [A, B]) {
      const m = await app.request('/api/v1/meetings', { method: 'POST', role: 'admin', json: { date: '2026-12-10', title: `Overleg ${muni}`, area: muni } });
      expect(m.status).toBe(201);
      ids[`${muni}:meeting`] = ((await m.json()) as { id: string }).id;
      const item = await app.request(`/api/v1/meetings/${ids[`${muni}:meeting`]}/items`, { method: 'POST', role: 'admin', json: { signalId: ids[`${muni}:signal`] } });
      expect(item.status).toBeLessThan(300);
      await app.request('/api/v1/annotations', { method: 'POST', role: 'admin', json: { date: '2024-06-01', indicators: ['loneliness'], area: ids[`${muni}:hood`], text: `Notitie ${muni}` } });
    }
    const user = await app.request('/api/v1/users', {
      method: 'POST',
      role: 'admin',
      json: { email: 'analist-denhaag@example.nl', name: 'Analist Den Haag', role: 'analyst', password: 'een lang genoeg wachtwoord', scope: { municipalities: [A] } },
    });
    expect(user.status).toBe(201);
    const login = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'analist-denhaag@example.nl', password: 'een lang genoeg wachtwoord' } });
    token = ((await login.json()) as { accessToken: string }).accessToken;
  });
  afterAll(() => app?.close());

  /** Every GET route of the running app, read from the Express router. */
  function getRoutes(): string[] {
    const express = app.running.app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
    type Layer = { route?: { path: string; methods: Record<string, boolean> } };
    const stack = (express.router ?? express._router)!.stack;
    return [...new Set(stack.filter((l) => l.route?.methods.get).map((l) => l.route!.path))].filter((p) => p.startsWith('/api/'));
  }

  const PUBLIC = new Set(['/api/v1/areas', '/api/v1/areas/:code', '/api/v1/areas/:code/boundaries', '/api/v1/indicators', '/api/v1/units', '/api/health', '/api/v1/signal-settings']);
  const QUERIES = [
    '',
    `?area=${B}`,
    `?area=${B}&level=neighbourhood&indicator=loneliness&from=2022&to=2024-Q4&period=2024-Q4`,
    `?area=NL00&level=municipality&indicator=loneliness&from=2022&to=2024-Q4&period=2024-Q4`,
    `?area=NL00&level=neighbourhood&indicator=loneliness&period=2024-Q4`,
    `?area=${A}&level=neighbourhood&indicator=youth-care-referrals,loneliness&from=2022&to=2024-Q4&period=2024-Q4`,
    '?include=members&limit=1000',
    `?subject=TSB0&indicator=youth-care-referrals`,
  ];

  it('never shows another municipality’s figures on any GET route (generated from the route table)', async () => {
    const routes = getRoutes();
    expect(routes.length).toBeGreaterThan(15);
    let checked = 0;
    let withOwnData = 0;
    for (const route of routes) {
      const fills: Record<string, string[]> = {
        code: [B, ids[`${B}:district`], ids[`${B}:hood`], 'TSB0', A],
        areaCode: [B, ids[`${B}:district`], ids[`${B}:hood`], A],
        id: route.startsWith('/api/v1/meetings') ? [ids[`${B}:meeting`], ids[`${A}:meeting`]] : [ids[`${B}:signal`], ids[`${A}:signal`]],
      };
      const params = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]);
      if (params.some((p) => !fills[p])) continue;
      const paths = params.reduce<string[]>((acc, p) => acc.flatMap((path) => fills[p].filter(Boolean).map((v) => path.replace(`:${p}`, v))), [route]);
      for (const path of paths) {
        for (const query of QUERIES) {
          const res = await scoped(`${path}${query}`);
          const text = await res.text();
          expect(res.status).toBeLessThan(500);
          checked++;
          if (PUBLIC.has(route)) continue;
          if (res.status === 200 && /(GM|WK|BU)0518|TSA\d/.test(text)) withOwnData++;
          if (res.status === 200 && FOREIGN.test(text)) throw new Error(`${path}${query} shows another municipality: ${text.slice(0, 300)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(withOwnData).toBeGreaterThan(10); // not vacuous: the own municipality's figures do come through
  });

  it('answers 403 naming the area for a request about another municipality, 404 for its meetings and signals', async () => {
    const obs = await scoped(`/api/v1/observations?indicator=loneliness&area=${ids[`${B}:hood`]}`);
    expect(obs.status).toBe(403);
    expect((await obs.json()).code).toBe('scope.forbidden');
    expect((await scoped(`/api/v1/summary/${B}`)).status).toBe(403);
    expect((await scoped(`/api/v1/meetings/${ids[`${B}:meeting`]}`)).status).toBe(404);
    expect((await scoped(`/api/v1/meetings/${ids[`${B}:meeting`]}/brief`)).status).toBe(404);
    expect((await scoped(`/api/v1/signals/${ids[`${B}:signal`]}`)).status).toBe(404);
    expect((await scoped(`/api/v1/signals/${ids[`${A}:signal`]}`)).status).toBe(200);
  });

  it('refuses writes about another municipality and imports, and leaves them undone', async () => {
    const patch = await scoped(`/api/v1/signals/${ids[`${B}:signal`]}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'dismissed', comment: 'weg ermee' }) });
    expect(patch.status).toBe(404);
    const still = (await (await app.request(`/api/v1/signals/${ids[`${B}:signal`]}`, { role: 'admin' })).json()) as { status: string };
    expect(still.status).not.toBe('dismissed');
    const meeting = await scoped('/api/v1/meetings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ date: '2026-12-11', title: 'x', area: B }) });
    expect(meeting.status).toBe(403);
    const note = await scoped('/api/v1/annotations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ date: '2026-12-11', indicators: ['loneliness'], area: ids[`${B}:hood`], text: 'x' }) });
    expect(note.status).toBe(403);
    const imp = await scoped('/api/v1/imports', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'indicator,area,period,numerator,denominator\nloneliness,GM0599,2024-Q4,1,10\n' });
    expect(imp.status).toBe(403);
    expect((await imp.json()).code).toBe('scope.import');
    // Boundaries too (issue 15): a file may hold any municipality's areas.
    const bnd = await scoped('/api/v1/areas/boundaries', { method: 'POST', headers: { 'content-type': 'application/geo+json' }, body: '{"type":"FeatureCollection","features":[]}' });
    expect(bnd.status).toBe(403);
    expect((await bnd.json()).code).toBe('scope.import');
  });

  it('keeps public reference data visible: the whole register and boundaries', async () => {
    const areas = await scoped(`/api/v1/areas?level=municipality`);
    expect(areas.status).toBe(200);
    expect(await areas.text()).toContain(B);
    expect((await scoped(`/api/v1/areas/${B}`)).status).toBe(200);
  });
});
