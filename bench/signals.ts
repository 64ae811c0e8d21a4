/**
 * Signal-quality benchmark (issue 4 item 7).
 *
 *   npx tsc -p api/tsconfig.build.json && node dist/api/bench/signals.js [--seeds 10] [--no-national]
 *
 * Part 1: per seed a synthetic pair of municipalities (250 neighbourhoods, 80 schools, 6 indicators,
 * 24 quarters, realistic small counts, modest stable between-area differences) with planted
 * patterns for every rule among > 1,000 pure-noise series. detectSignals runs blind (it is not told
 * which series are planted); afterwards signals are scored: a planted pattern is recalled when a
 * signal of its rule names one of its indicators and subjects; a false alarm is a signal none of
 * whose (indicator, subject) series was planted.
 * Part 2: a full scan at national scale (~18,300 neighbourhoods × 6 indicators × 24 quarters), timed.
 */
import type { RuleName } from 'contracts';
import { detectSignals } from '../api/src/core/signals';
import type { AnnotationMeta, CandidateSignal, IndicatorMeta, ObservationPoint, SubjectMeta } from '../api/src/core/signals';
import { indicatorMeta, Rng } from '../api/src/core/signals/test-data';
import { runIssueBench } from './signals-patterns';

// ------------------------------------------------------------------ catalogue

const INDICATORS: IndicatorMeta[] = [
  indicatorMeta('youth-care-referrals', { name: { nl: 'Verwijzingen naar jeugdzorg', en: 'Youth care referrals' }, quadrant: 'III', subjectKind: 'unit' }),
  indicatorMeta('youth-care-use', { name: { nl: 'Jeugdzorggebruik', en: 'Youth care use' }, quadrant: 'I' }),
  indicatorMeta('debt-signals', { name: { nl: 'Signalen van betalingsachterstanden', en: 'Debt signals' }, leadsTo: [{ indicator: 'evictions', maxLag: 4 }] }),
  indicatorMeta('evictions', { name: { nl: 'Aanzeggingen en huisuitzettingen', en: 'Eviction notices and evictions' }, measure: 'rate', per: 1000 }),
  indicatorMeta('social-cohesion', { name: { nl: 'Sociale samenhang', en: 'Social cohesion' }, quadrant: 'III', measure: 'mean', polarity: 'higher-is-better' }),
  indicatorMeta('loneliness', { name: { nl: 'Eenzaamheid', en: 'Loneliness' }, quadrant: 'I' }),
];

/** Base quarterly rates and denominators per indicator. */
const BASE: Record<string, { rate: number; den: (size: number) => number }> = {
  'youth-care-referrals': { rate: 0.02, den: (s) => s },
  'youth-care-use': { rate: 0.08, den: (s) => Math.round(s * 0.2) },
  'debt-signals': { rate: 0.025, den: (s) => s },
  evictions: { rate: 0.0025, den: (s) => s },
  loneliness: { rate: 0.2, den: (s) => Math.max(30, Math.round(s / 20)) },
  'social-cohesion': { rate: 6.5, den: (s) => Math.max(30, Math.round(s / 20)) },
};
const COHESION_SD = 1.5;
const QUARTERS = 24;
const FIRST_YEAR = 2019;

function periodOf(t: number): { period: string; periodIndex: number } {
  const y = FIRST_YEAR + Math.floor(t / 4);
  const q = (t % 4) + 1;
  return { period: `${y}-Q${q}`, periodIndex: y * 4 + q - 1 };
}

/** Multiplier per quarter t (0..23) for a planted pattern; 1 = noise. */
type Profile = (t: number) => number;

interface SeriesSpec {
  indicator: string;
  subject: string;
  size: number;
  /** Stable between-area difference (not a pattern). */
  hetero: number;
  profile: Profile | null;
}

