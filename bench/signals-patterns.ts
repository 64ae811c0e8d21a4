/**
 * Issue 11 bench: one real-world pattern, one signal; timeliness.
 *
 * A fictional municipality (Middenstad: 20 wijken × 10 buurten = 200 buurten, 80 schools, six
 * indicators, 24 quarters of noise with stable between-area differences) with five planted patterns:
 * a school outlier, a rising debt trend, a debt → evictions chain that began six quarters ago, a
 * loneliness rise across 140 buurten, and stacked problems in one buurt. Every pattern lies in its
 * own wijk (so patterns do not escalate into each other). The same engine as the API
 * (detectSignals, with grouping) runs blind; then per pattern:
 *   - rule-correct recall: a top-level signal of the pattern's rule touches the pattern;
 *   - top-level signals per pattern: top-level signals (with their members) that touch it (target ~1);
 *   - false alarms: top-level signals whose own series and members' series are all noise, per 1,000
 *     noise series.
 * Prospective part (Noufaily et al. 2013 style): effects of 1.5×, 2× and 3× start at quarter 16;
 * the engine runs period by period on the data up to that period, as a live system would; per rule
 * and effect size the probability of detection by the last quarter, the median delay (periods from
 * onset to the first signal of the right rule touching the pattern, member or not), and the
 * false-alarm rate (new alarms on noise series per 1,000 noise series per period).
 */
import { RULES, type RuleName } from 'contracts';
import { detectSignals } from '../api/src/core/signals';
import type { CandidateSignal, IndicatorMeta, ObservationPoint, SubjectMeta } from '../api/src/core/signals';

export interface BenchRng {
  uniform(): number;
  int(lo: number, hi: number): number;
  normal(): number;
}

type Profile = (t: number) => number;
export interface PatternKit {
  rngOf(seed: number): BenchRng;
  indicators: IndicatorMeta[];
  quarters: number;
  simulate(rng: BenchRng, spec: { indicator: string; subject: string; size: number; hetero: number; profile: Profile | null }, out: ObservationPoint[]): void;
  householdSize(rng: BenchRng, lo: number, hi: number): number;
}

interface Pattern {
  name: string;
  rule: RuleName;
  /** Planted series `indicator|subject`. */
  series: Set<string>;
  /** Quarter the effect starts (for delays). */
  onset: number;
}

interface Scenario {
  subjects: SubjectMeta[];
  observations: ObservationPoint[];
  patterns: Pattern[];
  noiseSeries: number;
  planted: Set<string>;
}

const PATTERN_NAMES = ['school outlier', 'rising debt trend', 'debt → evictions chain', 'loneliness in 140 buurten', 'stacked problems'] as const;

