/**
 * Rule 5, stacked-problems: one area beyond its peers on several indicators from two or more quadrants (quadrant IV).
 */
import type { Quadrant } from 'contracts';
import { orderStatisticP, qnorm } from '../../statistics';
import { round } from '../model';
import { both, certainty, fdrSentence, Lang, quadrantLine, severityOf, TEXTS, valueText } from '../text';
import type { ProfileEvidence } from '../types';
import { Context, Test, PeerResult, subjectName, indName, lc, peersWord } from './context';

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
          counted
            .map((r) => TEXTS[l].stackedProblems.item({ indicator: lc(indName(r.ind, l)), value: valueText(r.ind, r.value, l), peerValue: valueText(r.ind, r.peerValue, l), quadrant: r.ind.quadrant }))
            .join('; ');
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
          title: both((l) => TEXTS[l].stackedProblems.title({ area: name, k: bestK, quadrants: nq })),
          explanation: both(
            (l) =>
              TEXTS[l].stackedProblems.explanation({ period, area: name, k: bestK, m, peers: peersWord(ctx, subject, l), items: items(l), certainty: certainty(p, l) }) +
              fdrSentence(q, n, l),
          ),
          question: both((l) => TEXTS[l].stackedProblems.question({ area: name }) + quadrantLine('IV', l)),
          evidence,
        };
      },
    });
  }
  return tests;
}