function simulateSeries(rng: Rng, spec: SeriesSpec, out: ObservationPoint[]): void {
  const base = BASE[spec.indicator];
  const den = base.den(spec.size);
  for (let t = 0; t < QUARTERS; t++) {
    const { period, periodIndex } = periodOf(t);
    const mult = spec.profile ? spec.profile(t) : 1;
    const row: ObservationPoint = {
      indicator: spec.indicator,
      subject: spec.subject,
      period,
      periodIndex,
      granularity: 'quarter',
      value: null,
      numerator: null,
      denominator: null,
      n: null,
    };
    if (spec.indicator === 'social-cohesion') {
      // Planted "worse" for cohesion = lower mean: multiplier applied as points drop (1.1 → −0.65 points).
      const mu = base.rate + spec.hetero - (mult - 1) * base.rate;
      row.value = Math.round((mu + (COHESION_SD / Math.sqrt(den)) * rng.normal()) * 100) / 100;
      row.n = den;
    } else if (spec.indicator === 'evictions') {
      const x = rng.poisson(den * base.rate * spec.hetero * mult);
      row.numerator = x;
      row.denominator = den;
      row.value = (x / den) * 1000;
    } else {
      const x = rng.binomial(den, Math.min(0.95, base.rate * spec.hetero * mult));
      row.numerator = x;
      row.denominator = den;
      row.value = x / den;
    }
    out.push(row);
  }
}

/** Log-uniform household count (small neighbourhoods are common). */
function householdSize(rng: Rng, lo: number, hi: number): number {
  return Math.round(Math.exp(Math.log(lo) + rng.uniform() * (Math.log(hi) - Math.log(lo))));
}

// ------------------------------------------------------------------ synthetic municipality with planted patterns

interface Planted {
  rule: RuleName;
  label: string;
  indicators: string[];
  subjects: string[];
}

interface Scenario {
  subjects: SubjectMeta[];
  observations: ObservationPoint[];
  annotations: AnnotationMeta[];
  planted: Planted[];
  plantedSeries: Set<string>;
  seriesCount: number;
}

const ramp =
  (from: number, to: number, startT: number): Profile =>
  (t) =>
    t < startT ? 1 : from + ((to - from) * (t - startT)) / Math.max(1, QUARTERS - 1 - startT);
const step =
  (mult: number, startT: number): Profile =>
  (t) =>
    t >= startT ? mult : 1;
const constant =
  (mult: number): Profile =>
  () =>
    mult;

