/**
 * The five feedforward rules of DESIGN.md §5 as pure functions over a prepared context.
 * Each rule returns hypothesis tests (p-value + gate + a lazy signal builder); detectSignals
 * applies Benjamini–Hochberg over all tests of the run and builds the surviving signals.
 */
import type { Granularity, Quadrant, RuleName } from 'contracts';
import {
  arcsine,
  arcsineSe,
  binomialFunnelLimits,
  binomialLowerTail,
  binomialUpperTail,
  inverseArcsine,
  median,
  orderStatisticP,
  overdispersion,
  pnormUpper,
  poissonFunnelLimits,
  poissonLowerTail,
  poissonUpperTail,
  qnorm,
} from '../statistics';
import {
  displayScale,
  displayUnit,
  displayValue,
  isSuppressed,
  Kind,
  modelKind,
  periodIndexOf,
  Pt,
  RiseTest,
  riseTest,
  round,
  seriesEvidence,
  worseDir,
} from './model';
import {
  both,
  certainty,
  collectiveSide,
  disclose,
  fdrSentence,
  fmt,
  Lang,
  pct,
  quadrantLine,
  riseWord,
  severityOf,
  valueText,
  worseWord,
} from './text';
import type {
  AnnotationMeta,
  CandidateSignal,
  FunnelEvidence,
  IndicatorMeta,
  ProfileEvidence,
  ShareEvidence,
  SignalSettings,
  SkippedSeries,
  SubjectMeta,
} from './types';

// ------------------------------------------------------------------ context

export interface SeriesGroup {
  ind: IndicatorMeta;
  granularity: Granularity;
  /** Subject → points sorted by periodIndex (unique periods). */
  series: Map<string, Pt[]>;
}

export interface Context {
  settings: SignalSettings;
  indicators: Map<string, IndicatorMeta>;
  subjects: Map<string, SubjectMeta>;
  groups: SeriesGroup[];
  annotations: AnnotationMeta[];
  skipped: SkippedSeries[];
}

export interface Test {
  rule: RuleName;
  p: number;
  /** Rule-specific condition besides the FDR (e.g. outside the funnel). */
  gate: boolean;
  build: (q: number, tests: number) => CandidateSignal;
}

/** Peer comparison of one subject on one indicator (shared by peer-outlier and stacked-problems). */
export interface PeerResult {
  ind: IndicatorMeta;
  subject: string;
  period: string;
  /** One-sided p in the worse direction. */
  p: number;
  /** z in the worse direction (overdispersion-adjusted when applicable). */
  z: number;
  effect: number;
  value: number | null;
  peerValue: number;
  suppressed: boolean;
}

function subjectName(ctx: Context, code: string): string {
  return ctx.subjects.get(code)?.name ?? code;
}

function indName(ind: IndicatorMeta, lang: Lang): string {
  return ind.name[lang];
}

