import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegister } from './areas';
import { parseDelimited } from './csv';
import { buildDemoData } from './demo';
import { demoIndicators, GEZONDHEID_COLUMNS, SYNTHETIC_SOURCE } from './demo/indicators';
import { buildSyntheticDemo, DEFAULT_SEED, demoPlantedPatterns as P, mulberry32, QUARTERS } from './demo/synthetic';

const dataDir = join(__dirname, '..', '..', '..', 'seed', 'data');
const register = readRegister(dataDir);
const registerByCode = new Map(register.map((a) => [a.code, a]));
const demo = buildDemoData(dataDir, Number(process.env['DEMO_SEED'] ?? DEFAULT_SEED));

interface LongRow {
  line: number;
  indicator: string;
  subject: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
}

function parseLong(csv: string): LongRow[] {
  const [header, ...rows] = parseDelimited(csv, ',');
  expect(header!.slice(0, 6)).toEqual(['indicator', 'subject', 'period', 'value', 'numerator', 'denominator']);
  const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));
  return rows.map((r, i) => ({
    line: i + 2, indicator: r[0]!, subject: r[1]!, period: r[2]!,
    value: num(r[3]), numerator: num(r[4]), denominator: num(r[5]), n: num(r[6]),
  }));
}

const allRows = demo.batches.flatMap((b) => parseLong(b.csv).map((r) => ({ ...r, source: b.source })));
const unitRows = parseDelimited(demo.units, ',');
const units = unitRows.slice(1).map(([code, name, kind, area]) => ({ code: code!, name: name!, kind: kind!, area: area! }));
const unitCodes = new Set(units.map((u) => u.code));
const indicatorByCode = new Map(demoIndicators.map((i) => [i.code, i]));