/** `effect` null: the static scenario (sizes as in the issue); a number: every pattern starts at `onset` with that multiplier. */
export function issueScenario(kit: PatternKit, seed: number, effect: number | null, onset = 16): Scenario {
  const rng = kit.rngOf(seed * 104729 + 31);
  const Q = kit.quarters;
  const muni = 'GM9101';
  const subjects: SubjectMeta[] = [{ code: muni, name: 'Middenstad', kind: 'area', level: 'municipality', peerGroup: 'NL:municipality', municipality: muni }];
  const buurten: { code: string; size: number; wijk: number }[] = [];
  const schools: { code: string; size: number }[] = [];
  for (let w = 0; w < 20; w++) {
    const wijk = `WK9101${String(w).padStart(2, '0')}`;
    subjects.push({ code: wijk, name: `Wijk ${w + 1}`, kind: 'area', level: 'district', peerGroup: `${muni}:district`, municipality: muni, parent: muni });
    for (let b = 0; b < 10; b++) {
      const code = `BU9101${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`;
      buurten.push({ code, size: kit.householdSize(rng, 400, 4000), wijk: w });
      subjects.push({ code, name: `Buurt ${w + 1}.${b + 1}`, kind: 'area', level: 'neighbourhood', peerGroup: `${muni}:neighbourhood`, municipality: muni, parent: wijk });
    }
  }
  for (let i = 0; i < 80; i++) {
    const code = `SC9101${String(i).padStart(3, '0')}`;
    const home = buurten[rng.int(0, buurten.length - 1)];
    schools.push({ code, size: rng.int(250, 1000) });
    subjects.push({ code, name: `Basisschool ${i + 1}`, kind: 'unit', peerGroup: `${muni}:unit:school`, municipality: muni, parent: home.code });
  }
  const step = (mult: number, from: number): Profile => (t) => (t >= from ? mult : 1);
  const ramp = (to: number, from: number): Profile => (t) => (t < from ? 1 : 1 + ((to - 1) * (t - from + 1)) / (Q - from));
  const profiles = new Map<string, Profile>();
  const patterns: Pattern[] = [];
  // Five wijken, one per pattern (the loneliness rise covers 140 buurten across the others).
  const wijken = [0, 1, 2, 3, 4].map(() => -1);
  for (let i = 0; i < 5; i++) {
    let w: number;
    do w = rng.int(0, 19);
    while (wijken.includes(w));
    wijken[i] = w;
  }
  const buurtIn = (w: number, minSize: number): (typeof buurten)[number] => {
    const list = buurten.filter((b) => b.wijk === w && b.size >= minSize);
    return list.length ? list[rng.int(0, list.length - 1)] : buurten.filter((b) => b.wijk === w).sort((a, b) => b.size - a.size)[0];
  };
  const plant = (name: string, rule: RuleName, subject: string, specs: [string, Profile][], at: number): void => {
    for (const [ind, p] of specs) profiles.set(`${ind}|${subject}`, p);
    patterns.push({ name, rule, series: new Set(specs.map(([ind]) => `${ind}|${subject}`)), onset: at });
  };
  const e = effect;
  // 1. School outlier: 2.5× its peers, throughout (or from onset).
  plant(PATTERN_NAMES[0], 'peer-outlier', schools[rng.int(0, schools.length - 1)].code, [['youth-care-referrals', e === null ? () => 2.5 : step(e, onset)]], e === null ? 0 : onset);
  // 2. Rising debt trend: up to 2.5× over the last four quarters.
  plant(PATTERN_NAMES[1], 'rising-trend', buurtIn(wijken[1], 800).code, [['debt-signals', e === null ? ramp(2.5, Q - 4) : step(e, onset)]], e === null ? Q - 4 : onset);
  // 3. Chain begun six quarters ago: debt doubles from T−6, evictions triple two quarters later (sizes as in part 1).
  const chainStart = e === null ? Q - 6 : onset;
  plant(PATTERN_NAMES[2], 'leading-indicator', buurtIn(wijken[2], 1500).code, [
    ['debt-signals', step(e ?? 2, chainStart)],
    ['evictions', step(e ?? 3, chainStart + 2)],
  ], chainStart + 2);
  // 5. Stacked problems in one buurt: ×1.6 on three indicators of quadrants I and II.
  const stacked = buurtIn(wijken[4], 1200);
  plant(PATTERN_NAMES[4], 'stacked-problems', stacked.code, [
    ['youth-care-use', e === null ? () => 1.6 : step(e, onset)],
    ['debt-signals', e === null ? () => 1.6 : step(e, onset)],
    ['loneliness', e === null ? () => 1.6 : step(e, onset)],
  ], e === null ? 0 : onset);
  // 4. Loneliness rise across 140 buurten (not in the pattern wijken), the latest quarter.
  const candidates = buurten.filter((b) => !wijken.includes(b.wijk));
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  const lonelyAt = e === null ? Q - 1 : onset;
  const lonely = candidates.slice(0, 140);
  for (const b of lonely) profiles.set(`loneliness|${b.code}`, step(e ?? 1.5, lonelyAt));
  patterns.splice(3, 0, { name: PATTERN_NAMES[3], rule: 'systemic-pattern', series: new Set(lonely.map((b) => `loneliness|${b.code}`)), onset: lonelyAt });

  const observations: ObservationPoint[] = [];
  let series = 0;
  for (const ind of kit.indicators) {
    const list = ind.subjectKind === 'unit' ? schools : buurten;
    for (const s of list) {
      const hetero = ind.code === 'social-cohesion' ? 0.15 * rng.normal() : Math.exp(0.1 * rng.normal());
      kit.simulate(rng, { indicator: ind.code, subject: s.code, size: s.size, hetero, profile: profiles.get(`${ind.code}|${s.code}`) ?? null }, observations);
      series++;
    }
  }
  return { subjects, observations, patterns, noiseSeries: series - profiles.size, planted: new Set(profiles.keys()) };
}

function ownSeries(s: CandidateSignal): string[] {
  const out: string[] = [];
  for (const i of s.indicators) for (const subj of s.subjects) out.push(`${i}|${subj}`);
  return out;
}

