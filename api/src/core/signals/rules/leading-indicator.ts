/**
 * Rule 3, leading-indicator: a leader rose and its follower follows within the lag window (quadrant IV).
 */
import { modelKind, Pt, RiseTest, riseTest, round, seriesEvidence, worseDir } from '../model';
import { both, certainty, fdrSentence, Lang, pct, quadrantLine, severityOf, TEXTS, valueText } from '../text';
import type { IndicatorMeta, RisingTrendSettings } from '../types';
import { Context, Test, subjectName, indName, lc, skip } from './context';
import { windowValue } from './rising-trend';

function leadQuestion(leader: IndicatorMeta, follower: IndicatorMeta, l: Lang): string {
  const t = TEXTS[l].leadingIndicator;
  const question =
    leader.topic === 'payment-arrears' && follower.topic === 'evictions'
      ? t.questionArrearsEvictions
      : t.question({ leader: lc(indName(leader, l)), follower: lc(indName(follower, l)) });
  return question + quadrantLine('IV', l);
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
        const fr0 = riseTest(modelKind(follower), worseDir(follower), fpts, fpts.length - 1, trend);
        if (typeof fr0 === 'string') {
          skip(ctx, 'leading-indicator', follower.code, subject, fr0);
          continue;
        }
        let fr: RiseTest = fr0;
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
        // Form 1, recent: the leader's rise ends 1..maxLag periods before the follower's rise at the end.
        let pLeader = Math.min(1, best.r.p * tried);
        let lag = best.lag;
        let lr = best.r;
        // Form 2, established (issue 11): a change point in each series — the level since some
        // period against the periods before — with the follower's shift 1..maxLag periods after the
        // leader's, anywhere in the recent part of the series (not only at its end).
        const est = establishedChain(leader, follower, lpts, fpts, trend, maxLag);
        // Intersection–union test: both must have risen, so the pair's p is the larger one. The form
        // is chosen before looking at p (established whenever the leader has a testable change
        // point, else the recent form), so no correction for trying two forms is needed.
        const pRecent = Math.max(pLeader, fr.p);
        let established = false;
        if (est) {
          established = true;
          pLeader = est.pLeader;
          fr = est.fr;
          lr = est.lr;
          lag = est.lag;
        }
        const p = established ? est!.p : pRecent;
        const pFollower = established ? est!.pFollower : fr.p;
        tests.push({
          rule: 'leading-indicator',
          p,
          gate: pLeader <= st.leaderAlpha && pFollower <= st.followerAlpha,
          build: (q, n) => {
            const name = subjectName(ctx, subject);
            const lspan = `${lpts[lr.startPos].period}–${lpts[lr.endPos].period}`;
            const fspan = `${fpts[fr.startPos].period}–${fpts[fr.endPos].period}`;
            const lwv = windowValue(leader, lpts, lr);
            const fwv = windowValue(follower, fpts, fr);
            const eff = (v: number | null, r: RiseTest, l: Lang): string => (v === null ? '' : TEXTS[l].leadingIndicator.aboveOwnLevel(pct(r.effect, l)));
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
                TEXTS[l].leadingIndicator.title({
                  leader: indName(leader, l),
                  follower: lc(indName(follower, l)),
                  area: name,
                  since: established ? lpts[lr.startPos].period : null,
                }),
              ),
              explanation: both(
                (l) =>
                  TEXTS[l].leadingIndicator.explanation({
                    area: name,
                    leader: lc(indName(leader, l)),
                    leaderSpan: lspan,
                    leaderValue: `${valueText(leader, lwv, l)}${eff(lwv, lr, l)}`,
                    follower: lc(indName(follower, l)),
                    followerSpan: fspan,
                    followerValue: `${valueText(follower, fwv, l)}${eff(fwv, fr, l)}`,
                    lag,
                    certainty: certainty(p, l),
                  }) + fdrSentence(q, n, l),
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

/**
 * The established form of a chain: the leader's best change point (the level of its last w periods
 * against the periods before, for every w the baseline allows, Bonferroni over w); then the
 * follower's level from 1..maxLag periods after that change point against its periods before
 * (Bonferroni over the lags). Answers null when no lag can be tested. p is the larger of the two
 * (intersection–union).
 */
function establishedChain(
  leader: IndicatorMeta,
  follower: IndicatorMeta,
  lpts: Pt[],
  fpts: Pt[],
  trend: RisingTrendSettings,
  maxLag: number,
): { p: number; pLeader: number; pFollower: number; lr: RiseTest; fr: RiseTest; lag: number } | null {
  const longest = Math.max(1, Math.min(12, lpts.length - trend.minBaselinePeriods));
  const lr = riseTest(modelKind(leader), worseDir(leader), lpts, lpts.length - 1, { ...trend, windows: Array.from({ length: longest }, (_, i) => i + 1) });
  if (typeof lr === 'string') return null;
  const change = lpts[lr.startPos].periodIndex;
  const fEnd = fpts[fpts.length - 1].periodIndex;
  let best: { r: RiseTest; lag: number } | null = null;
  let tried = 0;
  for (let lag = 1; lag <= maxLag; lag++) {
    const w = fEnd - (change + lag) + 1;
    if (w < 1) break;
    const r = riseTest(modelKind(follower), worseDir(follower), fpts, fpts.length - 1, { ...trend, windows: [w] });
    if (typeof r === 'string') continue;
    tried++;
    if (!best || r.pWindow < best.r.pWindow) best = { r, lag };
  }
  if (!best) return null;
  const pLeader = lr.p;
  const pFollower = Math.min(1, best.r.pWindow * tried);
  return { p: Math.max(pLeader, pFollower), pLeader, pFollower, lr, fr: best.r, lag: best.lag };
}
