import {
  AnnotationMeta,
  CandidateSignal,
  DEFAULT_SIGNAL_SETTINGS,
  detectSignals,
  measureEffect,
  ObservationPoint,
  periodIndexOf,
  persists,
  SignalSettingsPatch,
  SubjectMeta,
  validateSettings,
} from './index';
import { mulberry32 } from '../statistics/random';
import { indicatorMeta, neighbourhoods, normal, poisson, quarterLabel } from './test-data';

// ------------------------------------------------------------------ deterministic synthetic data

const rng = mulberry32;
const ind = indicatorMeta;
const Q = 16;
const label = (t: number): string => quarterLabel(t);
const areas = (n: number, prefix = 'BU0001'): SubjectMeta[] => neighbourhoods(n, prefix);

/** Poisson-count proportion series: rate·den·mult(t). */
function series(
  u: () => number,
  indicator: string,
  subject: string,
  den: number,
  rate: number,
  mult: (t: number) => number = () => 1,
  periods = Q,
): ObservationPoint[] {
  return Array.from({ length: periods }, (_, t) => {
    const x = Math.min(den, poisson(u, den * rate * mult(t)));
    const p = periodIndexOf(label(t))!;
    return { indicator, subject, period: label(t), ...p, value: x / den, numerator: x, denominator: den, n: null };
  });
}

function meanSeries(u: () => number, indicator: string, subject: string, n: number | null, mu: (t: number) => number): ObservationPoint[] {
  return Array.from({ length: Q }, (_, t) => {
    const p = periodIndexOf(label(t))!;
    const v = mu(t) + (1.5 / Math.sqrt(n ?? 100)) * normal(u);
    return { indicator, subject, period: label(t), ...p, value: Math.round(v * 100) / 100, numerator: null, denominator: null, n };
  });
}

const only = (settings: Partial<Record<'peer' | 'trend' | 'lead' | 'sys' | 'stack', boolean>>): SignalSettingsPatch => ({
  peerOutlier: { enabled: settings.peer ?? false },
  risingTrend: { enabled: settings.trend ?? false },
  leadingIndicator: { enabled: settings.lead ?? false },
  systemicPattern: { enabled: settings.sys ?? false },
  stackedProblems: { enabled: settings.stack ?? false },
});

function allText(s: CandidateSignal): string {
  return [s.title.nl, s.title.en, s.explanation.nl, s.explanation.en, s.question.nl, s.question.en].join('\n');
}

// ------------------------------------------------------------------ tests

describe('settings', () => {
  it('defaults validate and merge', () => {
    const r = validateSettings({ fdrQ: 0.1, peerOutlier: { coverage: 0.95 } });
    expect(r.errors).toEqual([]);
    expect(r.settings.fdrQ).toBe(0.1);
    expect(r.settings.peerOutlier.coverage).toBe(0.95);
    expect(r.settings.peerOutlier.minPeers).toBe(DEFAULT_SIGNAL_SETTINGS.peerOutlier.minPeers);
  });
  it('names the field that is out of range', () => {
    const r = validateSettings({ fdrQ: 2, peerOutlier: { coverage: 1.5 }, risingTrend: { windows: [0] }, bogus: 1 });
    expect(r.errors.map((e) => e.field).sort()).toEqual(['bogus', 'fdrQ', 'peerOutlier.coverage', 'risingTrend.windows']);
    expect(r.settings).toEqual(DEFAULT_SIGNAL_SETTINGS);
  });
  it('rejects a non-object', () => {
    expect(validateSettings('x').errors[0].message).toMatch(/object/);
  });
});