function lc(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

function peersWord(ctx: Context, code: string, lang: Lang): string {
  const s = ctx.subjects.get(code);
  if (s?.kind === 'unit') return lang === 'nl' ? 'eenheden (zoals scholen)' : 'units (such as schools)';
  if (s?.level === 'district') return lang === 'nl' ? 'wijken' : 'districts';
  if (s?.level === 'municipality') return lang === 'nl' ? 'gemeenten' : 'municipalities';
  return lang === 'nl' ? 'buurten' : 'neighbourhoods';
}

function skip(ctx: Context, rule: RuleName, indicator: string, subject: string | undefined, reason: string): void {
  ctx.skipped.push(subject === undefined ? { rule, indicator, reason } : { rule, indicator, subject, reason });
}

// ------------------------------------------------------------------ 1. peer-outlier

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
        skip(ctx, 'peer-outlier', g.ind.code, subject, 'unknown subject (no peer group)');
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

function peerGroupTests(ctx: Context, g: SeriesGroup, peerGroup: string, subjects: string[], out: PeerGroupResult): void {
  const st = ctx.settings.peerOutlier;
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
    return;
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
    return;
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
      return;
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
  const alphaHalf = (1 - st.coverage) / 2;
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
    out.results.push(res);
    out.tests.push({
      rule: 'peer-outlier',
      p,
      gate: p <= alphaHalf,
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
              denominator: kind === 'mean' || ind.measure === 'count' ? disclose(den, ind.minCount) : disclose(den, ind.minCount),
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
          suppressed ? '' : kind === 'mean' ? '' : lang === 'nl' ? ` (${pct(effect, lang)} ${worseWord(ind, lang)})` : ` (${pct(effect, lang)} ${worseWord(ind, lang)})`;
        const isReferral = /referral|verwijz/i.test(ind.code);
        const span = (l: Lang): string => (fromLabel === m.pt.period ? m.pt.period : `${fromLabel}–${m.pt.period}${l === 'nl' ? ' samen' : ' together'}`);
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
          title: both((l) =>
            l === 'nl'
              ? `${indName(ind, l)} bij ${name} ${worseWord(ind, l)} dan bij vergelijkbare ${peers(l)}`
              : `${indName(ind, l)} at ${name} ${worseWord(ind, l)} than at comparable ${peers(l)}`,
          ),
          explanation: both((l) =>
            (l === 'nl'
              ? `In ${span(l)} was ${lc(indName(ind, l))} bij ${name} ${valueText(ind, value, l)}, tegen ${valueText(ind, peerValue, l)} gemiddeld bij de ${members.length} vergelijkbare ${peers(l)} in dezelfde groep${effectText(l)}. ` +
                `Dat ligt buiten de ${fmt(st.coverage * 100, l, 1)}%-grenzen van de trechtergrafiek${adjusted ? ', ook na correctie voor de gewone spreiding tussen ' + peers(l) : ''}. Dat dit meer is dan toeval, is ${certainty(p, l)}. `
              : `In ${span(l)}, ${lc(indName(ind, l))} at ${name} was ${valueText(ind, value, l)}, against ${valueText(ind, peerValue, l)} on average across the ${members.length} comparable ${peers(l)} in the same group${effectText(l)}. ` +
                `That lies outside the ${fmt(st.coverage * 100, l, 1)}% funnel-plot limits${adjusted ? ', even after allowing for the usual spread between ' + peers(l) : ''}. That this is more than chance is ${certainty(p, l)}. `) +
            fdrSentence(q, tests, l),
          ),
          question: both((l) =>
            (l === 'nl'
              ? isReferral
                ? `Wat speelt er bij ${name} dat relatief veel kinderen naar de jeugdzorg worden verwezen? `
                : `Wat speelt er bij ${name} dat ${lc(indName(ind, l))} hier ${worseWord(ind, l)} ligt dan bij vergelijkbare ${peers(l)}? `
              : isReferral
                ? `What is going on at ${name} that relatively many children are referred to youth care? `
                : `What is going on at ${name} that ${lc(indName(ind, l))} is ${worseWord(ind, l)} here than at comparable ${peers(l)}? `) +
            quadrantLine('III', l),
          ),
          evidence,
        };
      },
    });
  }
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
    if (kind === 'binomial') {
      if (adjusted) {
        const y0 = arcsine(theta);
        const sd = Math.sqrt(1 / (4 * n) + tau2);
        lower = inverseArcsine(y0 - zc * sd) * scale;
        upper = inverseArcsine(y0 + zc * sd) * scale;
      } else {
        const l = binomialFunnelLimits(n, theta, coverage);
        lower = l.lower * scale;
        upper = l.upper * scale;
      }
    } else if (kind === 'poisson') {
      const E = theta * n;
      if (adjusted) {
        const sd = Math.sqrt(1 / (4 * E) + tau2);
        lower = Math.max(0, 1 - zc * sd) ** 2 * theta * scale;
        upper = (1 + zc * sd) ** 2 * theta * scale;
      } else {
        const l = poissonFunnelLimits(E, coverage);
        lower = l.lower * theta * scale;
        upper = l.upper * theta * scale;
      }
    } else {
      const sd = Math.sqrt((sigma * sigma) / n + (adjusted ? tau2 : 0));
      lower = theta - zc * sd;
      upper = theta + zc * sd;
    }
    out.push({ denominator: n, lower: round(lower), upper: round(upper) });
  }
  return out;
}