function buildScenario(seed: number): Scenario {
  const rng = new Rng(seed * 7919 + 17);
  const subjects: SubjectMeta[] = [];
  const areas: { code: string; size: number; muni: string }[] = [];
  const schools: { code: string; size: number; muni: string }[] = [];
  const munis = [
    { code: 'GM9001', name: 'Noordstad', nAreas: 150, nSchools: 50 },
    { code: 'GM9002', name: 'Zuiddorp', nAreas: 100, nSchools: 30 },
  ];
  for (const m of munis) {
    subjects.push({ code: m.code, name: m.name, kind: 'area', level: 'municipality', peerGroup: 'NL:municipality', municipality: m.code });
    for (let i = 0; i < m.nAreas; i++) {
      const code = `BU${m.code.slice(2)}${String(i).padStart(4, '0')}`;
      areas.push({ code, size: householdSize(rng, 400, 4000), muni: m.code });
      subjects.push({ code, name: `Buurt ${m.name} ${i + 1}`, kind: 'area', level: 'neighbourhood', peerGroup: `${m.code}:neighbourhood`, municipality: m.code });
    }
    for (let i = 0; i < m.nSchools; i++) {
      const code = `SC${m.code.slice(2)}${String(i).padStart(3, '0')}`;
      schools.push({ code, size: rng.int(250, 1000), muni: m.code });
      subjects.push({ code, name: `Basisschool ${m.name} ${i + 1}`, kind: 'unit', peerGroup: `${m.code}:school`, municipality: m.code });
    }
  }
  // Planted patterns on distinct, randomly chosen subjects.
  const profiles = new Map<string, Profile>();
  const planted: Planted[] = [];
  const used = new Set<string>();
  const pick = <T extends { code: string }>(list: T[], filter: (x: T) => boolean = () => true): T => {
    for (;;) {
      const c = list[rng.int(0, list.length - 1)];
      if (!used.has(c.code) && filter(c)) {
        used.add(c.code);
        return c;
      }
    }
  };
  const plant = (rule: RuleName, label: string, subject: string, specs: [string, Profile][]): void => {
    for (const [ind, prof] of specs) profiles.set(`${ind}|${subject}`, prof);
    planted.push({ rule, label, indicators: specs.map((s) => s[0]), subjects: [subject] });
  };
  // 1. peer-outlier: schools referring ~2.5× their peers (persistent), and a neighbourhood with high loneliness.
  for (let i = 0; i < 3; i++) plant('peer-outlier', 'school refers 2.5× peers', pick(schools).code, [['youth-care-referrals', constant(2.5)]]);
  plant('peer-outlier', 'loneliness 1.6× peers', pick(areas, (a) => a.size >= 1500).code, [['loneliness', constant(1.6)]]);
  // 2. rising-trend: debt signals ramp up to 2.5× over the last 4 quarters; cohesion drops 1 point.
  for (let i = 0; i < 3; i++) plant('rising-trend', 'debt signals ramp to 2.5×', pick(areas).code, [['debt-signals', ramp(1.375, 2.5, QUARTERS - 4)]]);
  plant('rising-trend', 'cohesion drops ~1 point', pick(areas, (a) => a.size >= 1500).code, [['social-cohesion', step(1 + 1 / 6.5, QUARTERS - 3)]]);
  // 3. leading-indicator: debt signals rise from T−6, evictions triple from T−2.
  for (let i = 0; i < 3; i++)
    plant('leading-indicator', 'debt → evictions', pick(areas, (a) => a.size >= 1500).code, [
      ['debt-signals', step(2, QUARTERS - 6)],
      ['evictions', step(3, QUARTERS - 3)],
    ]);
  // 5. stacked-problems: moderately worse (×1.6) on three indicators from quadrants I and II.
  for (let i = 0; i < 3; i++)
    plant('stacked-problems', 'stacked ×1.6 on 3 indicators', pick(areas, (a) => a.size >= 800).code, [
      ['youth-care-use', constant(1.6)],
      ['debt-signals', constant(1.6)],
      ['loneliness', constant(1.6)],
    ]);
  // 4. systemic-pattern: in the last quarter eviction notices double in ~75 % of Zuiddorp's areas (with an
  //    annotation: a new collection procedure), and social cohesion drops ~0.5 point in ~70 % of
  //    Noordstad's areas (no annotation). These indicators are not used by the other planted patterns
  //    except where noted, so each rule is measured on its own pattern.
  const systemic: [string, string, number, number][] = [
    ['GM9002', 'evictions', 2, 0.75],
    ['GM9001', 'social-cohesion', 1 + 0.5 / 6.5, 0.7],
  ];
  for (const [muni, ind, mult, share] of systemic) {
    const hit: string[] = [];
    for (const a of areas.filter((x) => x.muni === muni)) {
      if (rng.uniform() < share && !profiles.has(`${ind}|${a.code}`)) {
        profiles.set(`${ind}|${a.code}`, step(mult, QUARTERS - 1));
        hit.push(a.code);
      }
    }
    planted.push({ rule: 'systemic-pattern', label: `${ind} shift in ${muni}`, indicators: [ind], subjects: hit });
  }
  const annotations: AnnotationMeta[] = [
    { date: `${FIRST_YEAR + Math.floor((QUARTERS - 1) / 4)}-10-01`, indicators: ['evictions'], text: 'Nieuwe incassoprocedure woningcorporaties' },
  ];

  const observations: ObservationPoint[] = [];
  let seriesCount = 0;
  for (const ind of INDICATORS) {
    const list = ind.subjectKind === 'unit' ? schools : areas;
    for (const s of list) {
      const hetero = ind.code === 'social-cohesion' ? 0.15 * rng.normal() : Math.exp(0.1 * rng.normal());
      simulateSeries(rng, { indicator: ind.code, subject: s.code, size: s.size, hetero, profile: profiles.get(`${ind.code}|${s.code}`) ?? null }, observations);
      seriesCount++;
    }
  }
  return { subjects, observations, annotations, planted, plantedSeries: new Set(profiles.keys()), seriesCount };
}