describe('peer-outlier', () => {
  const subs: SubjectMeta[] = Array.from({ length: 30 }, (_, i) => ({
    code: `SC${i}`,
    name: `School ${i + 1}`,
    kind: 'unit',
    peerGroup: 'GM0001:school',
    municipality: 'GM0001',
  }));
  const referrals = ind('youth-care-referrals', { quadrant: 'III', subjectKind: 'unit', topic: 'referrals' });
  it('finds a school referring far more than its peers, in quadrant III, with texts and funnel evidence', () => {
    const u = rng(1);
    const obs = subs.flatMap((s, i) => series(u, referrals.code, s.code, 400 + 20 * i, 0.02, () => (i === 7 ? 3 : 1)));
    const r = detectSignals({ indicators: [referrals], subjects: subs, observations: obs, settings: only({ peer: true }) });
    expect(r.signals).toHaveLength(1);
    const s = r.signals[0];
    expect(s).toMatchObject({ rule: 'peer-outlier', quadrant: 'III', subjects: ['SC7'], indicators: ['youth-care-referrals'], period: '2024-Q4' });
    expect(s.q).toBeLessThanOrEqual(0.05);
    expect(s.dedupeKey).toBe('peer-outlier|youth-care-referrals|SC7');
    expect(s.question.nl).toContain('jeugdzorg worden verwezen');
    expect(s.explanation.nl).toMatch(/vrijwel zeker \(p < 0,001\)/);
    expect(s.explanation.en).toMatch(/almost certain/);
    expect(s.evidence.kind).toBe('funnel');
    if (s.evidence.kind === 'funnel') {
      expect(s.evidence.points).toHaveLength(30);
      expect(s.evidence.points.find((p) => p.highlighted)?.subject).toBe('SC7');
      expect(s.evidence.limits.length).toBeGreaterThan(5);
    }
  });
  it.each([
    // [what, multiplier of SC7 by quarter index t (0..15), window of the signal ('' = none expected)]
    ['a rise in the last two quarters only: found in the recent window', (t: number) => (t >= Q - 2 ? 2.5 : 1), '2024-Q3'],
    ['a rise over the whole last year: found in the pooled window', (t: number) => (t >= Q - 4 ? 2 : 1), '2024-Q1'],
    ['a rise long ago that ended: not an outlier now', (t: number) => (t < 4 ? 3 : 1), ''],
  ])('%s', (_what, mult, from) => {
    const u = rng(11);
    const obs = subs.flatMap((s, i) => series(u, referrals.code, s.code, 400 + 20 * i, 0.02, i === 7 ? mult : () => 1));
    const r = detectSignals({ indicators: [referrals], subjects: subs, observations: obs, settings: only({ peer: true }) });
    const s = r.signals.find((x) => x.subjects[0] === 'SC7');
    if (!from) return expect(s).toBeUndefined();
    expect(s).toMatchObject({ dedupeKey: 'peer-outlier|youth-care-referrals|SC7', period: '2024-Q4' });
    expect(s!.evidence.kind === 'funnel' && s!.evidence.from).toBe(from);
    // The p of the signal is the smaller window's p times the number of windows (Bonferroni).
    expect(s!.p).toBeGreaterThan(0);
    expect(r.signals.filter((x) => x.subjects[0] !== 'SC7')).toEqual([]);
  });
  it('pure noise gives no signals', () => {
    const u = rng(2);
    const obs = subs.flatMap((s, i) => series(u, referrals.code, s.code, 400 + 20 * i, 0.02));
    const r = detectSignals({ indicators: [referrals], subjects: subs, observations: obs });
    expect(r.signals).toEqual([]);
    expect(r.tests).toBeGreaterThan(30);
  });
  it('too few peers are skipped with a reason', () => {
    const u = rng(3);
    const obs = subs.slice(0, 3).flatMap((s) => series(u, referrals.code, s.code, 400, 0.02));
    const r = detectSignals({ indicators: [referrals], subjects: subs, observations: obs, settings: only({ peer: true }) });
    expect(r.skipped.filter((k) => k.rule === 'peer-outlier')[0].reason).toMatch(/only 3 subjects/);
  });
  it('respects polarity for means (higher-is-better) and needs n', () => {
    const cohesion = ind('social-cohesion', { quadrant: 'III', measure: 'mean', polarity: 'higher-is-better' });
    const subsA = areas(25);
    const u = rng(4);
    const obs = subsA.flatMap((s, i) => meanSeries(u, cohesion.code, s.code, 120, () => (i === 3 ? 5.3 : i === 4 ? 7.7 : 6.5)));
    const r = detectSignals({ indicators: [cohesion], subjects: subsA, observations: obs, settings: only({ peer: true }) });
    expect(r.signals.map((s) => s.subjects[0])).toEqual([subsA[3].code]); // lower is worse; the high one is not flagged
    expect(r.signals[0].title.nl).toContain('lager');
    const noN = subsA.flatMap((s) => meanSeries(u, cohesion.code, s.code, null, () => 6.5));
    const r2 = detectSignals({ indicators: [cohesion], subjects: subsA, observations: noN });
    expect(r2.signals).toEqual([]);
    expect(r2.skipped.some((k) => /without number of respondents/.test(k.reason))).toBe(true);
  });
  it('never shows a count below minCount (privacy)', () => {
    // Peers ~1 % of 60; the outlier has 8 of 60 per quarter; minCount 10 suppresses every single-quarter count.
    const small = ind('youth-care-referrals', { quadrant: 'III', subjectKind: 'unit', minCount: 40 });
    const u = rng(5);
    const obs = subs.flatMap((s, i) => series(u, small.code, s.code, 60, 0.01, () => (i === 2 ? 12 : 1)));
    const r = detectSignals({ indicators: [small], subjects: subs, observations: obs, settings: only({ peer: true, trend: true }) });
    const s = r.signals.find((x) => x.rule === 'peer-outlier');
    expect(s).toBeDefined();
    const text = allText(s!);
    expect(text).toContain('niet getoond: minder dan 40');
    expect(text).toContain('not shown: fewer than 40');
    const ev = JSON.stringify(s!.evidence);
    expect(ev).not.toMatch(/numerator/);
    if (s!.evidence.kind === 'funnel') {
      const hl = s!.evidence.points.find((p) => p.highlighted)!;
      expect(hl.value).toBeNull();
      expect(hl.suppressed).toBe(true);
      // every shown value comes from a count of at least minCount
      for (const p of s!.evidence.points) if (!p.suppressed) expect(p.value).not.toBeNull();
    }
    // the percentage of the outlier (its count / 240) must not appear
    const outlierCount = obs.filter((o) => o.subject === 'SC2').slice(-4).reduce((a, o) => a + (o.numerator ?? 0), 0);
    expect(outlierCount).toBeLessThan(40);
    expect(text).not.toContain(`${((outlierCount / 240) * 100).toFixed(1).replace('.', ',')}%`);
  });
});