// ------------------------------------------------------------------ 2. rising-trend

function windowValue(ind: IndicatorMeta, pts: readonly Pt[], r: RiseTest): number | null {
  let x = 0;
  let e = 0;
  for (let i = r.startPos; i <= r.endPos; i++) {
    if (isSuppressed(ind, pts[i].x, pts[i].e)) return null;
    x += modelKind(ind) === 'mean' ? pts[i].x * pts[i].e : pts[i].x;
    e += pts[i].e;
  }
  return modelKind(ind) === 'mean' ? x / e : displayValue(ind, x, e);
}

function baselineValue(ind: IndicatorMeta, r: RiseTest): number {
  return modelKind(ind) === 'mean' ? r.level : r.level * displayScale(ind);
}

function trendQuestion(ind: IndicatorMeta, quadrant: Quadrant, name: string, l: Lang): string {
  const word = riseWord(ind, l);
  if (quadrant === 'III')
    return (
      (l === 'nl'
        ? `Wat verandert er in ${name} waardoor ${lc(indName(ind, l))} ${word}, en hoe kunnen we de kracht van de wijk benutten en versterken? `
        : `What is changing in ${name} so that ${lc(indName(ind, l))} ${word}, and how can we use and strengthen the strength of the neighbourhood? `) +
      quadrantLine('III', l)
    );
  return (
    (l === 'nl'
      ? `Welke regel, voorziening of werkwijze draagt eraan bij dat ${lc(indName(ind, l))} in ${name} ${word}, en wat kunnen we aan de beleidstafel afspreken? `
      : `Which rule, service or way of working contributes to ${lc(indName(ind, l))} in ${name} that ${word}, and what can we agree at the policy table? `) +
    quadrantLine('IV', l)
  );
}

export function risingTrend(ctx: Context): Test[] {
  const st = ctx.settings.risingTrend;
  const tests: Test[] = [];
  for (const g of ctx.groups) {
    const ind = g.ind;
    const kind = modelKind(ind);
    const dir = worseDir(ind);
    const quadrant = collectiveSide(ind.quadrant);
    for (const [subject, pts] of g.series) {
      const r = riseTest(kind, dir, pts, pts.length - 1, st);
      if (typeof r === 'string') {
        skip(ctx, 'rising-trend', ind.code, subject, r);
        continue;
      }
      tests.push({
        rule: 'rising-trend',
        p: r.p,
        gate: r.p <= st.alpha,
        build: (q, n) => {
          const name = subjectName(ctx, subject);
          const wv = windowValue(ind, pts, r);
          const bv = baselineValue(ind, r);
          const from = pts[r.startPos].period;
          const to = pts[r.endPos].period;
          const span = from === to ? to : `${from}–${to}`;
          const bFrom = pts[r.baselineStart].period;
          const bTo = pts[r.baselineEnd - 1].period;
          return {
            rule: 'rising-trend',
            quadrant,
            indicators: [ind.code],
            subjects: [subject],
            period: to,
            p: r.p,
            q,
            z: round(r.z),
            effect: round(r.effect),
            severity: severityOf(q, r.effect, ctx.settings.severity),
            // No period in the key: a trend that continues next quarter updates the same signal
            // (the window start moves with the chosen window, so it would not be stable either).
            dedupeKey: `rising-trend|${ind.code}|${subject}`,
            title: both((l) => (l === 'nl' ? `${indName(ind, l)} ${riseWord(ind, l)} in ${name}` : `${indName(ind, l)} ${riseWord(ind, l)} in ${name}`)),
            explanation: both((l) =>
              (l === 'nl'
                ? `${indName(ind, l)} in ${name} was in ${span} ${valueText(ind, wv, l)}, tegen ${valueText(ind, bv, l)} in de ${r.baselineN} perioden daarvoor (${bFrom}–${bTo})` +
                  `${wv === null || kind === 'mean' ? '' : `: ${pct(r.effect, l)} ${worseWord(ind, l)}`}. ` +
                  `Dat is meer dan de gewone schommelingen van deze reeks verklaren${r.overdispersed ? ' (rekening houdend met de extra spreiding van deze reeks)' : ''}; dat het een echte verandering is, is ${certainty(r.p, l)}. `
                : `${indName(ind, l)} in ${name} was ${valueText(ind, wv, l)} in ${span}, against ${valueText(ind, bv, l)} in the ${r.baselineN} periods before (${bFrom}–${bTo})` +
                  `${wv === null || kind === 'mean' ? '' : `: ${pct(r.effect, l)} ${worseWord(ind, l)}`}. ` +
                  `That is more than the usual fluctuation of this series explains${r.overdispersed ? ' (allowing for its extra variability)' : ''}; that it is a real change is ${certainty(r.p, l)}. `) +
              fdrSentence(q, n, l),
            ),
            question: both((l) => trendQuestion(ind, quadrant, name, l)),
            evidence: seriesEvidence(ind, subject, pts, r, st.alpha),
          };
        },
      });
    }
  }
  return tests;
}