/** rows of one indicator keyed by subject → period → row */
function series(indicator: string): Map<string, Map<string, LongRow>> {
  const out = new Map<string, Map<string, LongRow>>();
  for (const r of allRows.filter((x) => x.indicator === indicator)) {
    if (!out.has(r.subject)) out.set(r.subject, new Map());
    out.get(r.subject)!.set(r.period, r);
  }
  return out;
}
const rate = (r: LongRow | undefined): number => (r ? r.numerator! / r.denominator! : NaN);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('demo indicator catalogue', () => {
  it('has the standard six with the contract’s quadrant, measure and subject kind', () => {
    const expected: Record<string, [string, string, string]> = {
      'youth-care-referrals': ['III', 'proportion', 'unit'],
      'youth-care-use': ['I', 'proportion', 'area'],
      'debt-signals': ['II', 'proportion', 'area'],
      evictions: ['II', 'rate', 'area'],
      'social-cohesion': ['III', 'mean', 'area'],
      loneliness: ['I', 'proportion', 'area'],
    };
    for (const [code, [quadrant, measure, subjectKind]] of Object.entries(expected)) {
      expect(indicatorByCode.get(code)).toMatchObject({ quadrant, measure, subjectKind });
    }
    expect(indicatorByCode.get('social-cohesion')!.polarity).toBe('higher-is-better');
    expect(indicatorByCode.get('debt-signals')!.leadsTo).toEqual([{ indicator: 'evictions', maxLag: 2 }]);
    expect(indicatorByCode.get('evictions')!.per).toBe(1000);
  });

  it('has unique codes, valid fields and leadsTo targets that exist', () => {
    expect(indicatorByCode.size).toBe(demoIndicators.length);
    for (const i of demoIndicators) {
      expect(i.code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(i.name.nl && i.name.en).toBeTruthy();
      expect(i.minCount).toBe(5);
      for (const l of i.leadsTo) expect(indicatorByCode.has(l.indicator)).toBe(true);
      if (i.measure === 'rate') expect(i.per).toBeGreaterThan(0);
    }
  });

  it('marks every indicator filled by the generator as exactly "synthetic demo data"', () => {
    const synthetic = new Set(parseLong(demo.batches.find((b) => b.source === SYNTHETIC_SOURCE)!.csv).map((r) => r.indicator));
    expect([...synthetic].sort()).toEqual(['debt-signals', 'evictions', 'exceptions-granted', 'social-cohesion', 'youth-care-referrals']);
    for (const code of synthetic) expect(indicatorByCode.get(code)!.source).toBe('synthetic demo data');
    for (const i of demoIndicators.filter((x) => !synthetic.has(x.code))) expect(i.source).not.toBe('synthetic demo data');
  });

  it('reads StatLine columns that exist verbatim in every Gezondheid file', () => {
    expect(indicatorByCode.get('loneliness')!.statlineColumn).toBe('Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)');
    const columns = demoIndicators.map((i) => i.statlineColumn).filter((c): c is string => !!c);
    expect(columns.sort()).toEqual(Object.values(GEZONDHEID_COLUMNS).sort());
    expect(demo.statline.map((f) => f.period)).toEqual(['2016', '2020', '2022']);
    for (const f of demo.statline) {
      const [header, ...rows] = parseDelimited(readFileSync(f.path, 'utf8'), ';');
      for (const c of columns) expect(header).toContain(c);
      // Every area in the file is in the 2024 register, except the country row coded NL01 (register: NL00).
      const missing = [...new Set(rows.map((r) => r[header!.indexOf('Regioaanduiding/Codering (code)')]!.trim()))]
        .filter((c) => !registerByCode.has(c));
      expect(missing).toEqual(['NL01']);
    }
  });
});

describe('demo batches are valid for the importer', () => {
  it('has no duplicate (indicator, subject, period) key across all batches', () => {
    const keys = allRows.map((r) => `${r.indicator}|${r.subject}|${r.period}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses known indicators, existing subjects of the right kind and well-formed periods', () => {
    const bad = allRows.filter((r) => {
      const ind = indicatorByCode.get(r.indicator);
      if (!ind) return true;
      const exists = ind.subjectKind === 'unit' ? unitCodes.has(r.subject) : registerByCode.has(r.subject);
      return !exists || !/^\d{4}(-Q[1-4])?$/.test(r.period);
    });
    expect(bad).toEqual([]);
  });

  it('has non-negative integer counts, numerator ≤ denominator and a value or numerator in every row', () => {
    const bad = allRows.filter((r) => {
      const ind = indicatorByCode.get(r.indicator)!;
      if (ind.measure === 'mean') return r.value === null || r.value < 0 || r.value > 10 || r.n === null || !(r.n > 0);
      if (r.numerator === null || r.denominator === null) return true;
      if (!Number.isInteger(r.numerator) || !Number.isInteger(r.denominator) || r.numerator < 0 || r.denominator <= 0) return true;
      return r.numerator > r.denominator;
    });
    expect(bad).toEqual([]);
  });

  it('declares the row counts of each batch', () => {
    for (const b of demo.batches) expect(parseLong(b.csv)).toHaveLength(b.rows);
    expect(demo.batches.map((b) => b.rows)).toEqual([4482, 3678]);
  });
});

describe('ELAN wijkprofielen batch', () => {
  const elan = demo.report.elan;
  const rows = parseLong(demo.batches[0]!.csv);

  it('skips the invalid code, the duplicated wijken and years before a source existed', () => {
    expect(elan.invalidCodes).toEqual(['WK1916--']);
    expect(elan.invalidCodeRows).toBe(2);
    expect(elan.notInRegister).toEqual([]);
    expect(elan.duplicateOf).toEqual({ WK051801: 'WK051802', WK051835: 'WK051836', WK191607: 'WK191601' });
    expect(elan.keptCodes).toBe(67);
    expect(elan.unavailableYears['wmo-use']).toEqual([2009, 2010, 2011, 2012, 2013, 2014]);
    expect(rows.some((r) => r.subject === 'WK051801' || r.subject === 'WK1916--')).toBe(false);
    expect(rows.some((r) => r.indicator === 'wmo-use' && r.period === '2014')).toBe(false);
    expect(elan.years).toEqual([2009, 2022]);
  });

  it('writes shares back as exact counts over population (youth care over residents 0–20)', () => {
    const find = (indicator: string, subject: string, period: string): LongRow | undefined =>
      rows.find((r) => r.indicator === indicator && r.subject === subject && r.period === period);
    // WK051802 Belgisch Park 2015 (same vector as WK051801 upstream): population 8390, 95 with youth care of 1,920 aged 0–20
    expect(find('youth-care-use', 'WK051802', '2015')).toMatchObject({ numerator: 95, denominator: 1920, value: null });
    expect(find('wmo-use', 'WK051802', '2015')).toMatchObject({ denominator: 8390 });
  });
});

describe('synthetic demo data', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const a = buildSyntheticDemo(register, 7);
    const b = buildSyntheticDemo(register, 7);
    const c = buildSyntheticDemo(register, 8);
    expect(a.longCsv).toBe(b.longCsv);
    expect(a.units).toBe(b.units);
    expect(c.longCsv).not.toBe(a.longCsv);
    expect(buildDemoData(dataDir, demo.report.synthetic.seed).batches[1]!.csv).toBe(demo.batches[1]!.csv);
    const r = mulberry32(1);
    expect([r(), r()]).toEqual([0.6270739405881613, 0.002735721180215478]);
  });

  it('has ~3 schools per GM0518 wijk, unique codes and names, in register wijken', () => {
    expect(unitRows[0]).toEqual(['code', 'name', 'kind', 'area']);
    expect(units).toHaveLength(108);
    expect(unitCodes.size).toBe(units.length);
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
    for (const u of units) {
      expect(u.kind).toBe('school');
      expect(registerByCode.get(u.area)).toMatchObject({ level: 'district', parent: 'GM0518' });
    }
    expect(units.find((u) => u.code === P.peerOutlier.subject)).toMatchObject({ name: 'Basisschool De Regenboog', area: 'WK051820' });
  });

  it('covers 2019-Q1..2024-Q4 for every synthetic wijk, with households ≈ population / 2.1', () => {
    const debt = series('debt-signals');
    expect(debt.size).toBe(37 + 15);
    for (const [code, s] of debt) {
      expect([...s.keys()]).toEqual(QUARTERS);
      const pop = registerByCode.get(code)!.population!;
      expect(Math.abs(s.get('2019-Q1')!.denominator! - pop / 2.1)).toBeLessThan(2);
    }
    expect(demo.report.synthetic.rowsPerIndicator).toEqual({
      'debt-signals': 1248, evictions: 1248, 'social-cohesion': 312, 'exceptions-granted': 222, 'youth-care-referrals': 648,
    });
  });

  it('plants a school that refers far more than its peers, every year', () => {
    const s = series('youth-care-referrals');
    for (const period of P.peerOutlier.periods) {
      const peers = [...s].filter(([c]) => c !== P.peerOutlier.subject).map(([, m]) => rate(m.get(period)));
      const mine = rate(s.get(P.peerOutlier.subject)!.get(period));
      expect(mine).toBeGreaterThan(2.2 * median(peers));
      expect(mine).toBeGreaterThan(Math.max(...peers));
    }
  });

  it('plants a wijk whose debt signals rise over the last quarters', () => {
    const s = series('debt-signals');
    const ratio = (code: string): number => rate(s.get(code)!.get('2024-Q4')) / rate(s.get(code)!.get('2023-Q2'));
    expect(ratio(P.risingTrend.subject)).toBeGreaterThan(1.5);
    const others = [...s.keys()].filter((c) => c !== P.risingTrend.subject && c !== P.leadingIndicator.subject);
    expect(median(others.map(ratio))).toBeLessThan(1.15);
    const quarters = QUARTERS.slice(QUARTERS.indexOf(P.risingTrend.from));
    const rates = quarters.map((q) => rate(s.get(P.risingTrend.subject)!.get(q)));
    expect(rates[rates.length - 1]!).toBeGreaterThan(rates[0]! * 1.4);
  });

  it('plants debt signals followed by evictions in one wijk', () => {
    const debt = series('debt-signals').get(P.leadingIndicator.subject)!;
    const ev = series('evictions').get(P.leadingIndicator.subject)!;
    expect(rate(debt.get('2024-Q1')) / rate(debt.get('2023-Q4'))).toBeGreaterThan(1.3);
    const sum = (qs: string[]): number => qs.reduce((t, q) => t + ev.get(q)!.numerator!, 0);
    expect(sum(['2024-Q2', '2024-Q3', '2024-Q4'])).toBeGreaterThan(2 * sum(['2023-Q2', '2023-Q3', '2023-Q4']));
  });

  it('plants a shift in most wijken at once in 2023-Q1, with an annotation of that date', () => {
    const s = series('debt-signals');
    const before = ['2022-Q2', '2022-Q3', '2022-Q4'];
    const after = ['2023-Q1', '2023-Q2', '2023-Q3'];
    const mean = (m: Map<string, LongRow>, qs: string[]): number => qs.reduce((t, q) => t + rate(m.get(q)), 0) / qs.length;
    // Judge the share on wijken with ≥ 2,000 households (smaller ones are noisy by nature).
    const large = [...s].filter(([, m]) => m.get('2022-Q4')!.denominator! >= 2000);
    const shifted = large.filter(([, m]) => mean(m, after) / mean(m, before) > 1.15).map(([c]) => c);
    expect(large.length).toBeGreaterThan(35);
    expect(shifted.length / large.length).toBeGreaterThan(0.8);
    // The exempt wijken do not take the planted ×1.35 step (allowing for noise).
    for (const c of P.systemicPattern.exempt) expect(mean(s.get(c)!, after) / mean(s.get(c)!, before)).toBeLessThan(1.25);
    expect(demo.annotations).toEqual([expect.objectContaining({ date: '2023-01-01', indicators: ['debt-signals'] })]);
    expect(P.systemicPattern.period).toBe('2023-Q1');
  });

  it('plants one wijk beyond its peers on indicators from two quadrants (stacked)', () => {
    const gm0518 = (m: Map<string, unknown>): string[] => [...m.keys()].filter((c) => c.startsWith('WK0518'));
    const debt = series('debt-signals');
    const cohesion = series('social-cohesion');
    const ev = series('evictions');
    for (const q of ['2022-Q4', '2024-Q4']) {
      const rates = gm0518(debt).filter((c) => c !== P.risingTrend.subject && c !== P.leadingIndicator.subject).map((c) => rate(debt.get(c)!.get(q)));
      expect(rate(debt.get(P.stackedProblems.subject)!.get(q))).toBe(Math.max(...rates));
    }
    for (const year of ['2019', '2022', '2024']) {
      const values = gm0518(cohesion).map((c) => cohesion.get(c)!.get(year)!.value!);
      expect(cohesion.get(P.stackedProblems.subject)!.get(year)!.value).toBe(Math.min(...values));
    }
    const yearly = (c: string): number => QUARTERS.reduce((t, q) => t + ev.get(c)!.get(q)!.numerator!, 0) / ev.get(c)!.get('2024-Q4')!.denominator!;
    const others = gm0518(ev).filter((c) => c !== P.stackedProblems.subject && c !== P.leadingIndicator.subject).map(yearly);
    expect(yearly(P.stackedProblems.subject)).toBeGreaterThan(1.8 * median(others));
    expect(new Set(P.stackedProblems.indicators.map((i) => indicatorByCode.get(i)!.quadrant))).toEqual(new Set(['II', 'III']));
  });
});
