/**
 * Rule 1, peer-outlier: a unit or area beyond the funnel-plot limits of its peers (quadrant III).
 */
import { arcsine, arcsineSe, binomialLowerTail, binomialUpperTail, median, overdispersion, pnormUpper, poissonLowerTail, poissonUpperTail, qnorm } from '../../statistics';
import { displayScale, displayUnit, displayValue, isSuppressed, Kind, modelKind, Pt, round, worseDir } from '../model';
import { both, certainty, disclose, fdrSentence, fmt, Lang, pct, quadrantLine, severityOf, TEXTS, valueText, worseWord } from '../text';
import type { FunnelEvidence } from '../types';
import { funnelLimitsAt } from '../funnel';
import { SeriesGroup, Context, Test, PeerResult, subjectName, indName, lc, peersWord, skip as skipSeries } from './context';

interface Member {
  subject: string;
  pt: Pt;
  y: number;
  s: number;
  z: number;
}

interface PeerGroupResult {
  results: PeerResult[];
  tests: Test[];
}

/** Peer groups per (indicator, granularity): members compared in the peer group's latest period. */
export function peerOutlier(ctx: Context): PeerGroupResult {
  const out: PeerGroupResult = { results: [], tests: [] };
  for (const g of ctx.groups) {
    const byPeer = new Map<string, string[]>();
    for (const subject of g.series.keys()) {
      const meta = ctx.subjects.get(subject);
      if (!meta) {
        skipSeries(ctx, 'peer-outlier', g.ind.code, subject, 'unknown subject (no peer group)');
        continue;
      }
      const list = byPeer.get(meta.peerGroup);
      if (list) list.push(subject);
      else byPeer.set(meta.peerGroup, [subject]);
    }
    for (const [peerGroup, subjects] of byPeer) peerGroupTests(ctx, g, peerGroup, subjects, out);
  }
  return out;
}

/**
 * The recent window tested beside the pooled one. Measured with `npm run bench:signals` (10 seeds,
 * prospective): a school whose rate doubles is found after a median 1.5 quarters with the last two
 * quarters (2.5 with the last one and two, 3 with the pooled window alone), at the same false-alarm rate.
 */
const RECENT_PERIODS = 2;

/** One member's test in one window: its result, p, and how to build its signal. */
interface Evaluation {
  res: PeerResult;
  p: number;
  build: Test['build'];
}

/**
 * A unit that became an outlier only lately is diluted in the pooled window (a 2× rise in the last
 * quarter is 1.25× over four): besides the pooled window (`periods`, the power of a year of data),
 * each member is tested in the recent window (`RECENT_PERIODS`), and its p is the smallest of the
 * windows' p times their number (Bonferroni, so false alarms stay bounded); the signal shows the
 * window that decided. Results for other rules (stacked problems) stay those of the pooled window. The dedupe
 * key has no window in it: a signal that moves between windows stays the same signal.
 */
function peerGroupTests(ctx: Context, g: SeriesGroup, peerGroup: string, subjects: string[], out: PeerGroupResult): void {
  const pooled = peerGroupWindow(ctx, g, peerGroup, subjects, ctx.settings.peerOutlier.periods, true);
  if (!pooled) return;
  const shortWindows = [RECENT_PERIODS].filter((w) => w < ctx.settings.peerOutlier.periods);
  const recent = shortWindows.map((w) => peerGroupWindow(ctx, g, peerGroup, subjects, w, false));
  const alphaHalf = (1 - ctx.settings.peerOutlier.coverage) / 2;
  for (const [subject, a] of pooled) {
    out.results.push(a.res);
    let chosen = a;
    let n = 1;
    for (const r of recent) {
      const b = r?.get(subject);
      if (!b) continue;
      n++;
      if (b.p < chosen.p) chosen = b;
    }
    const p = Math.min(1, n * chosen.p);
    out.tests.push({ rule: 'peer-outlier', p, gate: p <= alphaHalf, build: (q, tests) => ({ ...chosen.build(q, tests), p }) });
  }
}