// ------------------------------------------------------------------ 3. leading-indicator

function leadQuestion(leader: IndicatorMeta, follower: IndicatorMeta, l: Lang): string {
  const eviction = /evict|uitzet/i.test(follower.code);
  const debt = /debt|schuld|arrear|achterstand/i.test(leader.code);
  if (eviction && debt)
    return l === 'nl'
      ? 'Kunnen we afspraken maken met de woningcorporatie om huisuitzettingen door betalingsachterstanden te voorkomen? ' + quadrantLine('IV', l)
      : 'Can we make agreements with the housing corporation to prevent evictions caused by payment arrears? ' + quadrantLine('IV', l);
  return l === 'nl'
    ? `Kunnen we afspraken maken met de betrokken organisaties zodat een stijging van ${lc(indName(leader, l))} niet uitmondt in meer ${lc(indName(follower, l))}? ` + quadrantLine('IV', l)
    : `Can we make agreements with the organisations involved so that a rise in ${lc(indName(leader, l))} does not end in more ${lc(indName(follower, l))}? ` + quadrantLine('IV', l);
}

export function leadingIndicator(ctx: Context): Test[] {
  const st = ctx.settings.leadingIndicator;
  const trend = ctx.settings.risingTrend;
  const tests: Test[] = [];
  for (const lg of ctx.groups) {
    const leader = lg.ind;
    for (const pair of leader.leadsTo) {
      const fg = ctx.groups.find((g) => g.ind.code === pair.indicator && g.granularity === lg.granularity);
      if (!fg) {
        skip(ctx, 'leading-indicator', leader.code, undefined, `follower ${pair.indicator} has no ${lg.granularity} data`);
        continue;
      }
      const follower = fg.ind;
      const maxLag = pair.maxLag > 0 ? pair.maxLag : st.defaultMaxLag;
      for (const [subject, fpts] of fg.series) {
        const lpts = lg.series.get(subject);
        if (!lpts) {
          skip(ctx, 'leading-indicator', follower.code, subject, `no ${leader.code} series for this subject`);
          continue;
        }
        const fr = riseTest(modelKind(follower), worseDir(follower), fpts, fpts.length - 1, trend);
        if (typeof fr === 'string') {
          skip(ctx, 'leading-indicator', follower.code, subject, fr);
          continue;
        }
        const end = fpts[fpts.length - 1].periodIndex;
        let best: { r: RiseTest; lag: number } | null = null;
        let tried = 0;
        // Leader window ends 1..maxLag periods before the follower's last period.
        let pos = lpts.length - 1;
        for (let lag = 1; lag <= maxLag; lag++) {
          while (pos >= 0 && lpts[pos].periodIndex > end - lag) pos--;
          if (pos < 0) break;
          if (lpts[pos].periodIndex !== end - lag) continue;
          const lr = riseTest(modelKind(leader), worseDir(leader), lpts, pos, trend);
          if (typeof lr === 'string') continue;
          tried++;
          if (!best || lr.pWindow < best.r.pWindow) best = { r: lr, lag };
        }
        if (!best) {
          skip(ctx, 'leading-indicator', leader.code, subject, 'leader series too short before the lag window');
          continue;
        }
        const pLeader = Math.min(1, best.r.p * tried);
        // Intersection–union test: both must have risen, so the pair's p is the larger one.
        const p = Math.max(pLeader, fr.p);
        const lag = best.lag;
        const lr = best.r;
        tests.push({
          rule: 'leading-indicator',
          p,
          gate: pLeader <= st.leaderAlpha && fr.p <= st.followerAlpha,
          build: (q, n) => {
            const name = subjectName(ctx, subject);
            const lspan = `${lpts[lr.startPos].period}–${lpts[lr.endPos].period}`;
            const fspan = `${fpts[fr.startPos].period}–${fpts[fr.endPos].period}`;
            const lwv = windowValue(leader, lpts, lr);
            const fwv = windowValue(follower, fpts, fr);
            const eff = (v: number | null, r: RiseTest, l: Lang): string => (v === null ? '' : ` (${pct(r.effect, l)} ${l === 'nl' ? 'boven het eigen niveau' : 'above its own level'})`);
            const effect = Math.min(lr.effect, fr.effect);
            return {
              rule: 'leading-indicator',
              quadrant: 'IV',
              indicators: [leader.code, follower.code],
              subjects: [subject],
              period: fpts[fpts.length - 1].period,
              p,
              q,
              z: round(Math.min(lr.z, fr.z)),
              effect: round(effect),
              severity: severityOf(q, effect, ctx.settings.severity),
              // Leader/follower pair in one area is one issue; no period in the key.
              dedupeKey: `leading-indicator|${leader.code}>${follower.code}|${subject}`,
              title: both((l) =>
                l === 'nl'
                  ? `${indName(leader, l)} gevolgd door ${lc(indName(follower, l))} in ${name}`
                  : `${indName(leader, l)} followed by ${lc(indName(follower, l))} in ${name}`,
              ),
              explanation: both((l) =>
                (l === 'nl'
                  ? `In ${name} steeg eerst ${lc(indName(leader, l))} (${lspan}: ${valueText(leader, lwv, l)}${eff(lwv, lr, l)}), en binnen ${lag} ${lag === 1 ? 'periode' : 'perioden'} daarna ook ${lc(indName(follower, l))} (${fspan}: ${valueText(follower, fwv, l)}${eff(fwv, fr, l)}). ` +
                    `Dat past bij het bekende verband tussen deze twee. Dat beide stijgingen meer zijn dan toeval, is ${certainty(p, l)}. `
                  : `In ${name}, ${lc(indName(leader, l))} rose first (${lspan}: ${valueText(leader, lwv, l)}${eff(lwv, lr, l)}), and within ${lag} ${lag === 1 ? 'period' : 'periods'} ${lc(indName(follower, l))} rose too (${fspan}: ${valueText(follower, fwv, l)}${eff(fwv, fr, l)}). ` +
                    `That fits the known link between the two. That both rises are more than chance is ${certainty(p, l)}. `) +
                fdrSentence(q, n, l),
              ),
              question: both((l) => leadQuestion(leader, follower, l)),
              evidence: {
                kind: 'leader-follower',
                subject,
                lag,
                leader: seriesEvidence(leader, subject, lpts, lr, trend.alpha),
                follower: seriesEvidence(follower, subject, fpts, fr, trend.alpha),
              },
            };
          },
        });
      }
    }
  }
  return tests;
}