describe('rising-trend', () => {
  const debt = ind('debt-signals', { quadrant: 'II' });
  const subs = areas(40);
  it('finds a planted rise (quadrant II → IV) and not the noise', () => {
    const u = rng(6);
    const obs = subs.flatMap((s, i) => series(u, debt.code, s.code, 1500, 0.025, (t) => (i === 5 && t >= Q - 3 ? 2.2 : 1)));
    const r = detectSignals({ indicators: [debt], subjects: subs, observations: obs, settings: only({ trend: true }) });
    expect(r.signals.map((s) => s.subjects[0])).toEqual([subs[5].code]);
    const s = r.signals[0];
    expect(s.quadrant).toBe('IV');
    expect(s.dedupeKey).toBe(`rising-trend|debt-signals|${subs[5].code}`);
    expect(s.evidence.kind).toBe('series');
    expect(s.explanation.nl).toMatch(/tegen .* in de \d+ perioden daarvoor/);
  });
  it('quadrant I maps to III; a fall in a higher-is-worse indicator is no signal', () => {
    const lonely = ind('loneliness', { quadrant: 'I' });
    const u = rng(7);
    const obs = subs.flatMap((s, i) => series(u, lonely.code, s.code, 800, 0.2, (t) => (t >= Q - 2 ? (i === 1 ? 1.6 : i === 2 ? 0.4 : 1) : 1)));
    const r = detectSignals({ indicators: [lonely], subjects: subs, observations: obs, settings: only({ trend: true }) });
    expect(r.signals.map((s) => s.subjects[0])).toEqual([subs[1].code]);
    expect(r.signals[0].quadrant).toBe('III');
  });
  it('short series are skipped with a reason', () => {
    const u = rng(8);
    const obs = subs.slice(0, 10).flatMap((s) => series(u, debt.code, s.code, 1500, 0.025, () => 1, 4));
    const r = detectSignals({ indicators: [debt], subjects: subs, observations: obs, settings: only({ trend: true }) });
    expect(r.signals).toEqual([]);
    expect(r.skipped.filter((k) => k.rule === 'rising-trend')).toHaveLength(10);
    expect(r.skipped[0].reason).toMatch(/short series/);
  });
  it('handles gaps', () => {
    const u = rng(9);
    const obs = series(u, debt.code, subs[0].code, 1500, 0.025, (t) => (t >= Q - 2 ? 2.5 : 1)).filter((_, t) => t % 3 !== 1);
    const r = detectSignals({ indicators: [debt], subjects: subs, observations: obs, settings: only({ trend: true }) });
    expect(r.signals).toHaveLength(1);
  });
});

