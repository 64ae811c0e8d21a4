/**
 * Rule 4, systemic-pattern: the same indicator shifts in the same period in many areas at once (quadrant IV).
 */
import type { Granularity } from 'contracts';
import { parsePeriodOrThrow, periodIndexAt, periodIndexOf } from '../../period';
import { binomialUpperTail, median } from '../../statistics';
import { isSuppressed, modelKind, RiseTest, riseTest, round, worseDir } from '../model';
import { both, certainty, fdrSentence, fmt, Lang, quadrantLine, riseWord, severityOf, TEXTS, worseWord } from '../text';
import type { AnnotationMeta, ShareEvidence } from '../types';
import { Context, Test, subjectName, indName, lc, peersWord, skip } from './context';

/** Period index of an annotation in a granularity (ISO date or period label; a coarser label counts from its first sub-period, a finer one in its parent). */
export function annotationIndex(a: AnnotationMeta, gran: Granularity): number | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(a.date)) return periodIndexAt(a.date, gran);
  const p = periodIndexOf(a.date);
  if (!p) return null;
  if (p.granularity === gran) return p.periodIndex;
  return periodIndexAt(parsePeriodOrThrow(a.date).start, gran);
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
                TEXTS[l].systemicPattern.title({ indicator: indName(ind, l), rise: riseWord(ind, l), k, total: areas.length, areas: areasWord(l), period }),
              ),
              explanation: both(
                (l) =>
                  TEXTS[l].systemicPattern.explanation({
                    period,
                    indicator: lc(indName(ind, l)),
                    share: fmt(share * 100, l, 0),
                    total: areas.length,
                    areas: areasWord(l),
                    group: groupName,
                    worse: worseWord(ind, l),
                    chance: fmt(st.areaAlpha * 100, l, 0),
                    certainty: certainty(p, l),
                    annotation: ann ? { text: ann.text, date: ann.date } : null,
                  }) + fdrSentence(q, n, l),
              ),
              question: both(
                (l) =>
                  TEXTS[l].systemicPattern.question({ period, annotation: ann ? ann.text : null, indicator: lc(indName(ind, l)), areas: areasWord(l), rise: riseWord(ind, l) }) +
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