// ------------------------------------------------------------------ 4. systemic-pattern

/** Period index of an annotation in a granularity (ISO date or period label). */
export function annotationIndex(a: AnnotationMeta, gran: Granularity): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(a.date);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    return gran === 'year' ? y : gran === 'quarter' ? y * 4 + Math.floor(mo / 3) : y * 12 + mo;
  }
  const p = periodIndexOf(a.date);
  if (!p) return null;
  if (p.granularity === gran) return p.periodIndex;
  // Coarser label in a finer granularity: take its first sub-period; finer in coarser: its parent.
  const year = p.granularity === 'year' ? p.periodIndex : p.granularity === 'quarter' ? Math.floor(p.periodIndex / 4) : Math.floor(p.periodIndex / 12);
  const month = p.granularity === 'year' ? 0 : p.granularity === 'quarter' ? (p.periodIndex % 4) * 3 : p.periodIndex % 12;
  return gran === 'year' ? year : gran === 'quarter' ? year * 4 + Math.floor(month / 3) : year * 12 + month;
}

export function systemicPattern(ctx: Context): Test[] {
  const st = ctx.settings.systemicPattern;
  const trend = ctx.settings.risingTrend;
  const tests: Test[] = [];
  for (const g of ctx.groups) {
    const ind = g.ind;
    const kind = modelKind(ind);
    const dir = worseDir(ind);
    const byPeer = new Map<string, string[]>();
    for (const subject of g.series.keys()) {
      const meta = ctx.subjects.get(subject);
      if (!meta) continue;
      const list = byPeer.get(meta.peerGroup);
      if (list) list.push(subject);
      else byPeer.set(meta.peerGroup, [subject]);
    }
    for (const [peerGroup, subjects] of byPeer) {
      let latest = -Infinity;
      for (const s of subjects) latest = Math.max(latest, g.series.get(s)![g.series.get(s)!.length - 1].periodIndex);
      for (let back = 0; back < st.lookback; back++) {
        const t = latest - back;
        const areas: { subject: string; r: RiseTest; rose: boolean }[] = [];
        let label = '';
        for (const s of subjects) {
          const pts = g.series.get(s)!;
          let pos = pts.length - 1;
          while (pos >= 0 && pts[pos].periodIndex > t) pos--;
          if (pos < 0 || pts[pos].periodIndex !== t) continue;
          label = pts[pos].period;
          const r = riseTest(kind, dir, pts, pos, { ...trend, windows: [1] });
          if (typeof r === 'string') continue;
          areas.push({ subject: s, r, rose: r.p <= st.areaAlpha });
        }
        if (areas.length < st.minAreas) {
          if (back === 0) skip(ctx, 'systemic-pattern', ind.code, undefined, `peer group ${peerGroup}: only ${areas.length} areas with a testable series, need ${st.minAreas}`);
          continue;
        }
        const k = areas.filter((a) => a.rose).length;
        const share = k / areas.length;
        // Under no systemic shift each area "rises" with probability ≤ areaAlpha (exact tests are conservative).
        const p = binomialUpperTail(k, areas.length, st.areaAlpha);
        const effect = median(areas.map((a) => (Number.isFinite(a.r.effect) ? a.r.effect : 10)));
        const period = label;
        tests.push({
          rule: 'systemic-pattern',
          p,
          gate: share >= st.minShare,
          build: (q, n) => {
            const annotations = ctx.annotations.filter((a) => {
              if (a.indicators.length && !a.indicators.includes(ind.code)) return false;
              const ai = annotationIndex(a, g.granularity);
              return ai !== null && ai <= t && ai >= t - st.annotationWindow;
            });
            const groupName = subjectName(ctx, ctx.subjects.get(subjects[0])?.municipality ?? peerGroup);
            const areasWord = (l: Lang): string => peersWord(ctx, subjects[0], l);
            const ann = annotations[0];
            const evidence: ShareEvidence = {
              kind: 'share',
              indicator: ind.code,
              period,
              peerGroup,
              areasTested: areas.length,
              areasRose: k,
              expectedShare: st.areaAlpha,
              share: round(share),
              areas: areas.map((a) => ({
                subject: a.subject,
                // Relative change derived from a small count is not shown.
                relativeChange: isSuppressed(ind, g.series.get(a.subject)![a.r.endPos].x, g.series.get(a.subject)![a.r.endPos].e) ? null : round(dir * a.r.effect),
                rose: a.rose,
              })),
              annotations,
            };
            return {
              rule: 'systemic-pattern',
              quadrant: 'IV',
              indicators: [ind.code],
              subjects: areas.filter((a) => a.rose).map((a) => a.subject).sort(),
              period,
              p,
              q,
              z: null,
              effect: round(effect),
              severity: severityOf(q, effect, ctx.settings.severity),
              // A shift is an event at a date: the period belongs in the key (with the peer group).
              dedupeKey: `systemic-pattern|${ind.code}|${peerGroup}|${period}`,
              title: both((l) =>
                l === 'nl'
                  ? `${indName(ind, l)} ${riseWord(ind, l)} in ${k} van de ${areas.length} ${areasWord(l)} tegelijk (${period})`
                  : `${indName(ind, l)} ${riseWord(ind, l)} in ${k} of ${areas.length} ${areasWord(l)} at once (${period})`,
              ),
              explanation: both((l) =>
                (l === 'nl'
                  ? `In ${period} was ${lc(indName(ind, l))} in ${fmt(share * 100, l, 0)}% van de ${areas.length} ${areasWord(l)} van ${groupName} duidelijk ${worseWord(ind, l)} dan in hun eigen voorgaande perioden; bij toeval zou dat in ongeveer ${fmt(st.areaAlpha * 100, l, 0)}% gebeuren. ` +
                    `Zo'n gelijktijdige verschuiving wijst eerder op een oorzaak in regels of uitvoering dan op de buurten zelf; dat het geen toeval is, is ${certainty(p, l)}. ` +
                    (ann ? `Rond die datum is vastgelegd: “${ann.text}” (${ann.date}). ` : 'Er is rond deze datum geen gebeurtenis (zoals een regelwijziging) vastgelegd. ')
                  : `In ${period}, ${lc(indName(ind, l))} was clearly ${worseWord(ind, l)} than in their own previous periods in ${fmt(share * 100, l, 0)}% of the ${areas.length} ${areasWord(l)} of ${groupName}; chance alone would give about ${fmt(st.areaAlpha * 100, l, 0)}%. ` +
                    `Such a simultaneous shift points to a cause in rules or their implementation rather than in the areas themselves; that it is not chance is ${certainty(p, l)}. ` +
                    (ann ? `Recorded around that date: “${ann.text}” (${ann.date}). ` : 'No event (such as a rule change) is recorded around this date. ')) +
                fdrSentence(q, n, l),
              ),
              question: both((l) =>
                (l === 'nl'
                  ? `Is er rond ${period} iets veranderd in regels, toegang of uitvoering${ann ? ` (zoals “${ann.text}”)` : ''} waardoor ${lc(indName(ind, l))} in zoveel ${areasWord(l)} tegelijk ${riseWord(ind, l)}? `
                  : `Did something change in rules, access or implementation around ${period}${ann ? ` (such as “${ann.text}”)` : ''} that makes ${lc(indName(ind, l))} change for the worse in so many ${areasWord(l)} at once? `) +
                quadrantLine('IV', l),
              ),
              evidence,
            };
          },
        });
      }
    }
  }
  return tests;
}