// ------------------------------------------------------------------ scoring

const RULE_LIST: RuleName[] = ['peer-outlier', 'rising-trend', 'leading-indicator', 'systemic-pattern', 'stacked-problems'];

function signalSeries(s: CandidateSignal): string[] {
  const out: string[] = [];
  for (const i of s.indicators) for (const subj of s.subjects) out.push(`${i}|${subj}`);
  return out;
}

interface SeedScore {
  found: Record<string, number>;
  total: Record<string, number>;
  falseAlarms: Record<string, number>;
  noiseSeries: number;
  signals: number;
  seconds: number;
  tests: number;
}

function scoreSeed(seed: number): SeedScore {
  const sc = buildScenario(seed);
  const t0 = process.hrtime.bigint();
  const res = detectSignals({ indicators: INDICATORS, subjects: sc.subjects, observations: sc.observations, annotations: sc.annotations });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const found: Record<string, number> = {};
  const total: Record<string, number> = {};
  const falseAlarms: Record<string, number> = {};
  for (const r of RULE_LIST) {
    found[r] = 0;
    total[r] = 0;
    falseAlarms[r] = 0;
  }
  for (const p of sc.planted) {
    total[p.rule]++;
    const hit = res.signals.some(
      (s) => s.rule === p.rule && s.indicators.some((i) => p.indicators.includes(i)) && s.subjects.some((x) => p.subjects.includes(x)),
    );
    if (hit) found[p.rule]++;
  }
  for (const s of res.signals) {
    if (!signalSeries(s).some((k) => sc.plantedSeries.has(k))) falseAlarms[s.rule]++;
  }
  return {
    found,
    total,
    falseAlarms,
    noiseSeries: sc.seriesCount - sc.plantedSeries.size,
    signals: res.signals.length,
    seconds,
    tests: res.tests,
  };
}

// ------------------------------------------------------------------ national scale

function nationalScan(): { seconds: number; areas: number; observations: number; signals: number; tests: number; series: number } {
  const rng = new Rng(424242);
  const subjects: SubjectMeta[] = [];
  const observations: ObservationPoint[] = [];
  const nMunis = 342;
  const totalAreas = 18300;
  let made = 0;
  const inds = INDICATORS.map((i) => ({ ...i, subjectKind: 'area' as const }));
  for (let m = 0; m < nMunis; m++) {
    const muni = `GM${String(m + 1).padStart(4, '0')}`;
    const n = Math.floor(totalAreas / nMunis) + (m < totalAreas % nMunis ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const code = `BU${muni.slice(2)}${String(i).padStart(4, '0')}`;
      subjects.push({ code, name: code, kind: 'area', level: 'neighbourhood', peerGroup: `${muni}:neighbourhood`, municipality: muni });
      const size = householdSize(rng, 200, 4000);
      for (const ind of inds) {
        const hetero = ind.code === 'social-cohesion' ? 0.15 * rng.normal() : Math.exp(0.1 * rng.normal());
        simulateSeries(rng, { indicator: ind.code, subject: code, size, hetero, profile: null }, observations);
      }
    }
    made += n;
  }
  const t0 = process.hrtime.bigint();
  const res = detectSignals({ indicators: inds, subjects, observations });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, areas: made, observations: observations.length, signals: res.signals.length, tests: res.tests, series: made * inds.length };
}

// ------------------------------------------------------------------ main