function peerGroupWindow(ctx: Context, g: SeriesGroup, peerGroup: string, subjects: string[], periods: number, report: boolean): Map<string, Evaluation> | null {
  const evaluations = new Map<string, Evaluation>();
  const skip = (c: Context, rule: 'peer-outlier', indicator: string, subject: string, why: string) => {
    if (report) skipSeries(c, rule, indicator, subject, why);
  };
  const st = { ...ctx.settings.peerOutlier, periods };
  const ind = g.ind;
  const kind = modelKind(ind);
  const dir = worseDir(ind);
  let latest = -Infinity;
  for (const s of subjects) {
    const pts = g.series.get(s)!;
    latest = Math.max(latest, pts[pts.length - 1].periodIndex);
  }
  const members: Member[] = [];
  let period = '';
  let fromLabel = '';
  // Compare the last `periods` periods (a rolling window ending at the peer group's latest period),
  // the same window for every peer: persistent differences get the power of a year of data.
  const windowStart = latest - st.periods + 1;
  const seriesOf = new Map<string, Pt[]>();
  for (const s of subjects) {
    const pts = g.series.get(s)!;
    const last = pts[pts.length - 1];
    if (last.periodIndex !== latest) {
      skip(ctx, 'peer-outlier', ind.code, s, 'no observation in the latest period of its peer group');
      continue;
    }
    period = last.period;
    let x = 0;
    let e = 0;
    let first = last;
    for (let i = pts.length - 1; i >= 0 && pts[i].periodIndex >= windowStart; i--) {
      x += kind === 'mean' ? pts[i].x * pts[i].e : pts[i].x;
      e += pts[i].e;
      first = pts[i];
    }
    if (first.periodIndex === windowStart) fromLabel = first.period;
    seriesOf.set(s, pts);
    members.push({ subject: s, pt: { period: last.period, periodIndex: last.periodIndex, x: kind === 'mean' ? x / e : x, e }, y: 0, s: 0, z: 0 });
  }
  if (!fromLabel) fromLabel = period;
  if (members.length < st.minPeers) {
    for (const m of members)
      skip(ctx, 'peer-outlier', ind.code, m.subject, `only ${members.length} subjects with data in ${period} in peer group ${peerGroup}, need ${st.minPeers}`);
    return null;
  }
  let sx = 0;
  let se = 0;
  for (const m of members) {
    sx += kind === 'mean' ? m.pt.x * m.pt.e : m.pt.x;
    se += m.pt.e;
  }
  const theta = sx / se;
  if (kind !== 'mean' && (!(theta > 0) || (kind === 'binomial' && theta >= 1))) {
    for (const m of members) skip(ctx, 'peer-outlier', ind.code, m.subject, `no variation in peer group ${peerGroup} in ${period}`);
    return null;
  }
  let y0: number;
  let sigma = 0;
  if (kind === 'binomial') {
    y0 = arcsine(theta);
    for (const m of members) {
      m.y = arcsine(m.pt.x / m.pt.e);
      m.s = arcsineSe(m.pt.e);
    }
  } else if (kind === 'poisson') {
    y0 = 1;
    for (const m of members) {
      const E = theta * m.pt.e;
      m.y = Math.sqrt(m.pt.x / E);
      m.s = 1 / (2 * Math.sqrt(E));
    }
  } else {
    y0 = theta;
    // Respondent-level SD: median over peers of the within-series variance per respondent
    // (Σ n_t (m_t − m̄)² / (k − 1) over up to 12 recent periods), so that stable differences between
    // areas are left to the additive τ²; falls back to the cross-section when series are too short.
    const within: number[] = [];
    for (const m of members) {
      const pts = seriesOf.get(m.subject)!;
      const from = Math.max(0, pts.length - 12);
      const k = pts.length - from;
      if (k < 3) continue;
      let sn = 0;
      let sm = 0;
      for (let i = from; i < pts.length; i++) {
        sn += pts[i].e;
        sm += pts[i].e * pts[i].x;
      }
      const mb = sm / sn;
      let ss = 0;
      for (let i = from; i < pts.length; i++) ss += pts[i].e * (pts[i].x - mb) ** 2;
      within.push(ss / (k - 1));
    }
    sigma =
      within.length >= Math.max(3, members.length / 2)
        ? Math.sqrt(median(within))
        : Math.sqrt(median(members.map((m) => m.pt.e * (m.pt.x - theta) ** 2)) / 0.454936423);
    if (!(sigma > 0)) {
      for (const m of members) skip(ctx, 'peer-outlier', ind.code, m.subject, `no variation in peer group ${peerGroup} in ${period}`);
      return null;
    }
    for (const m of members) {
      m.y = m.pt.x;
      m.s = sigma / Math.sqrt(m.pt.e);
    }
  }
  for (const m of members) m.z = (m.y - y0) / m.s;
  const od = overdispersion(
    members.map((m) => m.z),
    members.map((m) => m.s),
    { fraction: st.winsorise, testLevel: st.overdispersionTestLevel, consistent: true },
  );
  // Additive τ² whenever the (consistency-corrected) φ exceeds what chance gives; p is then the larger of
  // the exact p and the τ²-adjusted normal p, i.e. the wider of the two funnels.
  const adjusted = od.tau2 > 0;
  const scale = displayScale(ind);
  const peerValue = kind === 'mean' ? theta : theta * scale;
  const anySuppressed = members.some((m) => isSuppressed(ind, m.pt.x, m.pt.e));

  for (const m of members) {
    let p: number;
    let z: number;
    z = dir * m.z;
    const x = Math.round(m.pt.x);
    if (kind === 'binomial') p = dir > 0 ? binomialUpperTail(x, Math.round(m.pt.e), theta) : binomialLowerTail(x, Math.round(m.pt.e), theta);
    else if (kind === 'poisson') p = dir > 0 ? poissonUpperTail(x, theta * m.pt.e) : poissonLowerTail(x, theta * m.pt.e);
    else p = pnormUpper(z);
    if (adjusted) {
      z = (dir * (m.y - y0)) / Math.sqrt(m.s * m.s + od.tau2);
      p = Math.max(p, pnormUpper(z));
    }
    const effect = kind === 'mean' ? (dir * (m.pt.x - theta)) / sigma : dir * (m.pt.x / m.pt.e / theta - 1);
    const suppressed = isSuppressed(ind, m.pt.x, m.pt.e);
    const value = suppressed ? null : displayValue(ind, m.pt.x, m.pt.e);
    const res: PeerResult = { ind, subject: m.subject, period: m.pt.period, p, z, effect, value, peerValue, suppressed };
    evaluations.set(m.subject, {
      res,
      p,
      build: (q, tests) => {
        const evidence: FunnelEvidence = {
          kind: 'funnel',
          indicator: ind.code,
          period: m.pt.period,
          from: fromLabel,
          unit: displayUnit(ind),
          target: round(peerValue),
          coverage: st.coverage,
          overdispersion: { phi: round(od.phi), tau2: od.tau2, adjusted },
          points: members.map((o) => {
            const sup = isSuppressed(ind, o.pt.x, o.pt.e);
            // Secondary suppression: with a suppressed cell in the group, denominators are rounded to 5.
            const den = anySuppressed ? Math.round(o.pt.e / 5) * 5 : o.pt.e;
            return {
              subject: o.subject,
              denominator: disclose(den, ind.minCount),
              value: sup ? null : round(displayValue(ind, o.pt.x, o.pt.e)),
              suppressed: sup,
              highlighted: o.subject === m.subject,
            };
          }),
          limits: funnelCurve(kind, members, theta, sigma, od.tau2, adjusted, st.coverage, scale),
        };
        const name = subjectName(ctx, m.subject);
        const peers = (lang: Lang): string => peersWord(ctx, m.subject, lang);
        const effectText = (lang: Lang): string =>
          suppressed || kind === 'mean' ? '' : ` (${pct(effect, lang)} ${worseWord(ind, lang)})`;
        const isReferral = ind.topic === 'referrals';
        const span = (l: Lang): string => (fromLabel === m.pt.period ? m.pt.period : TEXTS[l].peerOutlier.together({ from: fromLabel, to: m.pt.period }));
        return {
          rule: 'peer-outlier',
          quadrant: 'III',
          indicators: [ind.code],
          subjects: [m.subject],
          period: m.pt.period,
          p,
          q,
          z: round(z),
          effect: round(effect),
          severity: severityOf(q, effect, ctx.settings.severity),
          // A unit that stays an outlier next period is the same issue: no period in the key.
          dedupeKey: `peer-outlier|${ind.code}|${m.subject}`,
          title: both((l) => TEXTS[l].peerOutlier.title({ indicator: indName(ind, l), area: name, worse: worseWord(ind, l), peers: peers(l) })),
          explanation: both(
            (l) =>
              TEXTS[l].peerOutlier.explanation({
                span: span(l),
                indicator: lc(indName(ind, l)),
                area: name,
                value: valueText(ind, value, l),
                peerValue: valueText(ind, peerValue, l),
                members: members.length,
                peers: peers(l),
                effect: effectText(l),
                coverage: fmt(st.coverage * 100, l, 1),
                adjusted,
                certainty: certainty(p, l),
              }) + fdrSentence(q, tests, l),
          ),
          question: both(
            (l) =>
              (isReferral
                ? TEXTS[l].peerOutlier.questionReferrals({ area: name })
                : TEXTS[l].peerOutlier.question({ area: name, indicator: lc(indName(ind, l)), worse: worseWord(ind, l), peers: peers(l) })) + quadrantLine('III', l),
          ),
          evidence,
        };
      },
    });
  }
  return evaluations;
}