// ------------------------------------------------------------------ 5. stacked-problems

export function stackedProblems(ctx: Context, peers: readonly PeerResult[]): Test[] {
  const st = ctx.settings.stackedProblems;
  const bySubject = new Map<string, PeerResult[]>();
  for (const r of peers) {
    const list = bySubject.get(r.subject);
    if (list) list.push(r);
    else bySubject.set(r.subject, [r]);
  }
  const tests: Test[] = [];
  for (const [subject, all] of bySubject) {
    // One result per indicator (the finest granularity's latest wins if several).
    const seen = new Map<string, PeerResult>();
    for (const r of all) if (!seen.has(r.ind.code) || r.p < seen.get(r.ind.code)!.p) seen.set(r.ind.code, r);
    const list = [...seen.values()].sort((a, b) => a.p - b.p);
    const m = list.length;
    if (m < st.minIndicators) continue;
    if (new Set(list.map((r) => r.ind.quadrant)).size < st.minQuadrants) continue;
    // Best quadrant per quadrant (smallest p); for each k the k-set with the smallest maximum p that
    // covers minQuadrants quadrants: the best of the top quadrants, then the smallest remaining p's.
    const perQuadrant = new Map<Quadrant, PeerResult>();
    for (const r of list) if (!perQuadrant.has(r.ind.quadrant)) perQuadrant.set(r.ind.quadrant, r);
    const anchors = [...perQuadrant.values()].sort((a, b) => a.p - b.p).slice(0, st.minQuadrants);
    let bestP = 1;
    let bestK = 0;
    let bestSet: PeerResult[] = [];
    for (let k = Math.max(st.minIndicators, anchors.length); k <= m; k++) {
      const set = [...anchors];
      for (const r of list) {
        if (set.length >= k) break;
        if (!set.includes(r)) set.push(r);
      }
      const t = Math.max(...set.map((r) => r.p));
      if (t > st.indicatorAlpha) continue;
      // P(at least k of m independent indicators have p ≤ t).
      const pk = orderStatisticP(t, k, m);
      if (pk < bestP) {
        bestP = pk;
        bestK = k;
        bestSet = set.sort((a, b) => a.p - b.p);
      }
    }
    const p = Math.min(1, bestP * (m - st.minIndicators + 1));
    const counted = bestSet;
    const effect = bestK ? counted.reduce((a, r) => a + Math.min(r.effect, 10), 0) / bestK : 0;
    const nq = new Set(counted.map((r) => r.ind.quadrant)).size;
    tests.push({
      rule: 'stacked-problems',
      p,
      gate: bestK > 0,
      build: (q, n) => {
        const name = subjectName(ctx, subject);
        const period = counted[0].period;
        const evidence: ProfileEvidence = {
          kind: 'profile',
          subject,
          period,
          indicators: list.map((r) => ({
            indicator: r.ind.code,
            quadrant: r.ind.quadrant,
            z: round(r.z),
            p: r.p,
            value: r.value === null ? null : round(r.value),
            peerValue: round(r.peerValue),
            suppressed: r.suppressed,
            counted: counted.includes(r),
          })),
        };
        const items = (l: Lang): string =>
          counted.map((r) => `${lc(indName(r.ind, l))} (${valueText(r.ind, r.value, l)} ${l === 'nl' ? 'tegen' : 'vs'} ${valueText(r.ind, r.peerValue, l)}, ${l === 'nl' ? 'kwadrant' : 'quadrant'} ${r.ind.quadrant})`).join('; ');
        return {
          rule: 'stacked-problems',
          quadrant: 'IV',
          indicators: counted.map((r) => r.ind.code),
          subjects: [subject],
          period,
          p,
          q,
          z: round(qnorm(1 - Math.max(p, 1e-300) / 1)),
          effect: round(effect),
          severity: severityOf(q, effect, ctx.settings.severity),
          // The same area with stacked problems is one issue even if the set of indicators changes.
          dedupeKey: `stacked-problems|${subject}`,
          title: both((l) =>
            l === 'nl'
              ? `Gestapelde problematiek in ${name}: ${bestK} indicatoren uit ${nq} kwadranten tegelijk ongunstig`
              : `Stacked problems in ${name}: ${bestK} indicators from ${nq} quadrants unfavourable at once`,
          ),
          explanation: both((l) =>
            (l === 'nl'
              ? `In ${period} scoorde ${name} op ${bestK} van de ${m} vergeleken indicatoren ongunstiger dan vergelijkbare ${peersWord(ctx, subject, l)}: ${items(l)}. ` +
                `Dat zoveel indicatoren uit verschillende kwadranten tegelijk afwijken, is ${certainty(p, l)} meer dan toeval. `
              : `In ${period}, ${name} did worse than comparable ${peersWord(ctx, subject, l)} on ${bestK} of the ${m} indicators compared: ${items(l)}. ` +
                `That so many indicators from different quadrants deviate at once is ${certainty(p, l)} more than chance. `) +
            fdrSentence(q, n, l),
          ),
          question: both((l) =>
            (l === 'nl'
              ? `In ${name} stapelen problemen zich op. Hoe zorgen we dat de instanties hier samen één aanpak kiezen in plaats van ieder apart, en wat moet daarvoor aan de beleidstafel geregeld worden? `
              : `Problems are stacking up in ${name}. How do we make the organisations involved choose one joint approach here instead of each working separately, and what must the policy table arrange for that? `) +
            quadrantLine('IV', l),
          ),
          evidence,
        };
      },
    });
  }
  return tests;
}