interface StaticScore {
  ruleCorrect: number[];
  topLevelTouching: number[];
  topLevel: number;
  falseAlarms: number;
  /** The false alarms by the rule that raised them. */
  falseAlarmsByRule: Map<string, number>;
  noiseSeries: number;
  signals: number;
  seconds: number;
}

function scoreStatic(kit: PatternKit, seed: number): StaticScore {
  const sc = issueScenario(kit, seed, null);
  const t0 = process.hrtime.bigint();
  const res = detectSignals({ indicators: kit.indicators, subjects: sc.subjects, observations: sc.observations });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const top = res.signals.filter((s) => !s.parentKey);
  const groupSeries = new Map<string, Set<string>>(top.map((s) => [s.dedupeKey, new Set(ownSeries(s))]));
  for (const s of res.signals) if (s.parentKey) for (const k of ownSeries(s)) groupSeries.get(s.parentKey)?.add(k);
  const touches = (s: CandidateSignal, p: Pattern): boolean => [...groupSeries.get(s.dedupeKey)!].some((k) => p.series.has(k));
  return {
    ruleCorrect: sc.patterns.map((p) => (top.some((s) => s.rule === p.rule && touches(s, p)) ? 1 : 0)),
    topLevelTouching: sc.patterns.map((p) => top.filter((s) => touches(s, p)).length),
    topLevel: top.length,
    falseAlarms: top.filter((s) => ![...groupSeries.get(s.dedupeKey)!].some((k) => sc.planted.has(k))).length,
    falseAlarmsByRule: countByRule(top.filter((s) => ![...groupSeries.get(s.dedupeKey)!].some((k) => sc.planted.has(k)))),
    noiseSeries: sc.noiseSeries,
    signals: res.signals.length,
    seconds,
  };
}

function countByRule(signals: { rule: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of signals) out.set(s.rule, (out.get(s.rule) ?? 0) + 1);
  return out;
}