function main(): void {
  const args = process.argv.slice(2);
  const seedsArg = args.indexOf('--seeds');
  const nSeeds = seedsArg >= 0 ? Number(args[seedsArg + 1]) : 10;
  const national = !args.includes('--no-national');
  const pArg = args.indexOf('--prospective-seeds');
  const prospectiveSeeds = pArg >= 0 ? Number(args[pArg + 1]) : 10;
  const only11 = args.includes('--issue11-only');
  const nationalOnly = args.includes('--national-only');
  console.log('Wijksignaal signal-quality benchmark');
  console.log(`Synthetic municipalities: 250 neighbourhoods + 80 schools, ${INDICATORS.length} indicators, ${QUARTERS} quarters; seeds 1..${nSeeds}\n`);
  const found: Record<string, number> = {};
  const total: Record<string, number> = {};
  const fa: Record<string, number> = {};
  for (const r of RULE_LIST) {
    found[r] = 0;
    total[r] = 0;
    fa[r] = 0;
  }
  let noise = 0;
  let ok = true;
  if (!only11 && !nationalOnly) {
  console.log('seed  noise-series  tests  signals  false-alarms  recall(found/planted)                              seconds');
  for (let seed = 1; seed <= nSeeds; seed++) {
    const s = scoreSeed(seed);
    let faSeed = 0;
    for (const r of RULE_LIST) {
      found[r] += s.found[r];
      total[r] += s.total[r];
      fa[r] += s.falseAlarms[r];
      faSeed += s.falseAlarms[r];
    }
    noise += s.noiseSeries;
    const rec = RULE_LIST.map((r) => `${r.split('-')[0]} ${s.found[r]}/${s.total[r]}`).join(', ');
    console.log(
      `${String(seed).padStart(4)}  ${String(s.noiseSeries).padStart(12)}  ${String(s.tests).padStart(5)}  ${String(s.signals).padStart(7)}  ${String(faSeed).padStart(12)}  ${rec.padEnd(50)} ${s.seconds.toFixed(2)}`,
    );
  }
  console.log('\nRecall per rule (all seeds)            target ≥ 0.90');
  for (const r of RULE_LIST) {
    const rec = total[r] ? found[r] / total[r] : NaN;
    if (!(rec >= 0.9)) ok = false;
    console.log(`  ${r.padEnd(20)} ${found[r]}/${total[r]}  recall ${rec.toFixed(3)}  ${rec >= 0.9 ? 'OK' : 'BELOW TARGET'}`);
  }
  const faTotal = RULE_LIST.reduce((a, r) => a + fa[r], 0);
  const per1000 = (faTotal / noise) * 1000;
  if (per1000 > 2) ok = false;
  console.log(`\nFalse alarms: ${faTotal} on ${noise} noise series = ${per1000.toFixed(2)} per 1,000 noise series (target ≤ 2)  ${per1000 <= 2 ? 'OK' : 'ABOVE TARGET'}`);
  console.log(`  by rule: ${RULE_LIST.map((r) => `${r} ${fa[r]}`).join(', ')}`);
  }
  const kit = {
    rngOf: (seed: number) => new Rng(seed),
    indicators: INDICATORS,
    quarters: QUARTERS,
    simulate: (rng: Rng | { uniform(): number }, spec: SeriesSpec, out: ObservationPoint[]) => simulateSeries(rng as Rng, spec, out),
    householdSize: (rng: Rng | { uniform(): number }, lo: number, hi: number) => householdSize(rng as Rng, lo, hi),
  };
  if (!nationalOnly && !runIssueBench(kit, nSeeds, prospectiveSeeds)) ok = false;
  if (national) {
    console.log('\nNational scale scan (pure noise) …');
    const n = nationalScan();
    const pass = n.seconds < 60;
    if (!pass) ok = false;
    console.log(
      `  ${n.areas} areas × ${INDICATORS.length} indicators × ${QUARTERS} quarters = ${n.observations} observations, ${n.series} series, ${n.tests} tests`,
    );
    console.log(`  detectSignals: ${n.seconds.toFixed(1)} s (target < 60 s)  ${pass ? 'OK' : 'TOO SLOW'}`);
    console.log(`  signals on pure noise: ${n.signals} (${((n.signals / n.series) * 1000).toFixed(3)} per 1,000 series)`);
  }
  console.log(`\nOverall: ${ok ? 'ALL TARGETS MET' : 'SOME TARGETS NOT MET'}`);
}

if (require.main === module) main();

export { buildScenario, INDICATORS, Rng, simulateSeries, householdSize, QUARTERS };
