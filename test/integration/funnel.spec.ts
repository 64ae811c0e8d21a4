import { DB_KINDS, startTestApp, type TestApp } from './harness';

describe.each(DB_KINDS)('explorer funnel plot on %s', (kind) => {
  let app: TestApp;
  let wijken: string[];
  beforeAll(async () => {
    app = await startTestApp(kind);
    wijken = ((await (await app.request('/api/v1/areas?parent=GM0518', { role: 'analyst' })).json()) as { code: string }[]).map((a) => a.code);
    const indicator = { code: 'f-prop', name: { nl: 'Funneltest', en: 'Funnel test' }, quadrant: 'III', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area' };
    expect((await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: indicator })).status).toBeLessThan(300);
    const observations = wijken.map((subject, i) => ({
      indicator: 'f-prop', subject, period: '2024', denominator: 1000,
      numerator: i === 0 ? 300 : i === 1 ? 3 : 95 + (i % 11),
    }));
    const res = await app.request('/api/v1/observations', { method: 'POST', role: 'analyst', json: { source: 'funnel test', observations } });
    expect(res.status).toBe(201);
  });
  afterAll(() => app?.close());

  it('draws the engine’s exact limits around the pooled value and flags the outlier on its side', async () => {
    const res = await app.request('/api/v1/observations/funnel?indicator=f-prop&area=GM0518&level=district&period=2024', { role: 'analyst' });
    expect(res.status).toBe(200);
    const f = await res.json();
    expect(f.method).toBe('exact-binomial');
    expect(f.points).toHaveLength(wijken.length);
    expect(f.points.find((p: { subject: string }) => p.subject === wijken[0])).toMatchObject({ value: 30, outside: 998, side: 'above' });
    expect(f.target).toBeGreaterThan(9);
    expect(f.target).toBeLessThan(12);
    for (const l of f.limits) expect(l.upper998).toBeGreaterThanOrEqual(l.upper95);
  });

  it('keeps small numbers hidden from managers while computing on the full aggregates', async () => {
    const f = await (await app.request('/api/v1/observations/funnel?indicator=f-prop&area=GM0518&level=district&period=2024', { role: 'manager' })).json();
    const small = f.points.find((p: { subject: string }) => p.subject === wijken[1]);
    expect(small).toEqual({ subject: wijken[1], denominator: null, value: null, suppressed: true, outside: 0, side: null });
    expect(f.points.filter((p: { suppressed: boolean }) => p.suppressed).length).toBeGreaterThanOrEqual(2); // plus the secondary cell
    expect(JSON.stringify(f)).not.toContain('"value":0.3');
  });

  it('answers 400 naming missing fields and 404 for an unknown indicator', async () => {
    const bad = await app.request('/api/v1/observations/funnel?indicator=f-prop', { role: 'analyst' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual(['area', 'period']);
    expect((await app.request('/api/v1/observations/funnel?indicator=nope&area=GM0518&period=2024', { role: 'analyst' })).status).toBe(404);
  });
});
