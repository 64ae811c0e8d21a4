/**
 * Decisions and other dated events on a chart over periods (issue 15): one vertical line at the
 * period an event takes effect; one later than the data is drawn dotted at the last period with
 * "na de laatste gegevens" added to its label. Used by the Verkenner's series and by a signal's
 * evidence in the brief.
 */

// Where a dated event goes on a period axis is shared with the API's brief charts (contracts).
import { annotationPeriod, periodEnd, placeAnnotation } from 'contracts';
export { annotationPeriod, periodEnd, placeAnnotation };

/** A dated event on a chart: its date (YYYY-MM-DD or a period label) and its label. */
export interface DatedMark {
  date: string;
  text: string;
}

/** The echarts mark-line entries for these events on an axis of `periods` (sorted). */
export function decisionMarks(events: DatedMark[], periods: string[], afterData: string): Record<string, unknown>[] {
  return events.flatMap((a) => {
    const place = placeAnnotation(a.date, periods);
    if (!place) return [];
    const text = place.afterData ? `${a.text} (${afterData})` : a.text;
    return [
      {
        xAxis: place.period,
        name: text,
        // Above the line, read horizontally and ending at the line (decisions sit mostly at the newest
        // periods, on the right): the chart keeps `MARK_ROOM` free above its plot for it.
        label: { formatter: text, position: 'end', align: 'right', width: 320, overflow: 'break', lineHeight: 14 },
        ...(place.afterData ? { lineStyle: { type: 'dotted', width: 2 } } : {}),
      },
    ];
  });
}

/** Room above a chart's plot for the labels of its marks (px). */
export const MARK_ROOM = 40;

/** The series property that draws the marks (nothing when there are none). */
export function markLineOf(marks: Record<string, unknown>[]): Record<string, unknown> {
  return marks.length
    ? { markLine: { symbol: 'none', silent: false, lineStyle: { type: 'dashed', color: '#8a4b00' }, label: { color: '#5c3200' }, data: marks } }
    : {};
}

/**
 * The decisions taken on one signal at policy tables, as marks for its evidence chart: each at its
 * meeting's date (a group's decision also marks its members' charts). `label` words the decision.
 */
export function signalDecisionMarks(
  meetings: { date: string; items?: { signalId: string; decision: string | null }[] }[],
  signalIds: (string | null | undefined)[],
  label: (decision: string) => string,
): DatedMark[] {
  const ids = new Set(signalIds.filter((id): id is string => !!id));
  return meetings
    .flatMap((m) => (m.items ?? []).filter((i) => ids.has(i.signalId) && i.decision).map((i) => ({ date: m.date, text: label(i.decision!) })))
    .sort((a, b) => a.date.localeCompare(b.date));
}