function funnelCurve(
  kind: Kind,
  members: Member[],
  theta: number,
  sigma: number,
  tau2: number,
  adjusted: boolean,
  coverage: number,
  scale: number,
): { denominator: number; lower: number; upper: number }[] {
  const es = members.map((m) => m.pt.e);
  const lo = Math.max(1, Math.min(...es));
  const hi = Math.max(lo + 1, Math.max(...es));
  const zc = qnorm(1 - (1 - coverage) / 2);
  const out: { denominator: number; lower: number; upper: number }[] = [];
  const steps = 24;
  for (let i = 0; i <= steps; i++) {
    const n = Math.round(lo * Math.pow(hi / lo, i / steps));
    if (out.length && out[out.length - 1].denominator === n) continue;
    let lower: number;
    let upper: number;
    if (kind === 'binomial' || kind === 'poisson') {
      const l = funnelLimitsAt(kind, n, theta, coverage, adjusted ? tau2 : 0);
      lower = l.lower * scale;
      upper = l.upper * scale;
    } else {
      const sd = Math.sqrt((sigma * sigma) / n + (adjusted ? tau2 : 0));
      lower = theta - zc * sd;
      upper = theta + zc * sd;
    }
    out.push({ denominator: n, lower: round(lower), upper: round(upper) });
  }
  return out;
}