function addCounts(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

/** "peer-outlier 0.12, rising-trend 0.30, …" per 1,000 of `per`, for every rule (zeros included). */
function perRule(counts: Map<string, number>, per: number): string {
  return RULES.map((r) => `${r} ${(((counts.get(r) ?? 0) / per) * 1000).toFixed(3)}`).join(', ');
}

interface ProspectiveScore {
  /** Per pattern: periods from onset to the first right-rule signal, or null when not detected. */
  delay: (number | null)[];
  falseAlarmsPerPeriod: number[];
  falseAlarmsByRule: Map<string, number>;
  noiseSeries: number;
}

function scoreProspective(kit: PatternKit, seed: number, effect: number, onset: number): ProspectiveScore {
  const sc = issueScenario(kit, seed, effect, onset);
  const byT = new Map<number, ObservationPoint[]>();
  const minIndex = Math.min(...sc.observations.map((o) => o.periodIndex));
  const delay: (number | null)[] = sc.patterns.map(() => null);
  const falseAlarmsPerPeriod: number[] = [];
  const falseAlarmsByRule = new Map<string, number>();
  const alarmed = new Set<string>();
  void byT;
  for (let t = onset; t < kit.quarters; t++) {
    const upTo = minIndex + t;
    const obs = sc.observations.filter((o) => o.periodIndex <= upTo);
    const res = detectSignals({ indicators: kit.indicators, subjects: sc.subjects, observations: obs });
    sc.patterns.forEach((p, i) => {
      if (delay[i] !== null) return;
      if (res.signals.some((s) => s.rule === p.rule && ownSeries(s).some((k) => p.series.has(k)))) delay[i] = Math.max(0, t - p.onset);
    });
    let fresh = 0;
    for (const s of res.signals) {
      if (ownSeries(s).some((k) => sc.planted.has(k)) || s.dedupeKey.includes('escalation')) continue;
      if (!alarmed.has(s.dedupeKey)) {
        alarmed.add(s.dedupeKey);
        falseAlarmsByRule.set(s.rule, (falseAlarmsByRule.get(s.rule) ?? 0) + 1);
        fresh++;
      }
    }
    falseAlarmsPerPeriod.push(fresh);
  }
  return { delay, falseAlarmsPerPeriod, falseAlarmsByRule, noiseSeries: sc.noiseSeries };
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs both parts and prints the figures; answers whether every target is met. */
export function runIssueBench(kit: PatternKit, seeds: number, prospectiveSeeds: number): boolean {
  let ok = true;
  console.log(`\n== Issue 11: one pattern, one signal (Middenstad: 200 buurten in 20 wijken, 80 schools; seeds 1..${seeds}) ==`);
  console.log('seed  signals  top-level  false-alarms  top-level per pattern (school, debt, chain, loneliness, stacked)  seconds');
  const correct = PATTERN_NAMES.map(() => 0);
  const touching = PATTERN_NAMES.map(() => 0);
  let fa = 0;
  const faByRule = new Map<string, number>();
  let noise = 0;
  let topTotal = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const s = scoreStatic(kit, seed);
    s.ruleCorrect.forEach((v, i) => (correct[i] += v));
    s.topLevelTouching.forEach((v, i) => (touching[i] += v));
    fa += s.falseAlarms;
    addCounts(faByRule, s.falseAlarmsByRule);
    noise += s.noiseSeries;
    topTotal += s.topLevel;
    console.log(
      `${String(seed).padStart(4)}  ${String(s.signals).padStart(7)}  ${String(s.topLevel).padStart(9)}  ${String(s.falseAlarms).padStart(12)}  ${s.topLevelTouching.join(', ').padEnd(64)} ${s.seconds.toFixed(2)}`,
    );
  }
  console.log('\nPer planted pattern                 rule-correct recall (≥ 0.95)   top-level signals touching it (≤ 1.5)');
  PATTERN_NAMES.forEach((name, i) => {
    const rec = correct[i] / seeds;
    const per = touching[i] / seeds;
    if (rec < 0.95 || per > 1.5) ok = false;
    console.log(`  ${name.padEnd(32)}  ${rec.toFixed(2).padStart(6)} ${rec >= 0.95 ? 'OK ' : 'LOW'}                       ${per.toFixed(2).padStart(5)} ${per <= 1.5 ? 'OK' : 'HIGH'}`);
  });
  const perPattern = topTotal / seeds / PATTERN_NAMES.length;
  const per1000 = (fa / noise) * 1000;
  if (perPattern > 1.5 || per1000 > 2) ok = false;
  console.log(`  open top-level signals per planted pattern (all top-level incl. false alarms / 5): ${perPattern.toFixed(2)} (target ≤ 1.5)  ${perPattern <= 1.5 ? 'OK' : 'HIGH'}`);
  console.log(`  false alarms (top-level, all noise): ${fa} on ${noise} noise series = ${per1000.toFixed(2)} per 1,000 (target ≤ 2)  ${per1000 <= 2 ? 'OK' : 'HIGH'}`);
  console.log(`    by rule, per 1,000 noise series: ${perRule(faByRule, noise)}`);

  if (prospectiveSeeds > 0) {
    const onset = 16;
    console.log(`\n== Timeliness: prospective runs, period by period from the onset (quarter ${onset}) to quarter ${kit.quarters - 1}; seeds 1..${prospectiveSeeds} ==`);
    console.log('effect  pattern                          P(detect)  median delay  delays');
    for (const effect of [1.5, 2, 3]) {
      const delays: (number | null)[][] = PATTERN_NAMES.map(() => []);
      let fresh = 0;
      const freshByRule = new Map<string, number>();
      let noiseP = 0;
      let periods = 0;
      for (let seed = 1; seed <= prospectiveSeeds; seed++) {
        const r = scoreProspective(kit, seed, effect, onset);
        r.delay.forEach((d, i) => delays[i].push(d));
        fresh += r.falseAlarmsPerPeriod.reduce((a, b) => a + b, 0);
        addCounts(freshByRule, r.falseAlarmsByRule);
        noiseP += r.noiseSeries * r.falseAlarmsPerPeriod.length;
        periods += r.falseAlarmsPerPeriod.length;
      }
      PATTERN_NAMES.forEach((name, i) => {
        const got = delays[i].filter((d): d is number => d !== null);
        const pd = got.length / delays[i].length;
        const md = median(got);
        if (effect === 2 && !(md <= 2)) ok = false;
        console.log(
          `${`${effect}×`.padStart(5)}   ${name.padEnd(32)} ${pd.toFixed(2).padStart(8)}  ${(Number.isFinite(md) ? String(md) : '–').padStart(12)}  ${delays[i].map((d) => (d === null ? '–' : d)).join(' ')}`,
        );
      });
      console.log(`        new false alarms: ${((fresh / noiseP) * 1000).toFixed(3)} per 1,000 noise series per period (${periods} period runs)`);
      console.log(`          by rule: ${perRule(freshByRule, noiseP)}`);
    }
    console.log('  (median delay target ≤ 2 periods at 2×; the chain is timed from the follower\'s onset, two quarters after the leader\'s)');
  }
  return ok;
}