describe('leading-indicator', () => {
  it('debt signals followed by evictions: quadrant IV with the housing-corporation question', () => {
    const debt = ind('debt-signals', { leadsTo: [{ indicator: 'evictions', maxLag: 4 }], topic: 'payment-arrears' });
    const ev = ind('evictions', { measure: 'rate', per: 1000, topic: 'evictions' });
    const subs = areas(30);
    const u = rng(10);
    const obs = subs.flatMap((s, i) => [
      ...series(u, debt.code, s.code, 2000, 0.025, (t) => (i === 9 && t >= Q - 6 ? 2 : 1)),
      ...series(u, ev.code, s.code, 2000, 0.003, (t) => (i === 9 && t >= Q - 3 ? 3.5 : 1)),
    ]);
    const r = detectSignals({ indicators: [debt, ev], subjects: subs, observations: obs, settings: only({ lead: true }) });
    expect(r.signals).toHaveLength(1);
    const s = r.signals[0];
    expect(s).toMatchObject({ rule: 'leading-indicator', quadrant: 'IV', indicators: ['debt-signals', 'evictions'], subjects: [subs[9].code] });
    expect(s.question.nl).toContain('Kunnen we afspraken maken met de woningcorporatie om huisuitzettingen door betalingsachterstanden te voorkomen?');
    expect(s.evidence.kind).toBe('leader-follower');
  });

  it('words the question by the indicators’ topic, not their codes', () => {
    const debt = ind('debt-signals', { leadsTo: [{ indicator: 'evictions', maxLag: 4 }] });
    const ev = ind('evictions', { measure: 'rate', per: 1000 });
    const subs = areas(30);
    const u = rng(10);
    const obs = subs.flatMap((s, i) => [
      ...series(u, debt.code, s.code, 2000, 0.025, (t) => (i === 9 && t >= Q - 6 ? 2 : 1)),
      ...series(u, ev.code, s.code, 2000, 0.003, (t) => (i === 9 && t >= Q - 3 ? 3.5 : 1)),
    ]);
    const r = detectSignals({ indicators: [debt, ev], subjects: subs, observations: obs, settings: only({ lead: true }) });
    expect(r.signals).toHaveLength(1);
    expect(r.signals[0].question.nl).not.toContain('woningcorporatie');
    expect(r.signals[0].question.nl).toContain('Kunnen we afspraken maken met de betrokken organisaties');
  });

  it('an established chain that began long ago is one leading-indicator signal (change point in each series), with its parts as members', () => {
    const debt = ind('debt-signals', { leadsTo: [{ indicator: 'evictions', maxLag: 4 }] });
    const ev = ind('evictions', { measure: 'rate', per: 1000 });
    const subs = areas(30);
    const u = rng(21);
    const obs = subs.flatMap((s, i) => [
      ...series(u, debt.code, s.code, 2000, 0.025, (t) => (i === 4 && t >= Q - 9 ? 2 : 1)),
      ...series(u, ev.code, s.code, 2000, 0.003, (t) => (i === 4 && t >= Q - 7 ? 3 : 1)),
    ]);
    const lead = detectSignals({ indicators: [debt, ev], subjects: subs, observations: obs, settings: only({ lead: true }) }).signals;
    expect(lead).toHaveLength(1);
    expect(lead[0]).toMatchObject({ rule: 'leading-indicator', subjects: [subs[4].code] });
    expect(lead[0].title.nl).toMatch(/sinds 2022-Q4/);
    if (lead[0].evidence.kind === 'leader-follower') expect(lead[0].evidence.lag).toBe(2);
    // The whole engine: one top-level signal for this pattern; the single-series signals are its members.
    const all = detectSignals({ indicators: [debt, ev], subjects: subs, observations: obs }).signals;
    const top = all.filter((x) => !x.parentKey && x.subjects.includes(subs[4].code));
    expect(top.map((x) => x.rule)).toEqual(['leading-indicator']);
    expect(all.filter((x) => x.parentKey === top[0].dedupeKey).length).toBeGreaterThanOrEqual(1);
  });
});

describe('systemic-pattern', () => {
  it('a shift in most areas at once, linked to the annotation of that date', () => {
    const ycu = ind('youth-care-use', { quadrant: 'I' });
    const subs = areas(40);
    const u = rng(11);
    const obs = subs.flatMap((s, i) => series(u, ycu.code, s.code, 300, 0.08, (t) => (t === Q - 1 && i % 10 < 7 ? 1.5 : 1)));
    const annotations: AnnotationMeta[] = [{ date: '2024-10-01', indicators: ['youth-care-use'], text: 'Nieuwe toegangsregels' }];
    const r = detectSignals({ indicators: [ycu], subjects: subs, observations: obs, annotations, settings: only({ sys: true }) });
    expect(r.signals).toHaveLength(1);
    const s = r.signals[0];
    expect(s).toMatchObject({ rule: 'systemic-pattern', quadrant: 'IV', period: '2024-Q4' });
    expect(s.dedupeKey).toBe('systemic-pattern|youth-care-use|BU0001:neighbourhood|2024-Q4');
    expect(s.explanation.nl).toContain('Nieuwe toegangsregels');
    if (s.evidence.kind === 'share') expect(s.evidence.annotations).toHaveLength(1);
    // without the shift: nothing
    const u2 = rng(12);
    const noise = subs.flatMap((x) => series(u2, ycu.code, x.code, 300, 0.08));
    expect(detectSignals({ indicators: [ycu], subjects: subs, observations: noise, settings: only({ sys: true }) }).signals).toEqual([]);
  });
});

