/**
 * Rule 2, rising-trend: a series rising beyond what its own history explains, in the worse direction.
 */
import type { Quadrant } from 'contracts';
import { displayScale, displayValue, isSuppressed, modelKind, Pt, RiseTest, riseTest, round, seriesEvidence, worseDir } from '../model';
import { both, certainty, collectiveSide, fdrSentence, Lang, pct, quadrantLine, riseWord, severityOf, valueText, worseWord } from '../text';
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
