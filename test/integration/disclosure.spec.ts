import { DB_KINDS, startTestApp, type TestApp } from './harness';
import { exactRecoveries, Intruder, key, type Relation, type Shown } from './intruder-kit';

/**
 * Issue 9, defect 1: each reproduction through the public API (A across queries and the funnel,
 * B pooled evidence of a signal, C hierarchy, D time, E complement in the quadrant view, minCount 0). All fail on the
 * per-answer suppression that came before the stored pattern.
 */
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];

describe.each(DB_KINDS)('disclosure control against differencing on %s', (kind) => {
  let app: TestApp;
  let wijken: string[];
  let allWijken: string[];
  const truth = new Map<string, { numerator: number; denominator: number }>();
  const POOLED_W0 = [60, 2, 14, 15];
  const pooledTruth = new Map<string, number>();

  beforeAll(async () => {
    app = await startTestApp(kind);
    allWijken = ((await (await app.request('/api/v1/areas?parent=GM0518&level=district', { role: 'analyst' })).json()) as { code: string }[]).map((a) => a.code);
    wijken = allWijken.slice(0, 6);
    expect(wijken.length).toBeGreaterThanOrEqual(4);
    const indicators = [
      { code: 'd-rate', name: { nl: 'Ontruimingen', en: 'Evictions' }, quadrant: 'III', measure: 'rate', per: 1000, polarity: 'higher-is-worse', subjectKind: 'area' },
      { code: 'd-prop', name: { nl: 'Aandeel', en: 'Share' }, quadrant: 'III', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area' },
      { code: 'd-pool', name: { nl: 'Huisuitzettingen', en: 'Evictions (pooled)' }, quadrant: 'III', measure: 'rate', per: 1000, polarity: 'higher-is-worse', subjectKind: 'area' },
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
    // B (the demo case: quarters 8, hidden, 10, 10 under a pooled year): W0 stands out over
    // the year on its first quarter, its second quarter is small; the other wijken are alike.
    allWijken.forEach((w, i) =>
      QUARTERS.forEach((q, k) => {
        const numerator = i === 0 ? POOLED_W0[k] : [10, 12, 9, 11][k] + (i % 5);
        pooledTruth.set(key(w, q), numerator);
        observations.push({ indicator: 'd-pool', subject: w, period: q, numerator, denominator: 15000 + 100 * i + k });
      }),
    );
    const res = await app.request('/api/v1/observations', { method: 'POST', role: 'analyst', json: { source: 'disclosure test', observations } });
    expect(res.status).toBe(201);
    expect((await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' })).status).toBeLessThan(300);
  }, 300_000);
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

  /** The pooled windows in the peer-outlier evidence a role is shown for d-pool (numerator worked back from value × denominator). */
  async function pooledWindows(role: 'analyst' | 'manager' | 'council') {
    const res = await app.request('/api/v1/signals?rule=peer-outlier&indicator=d-pool&limit=1000', { role });
    expect(res.status).toBe(200);
    const signals = (await res.json()) as { evidence: unknown }[];
    const windows: { subject: string; from: string; period: string; num: number | null }[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      const e = v as { kind?: string; indicator?: string; from?: string; period?: string; points?: { subject: string; value: unknown; denominator: unknown }[] };
      if (e.kind === 'funnel' && e.indicator === 'd-pool' && e.points && e.from && e.period) {
        for (const pt of e.points) {
          const num = typeof pt.value === 'number' && typeof pt.denominator === 'number' ? Math.round((pt.value * pt.denominator) / 1000) : null;
          windows.push({ subject: pt.subject, from: e.from, period: e.period, num });
        }
      }
      Object.values(v).forEach(walk);
    };
    walk(signals.map((s) => s.evidence));
    return windows;
  }

  it('B: the signal pools a window over the hidden quarter (the channel exists: the analyst sees the pooled figure)', async () => {
    const w0 = (await pooledWindows('analyst')).filter((w) => w.subject === wijken[0] && w.from <= '2024-Q2' && w.period >= '2024-Q2');
    expect(w0.length).toBeGreaterThan(0);
    const sum = QUARTERS.filter((q) => q >= w0[0].from && q <= w0[0].period).reduce((a, q) => a + pooledTruth.get(key(wijken[0], q))!, 0);
    expect(w0[0].num).toBe(sum);
  });

  it.each(['manager', 'council'] as const)('B: pooled evidence minus the visible quarters of its window recovers no hidden quarter (%s)', async (role) => {
    const shown = new Map<string, number>();
    for (const o of await observe(role, `indicator=d-pool&area=GM0518&level=district&from=2024-Q1&to=2024-Q4`)) {
      if (!o.suppressed && o.numerator != null) shown.set(key(o.subject, o.period), o.numerator);
    }
    expect(shown.has(key(wijken[0], '2024-Q2'))).toBe(false); // the small quarter is hidden from this role
    const leaks: string[] = [];
    for (const w of await pooledWindows(role)) {
      if (w.num === null) continue;
      const qs = QUARTERS.filter((q) => q >= w.from && q <= w.period);
      const unknown = qs.filter((q) => !shown.has(key(w.subject, q)));
      if (unknown.length !== 1) continue;
      const rest = qs.filter((q) => q !== unknown[0]).reduce((a, q) => a + shown.get(key(w.subject, q))!, 0);
      if (pooledTruth.get(key(w.subject, unknown[0])) === w.num - rest) leaks.push(key(w.subject, unknown[0]));
    }
    expect(leaks).toEqual([]);
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
