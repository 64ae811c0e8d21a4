/**
 * detectSignals: run all five rules over plain data, control the false discovery rate across the
 * run (Benjamini–Hochberg over every test of every rule), and return candidate signals plus the
 * series that were skipped (with a reason).
 */
import { benjaminiHochberg } from '../statistics';
import { modelKind, Pt, toPt } from './model';
import { Context, leadingIndicator, peerOutlier, risingTrend, SeriesGroup, stackedProblems, systemicPattern, Test } from './rules';
import { groupSignals } from './group';
import { resolveSettings } from './settings';
import type { CandidateSignal, DetectInput, DetectResult, IndicatorMeta, SkippedSeries, SubjectMeta } from './types';

/** Group observations into series per (indicator, granularity, subject); invalid points are dropped with a reason. */
export function prepareSeries(
  indicators: Map<string, IndicatorMeta>,
  input: Pick<DetectInput, 'observations'>,
  skipped: SkippedSeries[],
): SeriesGroup[] {
  const groups = new Map<string, SeriesGroup>();
  const dropped = new Map<string, { indicator: string; subject: string; reason: string; count: number }>();
  const unknown = new Set<string>();
  for (const o of input.observations) {
    const ind = indicators.get(o.indicator);
    if (!ind) {
      unknown.add(o.indicator);
      continue;
    }
    const pt = toPt(ind, o);
    if (typeof pt === 'string') {
      const key = `${o.indicator}\u0000${o.subject}\u0000${pt}`;
      const d = dropped.get(key);
      if (d) d.count++;
      else dropped.set(key, { indicator: o.indicator, subject: o.subject, reason: pt, count: 1 });
      continue;
    }
    const gkey = `${o.indicator}\u0000${o.granularity}`;
    let g = groups.get(gkey);
    if (!g) {
      g = { ind, granularity: o.granularity, series: new Map<string, Pt[]>() };
      groups.set(gkey, g);
    }
    const list = g.series.get(o.subject);
    if (list) list.push(pt);
    else g.series.set(o.subject, [pt]);
  }
  for (const code of unknown) skipped.push({ rule: 'peer-outlier', indicator: code, reason: 'indicator not in the catalogue' });
  for (const d of dropped.values()) {
    const reason = `${d.count} observation(s) ignored: ${d.reason}`;
    skipped.push({ rule: 'peer-outlier', indicator: d.indicator, subject: d.subject, reason });
    skipped.push({ rule: 'rising-trend', indicator: d.indicator, subject: d.subject, reason });
  }
  for (const g of groups.values()) {
    for (const [subject, pts] of g.series) {
      pts.sort((a, b) => a.periodIndex - b.periodIndex);
      // One point per period: a later row for the same period replaces the earlier one.
      let w = 0;
      for (let i = 0; i < pts.length; i++) {
        if (w > 0 && pts[w - 1].periodIndex === pts[i].periodIndex) pts[w - 1] = pts[i];
        else pts[w++] = pts[i];
      }
      pts.length = w;
      if (w === 0) g.series.delete(subject);
    }
  }
  return [...groups.values()].sort((a, b) => (a.ind.code < b.ind.code ? -1 : a.ind.code > b.ind.code ? 1 : 0));
}

export function detectSignals(input: DetectInput): DetectResult {
  const settings = resolveSettings(input.settings);
  const indicators = new Map<string, IndicatorMeta>(input.indicators.map((i) => [i.code, i]));
  const subjects = new Map<string, SubjectMeta>(input.subjects.map((s) => [s.code, s]));
  const skipped: SkippedSeries[] = [];
  const groups = prepareSeries(indicators, input, skipped);
  const ctx: Context = { settings, indicators, subjects, groups, annotations: input.annotations ?? [], skipped };

  const tests: Test[] = [];
  const peer = peerOutlier(ctx);
  if (settings.peerOutlier.enabled) tests.push(...peer.tests);
  if (settings.risingTrend.enabled) tests.push(...risingTrend(ctx));
  if (settings.leadingIndicator.enabled) tests.push(...leadingIndicator(ctx));
  if (settings.systemicPattern.enabled) tests.push(...systemicPattern(ctx));
  if (settings.stackedProblems.enabled) tests.push(...stackedProblems(ctx, peer.results));

  const q = benjaminiHochberg(tests.map((t) => t.p));
  const signals: CandidateSignal[] = [];
  tests.forEach((t, i) => {
    if (t.gate && q[i] <= settings.fdrQ) signals.push(t.build(q[i], tests.length));
  });
  const grouped = groupSignals({ signals, indicators, subjects, severity: settings.severity, tests: tests.length });
  grouped.sort((a, b) => a.q - b.q || a.p - b.p || (a.dedupeKey < b.dedupeKey ? -1 : 1));
  return { signals: grouped, skipped, tests: tests.length, settings };
}

/** Model kind helper re-exported for callers that need to know how an indicator is tested. */
export { modelKind };
