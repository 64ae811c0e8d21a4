import { DB_KINDS, startTestApp, type TestApp } from './harness';
import { exactRecoveries, Intruder, key, rng, type Relation, type Shown } from './intruder-kit';

/**
 * Issue 9, item 2: an intruder suite. Generated data with many small cells (about a third below
 * 5) over a gemeente, five of its wijken and their buurten, eight quarters and two years. For a
 * manager and a council member it gathers everything the public API shows — observations per
 * level, per area and per sibling, funnels per period and level, quadrant views (own, gemeente
 * and peer figures) per area and period, signals with their pooled evidence after a detection
 * run — and combines it by every additive relation (totals minus parts, years minus quarters,
 * pooled windows minus visible periods) and non-negativity. It must recover ZERO hidden cells.
 */
const YEARS = ['2023', '2024'];
const QUARTERS = YEARS.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
const PERIODS = [...YEARS, ...QUARTERS];
const IND = 'x-evictions';
const PER = 1000;

describe.each(DB_KINDS)('intruder suite on %s', (kind) => {
  let app: TestApp;
  let wijken: string[] = [];
  const buurten = new Map<string, string[]>();
  const truth = new Map<string, { numerator: number; denominator: number }>();
  const relations: Relation[] = [];

  beforeAll(async () => {
    app = await startTestApp(kind);
    const get = async (path: string) => (await app.request(path, { role: 'analyst' })).json();
    wijken = ((await get('/api/v1/areas?parent=GM0518&level=district')) as { code: string }[]).map((a) => a.code).slice(0, 5);
    for (const w of wijken) buurten.set(w, ((await get(`/api/v1/areas?parent=${w}&level=neighbourhood`)) as { code: string }[]).map((a) => a.code).slice(0, 6));
    const indicator = { code: IND, name: { nl: 'Ontruimingen (test)', en: 'Evictions (test)' }, quadrant: 'III', measure: 'rate', per: PER, polarity: 'higher-is-worse', subjectKind: 'area' };
    expect((await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: indicator })).status).toBeLessThan(300);
    const rand = rng(20261204);
    const leaf = (): [number, number] => [rand() < 0.35 ? Math.floor(rand() * 5) : 5 + Math.floor(rand() * 40), 300 + Math.floor(rand() * 3000)];
    const set = (s: string, p: string, n: number, d: number) => truth.set(key(s, p), { numerator: n, denominator: d });
    const sum = (parts: string[], p: string): [number, number] =>
      parts.reduce<[number, number]>((a, s) => [a[0] + truth.get(key(s, p))!.numerator, a[1] + truth.get(key(s, p))!.denominator], [0, 0]);
    for (const w of wijken) {
      const bs = buurten.get(w)!;
      for (const q of QUARTERS) {
        if (bs.length) for (const b of bs) set(b, q, ...leaf());
        set(w, q, ...(bs.length ? sum(bs, q) : leaf()));
        if (bs.length) relations.push({ total: key(w, q), parts: bs.map((b) => key(b, q)) });
      }
    }
    for (const q of QUARTERS) {
      set('GM0518', q, ...sum(wijken, q));
      relations.push({ total: key('GM0518', q), parts: wijken.map((w) => key(w, q)) });
    }
    const subjects = ['GM0518', ...wijken, ...[...buurten.values()].flat()];
    for (const s of subjects) {
      for (const y of YEARS) {
        const qs = QUARTERS.filter((q) => q.startsWith(y));
        set(s, y, ...sum([s], qs[0]).map((_, i) => qs.reduce((a, q) => a + (i === 0 ? truth.get(key(s, q))!.numerator : truth.get(key(s, q))!.denominator), 0)) as [number, number]);
        relations.push({ total: key(s, y), parts: qs.map((q) => key(s, q)) });
      }
    }
    for (const y of YEARS) {
      relations.push({ total: key('GM0518', y), parts: wijken.map((w) => key(w, y)) });
      for (const w of wijken) if (buurten.get(w)!.length) relations.push({ total: key(w, y), parts: buurten.get(w)!.map((b) => key(b, y)) });
    }
    const observations = [...truth.entries()].map(([k, v]) => {
      const [subject, period] = k.split('|');
      return { indicator: IND, subject, period, numerator: v.numerator, denominator: v.denominator };
    });
    const res = await app.request('/api/v1/observations', { method: 'POST', role: 'analyst', json: { source: 'intruder suite', observations } });
    expect(res.status).toBe(201);
    expect((await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' })).status).toBeLessThan(300);
  }, 300_000);
  afterAll(() => app?.close());

  it.each(['manager', 'council'] as const)('recovers no hidden cell exactly through any channel (%s)', async (role) => {
    const intruder = new Intruder();
    const call = async (path: string) => {
      const res = await app.request(path, { role });
      expect(res.status).toBeLessThan(500);
      const text = res.status === 200 ? await res.text() : '';
      return text ? JSON.parse(text) : null;
    };
    const range = `indicator=${IND}&from=2023&to=2024-Q4`;
    const obs = async (q: string) => intruder.learn(((await call(`/api/v1/observations?${range}&${q}`)) ?? []) as Shown[]);
    await obs('area=GM0518');
    await obs('area=GM0518&level=district');
    await obs('area=GM0518&level=neighbourhood');
    for (const w of wijken) {
      await obs(`area=${w}`);
      await obs(`area=${w}&level=neighbourhood`);
      for (const b of buurten.get(w)!) await obs(`area=${b}`);
    }
    const hidden = new Set([...truth.keys()].filter((k) => !intruder.num.has(k)));
    expect(hidden.size).toBeGreaterThan(20); // the data has many small cells

    // Funnels: the shown points (value × denominator gives the numerator); the target must pool shown cells only.
    const leaks: string[] = [];
    for (const p of PERIODS) {
      for (const level of ['district', 'neighbourhood']) {
        const f = await call(`/api/v1/observations/funnel?indicator=${IND}&area=GM0518&level=${level}&period=${p}`);
        if (!f) continue;
        let n = 0;
        let d = 0;
        for (const pt of f.points as { subject: string; denominator: number | null; value: number | null }[]) {
          const k = key(pt.subject, p);
          if (pt.value === null || pt.denominator === null) continue;
          const num = Math.round((pt.value * pt.denominator) / PER);
          if (hidden.has(k) && truth.get(k)!.numerator === num) leaks.push(`funnel point ${k}`);
          n += num;
          d += pt.denominator;
        }
        if (d > 0 && Math.abs(f.target - (PER * n) / d) > 1e-6) leaks.push(`funnel target ${level} ${p} pools hidden cells`);
      }
    }
    // Quadrant views: own figure, gemeente figure and peer median per area and period.
    for (const area of ['GM0518', ...wijken]) {
      for (const p of PERIODS) {
        const view = await call(`/api/v1/areas/${area}/quadrants?period=${p}`);
        if (!view) continue;
        const state = view.quadrants.flatMap((q: { indicators: { indicator: { code: string } }[] }) => q.indicators).find((i: { indicator: { code: string } }) => i.indicator.code === IND);
        if (!state) continue;
        const own = truth.get(key(area, p));
        if (state.value !== null && own && hidden.has(key(area, p))) leaks.push(`quadrant value ${area} ${p}`);
        const gm = truth.get(key('GM0518', p));
        if (state.municipality?.value != null && gm && hidden.has(key('GM0518', p))) leaks.push(`quadrant gemeente figure at ${area} ${p}`);
      }
    }
    // Signals: pooled evidence (window rate × denominator) minus the visible periods of the window.
    const signals = ((await call('/api/v1/signals?limit=1000')) ?? []) as { evidence: unknown }[];
    const windows: { subject: string; from: string; period: string; num: number; den: number }[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      const e = v as { kind?: string; from?: string; period?: string; points?: { subject: string; value: unknown; denominator: unknown }[] };
      if (e.kind === 'funnel' && e.points && e.from && e.period) {
        for (const pt of e.points) {
          if (typeof pt.value === 'number' && typeof pt.denominator === 'number') {
            windows.push({ subject: pt.subject, from: e.from, period: e.period, num: Math.round((pt.value * pt.denominator) / PER), den: pt.denominator });
          }
        }
      }
      Object.values(v).forEach(walk);
    };
    walk(signals.map((s) => s.evidence));
    for (const w of windows) {
      const qs = QUARTERS.filter((q) => q >= w.from && q <= w.period);
      const unknown = qs.filter((q) => !intruder.num.has(key(w.subject, q)));
      if (unknown.length === 1) {
        const rest = qs.filter((q) => q !== unknown[0]).reduce((a, q) => a + intruder.num.get(key(w.subject, q))!, 0);
        const k = key(w.subject, unknown[0]);
        if (hidden.has(k) && truth.get(k)!.numerator === w.num - rest) leaks.push(`signal window ${k}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(exactRecoveries(intruder.solve(relations), truth, hidden)).toEqual([]);
  }, 300_000);
});
