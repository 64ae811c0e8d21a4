import { DB_KINDS, startTestApp, type TestApp } from './harness';
import { exactRecoveries, Intruder, key, type Relation, type Shown } from './intruder-kit';

/**
 * Issue 9, defect 1: each reproduction through the public API (A across queries and the funnel,
 * C hierarchy, D time, E complement in the quadrant view, minCount 0). All fail on the
 * per-answer suppression that came before the stored pattern.
 */
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];

describe.each(DB_KINDS)('disclosure control against differencing on %s', (kind) => {
  let app: TestApp;
  let wijken: string[];
  const truth = new Map<string, { numerator: number; denominator: number }>();

  beforeAll(async () => {
    app = await startTestApp(kind);
    wijken = ((await (await app.request('/api/v1/areas?parent=GM0518&level=district', { role: 'analyst' })).json()) as { code: string }[])
      .map((a) => a.code)
      .slice(0, 6);
    expect(wijken.length).toBeGreaterThanOrEqual(4);
    const indicators = [
      { code: 'd-rate', name: { nl: 'Ontruimingen', en: 'Evictions' }, quadrant: 'III', measure: 'rate', per: 1000, polarity: 'higher-is-worse', subjectKind: 'area' },
      { code: 'd-prop', name: { nl: 'Aandeel', en: 'Share' }, quadrant: 'III', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area' },
    ];
    expect((await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: indicators })).status).toBeLessThan(300);
    // Quarters per wijk (W0's Q2 = 2 and W1's Q1 = 3 are small); years and the gemeente are the sums.
    const quarters = wijken.map((_, i) => (i === 0 ? [8, 2, 10, 10] : i === 1 ? [3, 20, 20, 21] : [10 + i, 12 + i, 9 + i, 11 + i]));
    const observations: Record<string, unknown>[] = [];
    const add = (subject: string, period: string, numerator: number, denominator: number) => {
      truth.set(key(subject, period), { numerator, denominator });
      observations.push({ indicator: 'd-rate', subject, period, numerator, denominator });
    };
    const gm = QUARTERS.map(() => ({ n: 0, d: 0 }));
    wijken.forEach((w, i) => {
      let yn = 0;
      let yd = 0;
      QUARTERS.forEach((q, k) => {
        const d = 15000 + 100 * i + k;
        add(w, q, quarters[i][k], d);
        yn += quarters[i][k];
        yd += d;
        gm[k].n += quarters[i][k];
        gm[k].d += d;
      });
      add(w, '2024', yn, yd);
    });
    QUARTERS.forEach((q, k) => add('GM0518', q, gm[k].n, gm[k].d));
    add('GM0518', '2024', gm.reduce((s, g) => s + g.n, 0), gm.reduce((s, g) => s + g.d, 0));
    wijken.forEach((w, i) => observations.push({ indicator: 'd-prop', subject: w, period: '2024', numerator: i === 0 ? 98 : 40 + i, denominator: 100 }));
    const res = await app.request('/api/v1/observations', { method: 'POST', role: 'analyst', json: { source: 'disclosure test', observations } });
    expect(res.status).toBe(201);
  });
  afterAll(() => app?.close());

  const relations = (): Relation[] => [
    ...['2024', ...QUARTERS].map((p) => ({ total: key('GM0518', p), parts: wijken.map((w) => key(w, p)) })),
    ...['GM0518', ...wijken].map((s) => ({ total: key(s, '2024'), parts: QUARTERS.map((q) => key(s, q)) })),
  ];

  async function observe(role: 'manager' | 'council', query: string): Promise<Shown[]> {
    const res = await app.request(`/api/v1/observations?${query}`, { role });
    expect(res.status).toBe(200);
    return (await res.json()) as Shown[];
  }

  it.each(['manager', 'council'] as const)('A, C, D: no sibling query, total minus parts or year minus quarters recovers a hidden cell (%s)', async (role) => {
    const intruder = new Intruder();
    const range = 'from=2024&to=2024-Q4&indicator=d-rate';
    intruder.learn(await observe(role, `${range}&area=GM0518&level=district`));
    intruder.learn(await observe(role, `${range}&area=GM0518`));
    for (const w of wijken) intruder.learn(await observe(role, `${range}&area=${w}`));
    const hidden = new Set([...truth.keys()].filter((k) => !intruder.num.has(k)));
    expect(hidden.has(key(wijken[0], '2024-Q2'))).toBe(true);
    expect(hidden.has(key(wijken[1], '2024-Q1'))).toBe(true);
    expect(exactRecoveries(intruder.solve(relations()), truth, hidden)).toEqual([]);
  });

  it('A: the funnel pools only shown cells, and its limits carry no hidden denominator', async () => {
    const shown = await observe('manager', 'indicator=d-rate&area=GM0518&level=district&from=2024-Q2&to=2024-Q2');
    const visible = shown.filter((o) => !o.suppressed);
    const hidden = shown.filter((o) => o.suppressed);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const f = await (await app.request('/api/v1/observations/funnel?indicator=d-rate&area=GM0518&level=district&period=2024-Q2', { role: 'manager' })).json();
    const target = (1000 * visible.reduce((s, o) => s + o.numerator!, 0)) / visible.reduce((s, o) => s + o.denominator!, 0);
    expect(f.target).toBeCloseTo(target, 9);
    const visibleDens = new Set(visible.map((o) => Math.round(0.8 * o.denominator!)));
    for (const h of hidden) {
      const d = truth.get(key(h.subject, '2024-Q2'))!.denominator;
      const leak = f.limits.some((l: { denominator: number }) => l.denominator === Math.round(0.8 * d) && !visibleDens.has(l.denominator));
      expect(leak).toBe(false);
    }
    for (const p of f.points.filter((p: { suppressed: boolean }) => p.suppressed)) expect(p).toMatchObject({ value: null, denominator: null });
  });

  it('E: the quadrant view hides a proportion whose complement is small (98 of 100)', async () => {
    for (const role of ['manager', 'council'] as const) {
      const view = await (await app.request(`/api/v1/areas/${wijken[0]}/quadrants?period=2024`, { role })).json();
      const state = view.quadrants.flatMap((q: { indicators: unknown[] }) => q.indicators).find((i: { indicator: { code: string } }) => i.indicator.code === 'd-prop');
      expect(state).toMatchObject({ value: null, suppressed: true });
      expect(JSON.stringify(state)).not.toContain('98');
    }
    const analyst = await (await app.request(`/api/v1/areas/${wijken[0]}/quadrants?period=2024`, { role: 'analyst' })).json();
    const seen = analyst.quadrants.flatMap((q: { indicators: unknown[] }) => q.indicators).find((i: { indicator: { code: string } }) => i.indicator.code === 'd-prop');
    expect(seen.value).toBeCloseTo(98, 6);
  });

  it('C: the quadrant view of a hidden wijk and the gemeente figure agree with the one pattern', async () => {
    const shown = await observe('manager', 'indicator=d-rate&area=GM0518&level=district&from=2024-Q2&to=2024-Q2');
    for (const o of shown) {
      const view = await (await app.request(`/api/v1/areas/${o.subject}/quadrants?period=2024-Q2`, { role: 'manager' })).json();
      const state = view.quadrants.flatMap((q: { indicators: unknown[] }) => q.indicators).find((i: { indicator: { code: string } }) => i.indicator.code === 'd-rate');
      expect(state.suppressed).toBe(!!o.suppressed);
      if (o.suppressed) expect(state.value).toBeNull();
    }
  });

  it('an analyst cannot set minCount below the floor (DISCLOSURE_MIN_COUNT) and so cannot turn suppression off', async () => {
    const res = await app.request('/api/v1/indicators', {
      method: 'POST', role: 'analyst',
      json: { code: 'd-rate', name: { nl: 'Ontruimingen', en: 'Evictions' }, quadrant: 'III', measure: 'rate', per: 1000, polarity: 'higher-is-worse', subjectKind: 'area', minCount: 0 },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain('minCount');
    const shown = await observe('manager', `indicator=d-rate&area=${wijken[0]}&from=2024-Q2&to=2024-Q2`);
    expect(shown[0]).toMatchObject({ suppressed: true, numerator: null });
  });
});