describe('stacked-problems', () => {
  it('one area worse than peers on indicators from two quadrants', () => {
    const inds = [ind('youth-care-use', { quadrant: 'I' }), ind('loneliness', { quadrant: 'I' }), ind('debt-signals', { quadrant: 'II' }), ind('evictions', { quadrant: 'II', measure: 'rate', per: 1000 })];
    const rates: Record<string, number> = { 'youth-care-use': 0.08, loneliness: 0.2, 'debt-signals': 0.025, evictions: 0.003 };
    const subs = areas(40);
    const u = rng(13);
    const obs = subs.flatMap((s, i) => inds.flatMap((x) => series(u, x.code, s.code, 500, rates[x.code], () => (i === 12 && x.code !== 'evictions' ? 1.45 : 1))));
    const r = detectSignals({ indicators: inds, subjects: subs, observations: obs, settings: only({ stack: true }) });
    expect(r.signals).toHaveLength(1);
    const s = r.signals[0];
    expect(s).toMatchObject({ rule: 'stacked-problems', quadrant: 'IV', subjects: [subs[12].code] });
    expect(s.indicators.length).toBeGreaterThanOrEqual(2);
    expect(new Set(s.indicators.map((c) => inds.find((x) => x.code === c)!.quadrant)).size).toBeGreaterThanOrEqual(2);
    expect(s.dedupeKey).toBe(`stacked-problems|${subs[12].code}`);
  });
});

describe('all rules together on noise, FDR across the run', () => {
  it('no signals on pure noise with all rules on; q ≥ p for any signal', () => {
    const debt = ind('debt-signals', { leadsTo: [{ indicator: 'evictions', maxLag: 4 }] });
    const ev = ind('evictions', { measure: 'rate', per: 1000 });
    const lonely = ind('loneliness', { quadrant: 'I' });
    const subs = areas(60);
    const u = rng(14);
    const obs = subs.flatMap((s) => [
      ...series(u, debt.code, s.code, 900, 0.025),
      ...series(u, ev.code, s.code, 900, 0.003),
      ...series(u, lonely.code, s.code, 100, 0.2),
    ]);
    const r = detectSignals({ indicators: [debt, ev, lonely], subjects: subs, observations: obs });
    expect(r.signals).toEqual([]);
    expect(r.tests).toBeGreaterThan(400);
  });
});

describe('monitoring: measureEffect and persists', () => {
  it('improved / worsened / unchanged by polarity', () => {
    expect(measureEffect([10, 11, 9, 10], [6, 5, 7, 6], 'higher-is-worse').direction).toBe('improved');
    expect(measureEffect([10, 11, 9, 10], [6, 5, 7, 6], 'higher-is-better').direction).toBe('worsened');
    const same = measureEffect([10, 11, 9, 10], [10, 9, 11, 10], 'higher-is-worse');
    expect(same.direction).toBe('unchanged');
    expect(same.change).toBeCloseTo(0, 12);
    const r = measureEffect([10, 11, 9, 10], [6, 5, 7, 6], 'higher-is-worse');
    expect(r.change).toBeCloseTo(-4, 12);
    expect(r.p!).toBeLessThan(0.01);
  });
  it('persists N periods after the decision', () => {
    expect(persists([12, 13, 12.5], 11, 'higher-is-worse', 3)).toBe(true);
    expect(persists([12, 10, 12.5], 11, 'higher-is-worse', 3)).toBe(false);
    expect(persists([12, 13], 11, 'higher-is-worse', 3)).toBe(false);
    expect(persists([5, 5, 5], 6, 'higher-is-better', 2)).toBe(true);
  });
});

describe('periodIndexOf', () => {
  it('parses year, quarter and month labels', () => {
    expect(periodIndexOf('2024')).toEqual({ granularity: 'year', periodIndex: 2024 });
    expect(periodIndexOf('2024-Q1')).toEqual({ granularity: 'quarter', periodIndex: 2024 * 4 });
    expect(periodIndexOf('2024-03')).toEqual({ granularity: 'month', periodIndex: 2024 * 12 + 2 });
    expect(periodIndexOf('2024-13')).toBeNull();
  });
});
