/**
 * Rule 2, rising-trend: a series rising beyond what its own history explains, in the worse direction.
 */
import type { Quadrant } from 'contracts';
import { displayScale, displayValue, isSuppressed, modelKind, Pt, RiseTest, riseTest, round, seriesEvidence, worseDir } from '../model';
import { both, certainty, collectiveSide, fdrSentence, Lang, pct, quadrantLine, riseWord, severityOf, TEXTS, valueText, worseWord } from '../text';
import type { IndicatorMeta } from '../types';
import { Context, Test, subjectName, indName, lc, skip } from './context';

export function windowValue(ind: IndicatorMeta, pts: readonly Pt[], r: RiseTest): number | null {
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
  const t = TEXTS[l].risingTrend;
  const a = { area: name, indicator: lc(indName(ind, l)), rise: riseWord(ind, l) };
  return quadrant === 'III' ? t.questionNeighbourhood(a) + quadrantLine('III', l) : t.questionPolicy(a) + quadrantLine('IV', l);
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
            title: both((l) => TEXTS[l].risingTrend.title({ indicator: indName(ind, l), rise: riseWord(ind, l), area: name })),
            explanation: both(
              (l) =>
                TEXTS[l].risingTrend.explanation({
                  indicator: indName(ind, l),
                  area: name,
                  span,
                  value: valueText(ind, wv, l),
                  baseline: valueText(ind, bv, l),
                  baselineN: r.baselineN,
                  baselineFrom: bFrom,
                  baselineTo: bTo,
                  change: wv === null || kind === 'mean' ? '' : `: ${pct(r.effect, l)} ${worseWord(ind, l)}`,
                  overdispersed: r.overdispersed,
                  certainty: certainty(r.p, l),
                }) + fdrSentence(q, n, l),
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
