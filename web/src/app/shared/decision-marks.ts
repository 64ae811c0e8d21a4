/**
 * Decisions and other dated events on a chart over periods (issue 15): one vertical line at the
 * period an event takes effect; one later than the data is drawn dotted at the last period with
 * "na de laatste gegevens" added to its label. Used by the Verkenner's series and by a signal's
 * evidence in the brief.
 */

/** The x-axis period an annotation date falls in ('2024-03-15' → '2024', '2024-Q1' or '2024-03'). */
export function annotationPeriod(date: string, periods: string[]): string | null {
  if (periods.includes(date)) return date;
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const year = m[1];
  const month = m[2] ? Number(m[2]) : 1;
  const candidates = [`${year}-${String(month).padStart(2, '0')}`, `${year}-Q${Math.ceil(month / 3)}`, year];
  return candidates.find((c) => periods.includes(c)) ?? null;
}

/** The last day of a period label ('2024' → 2024-12-31, '2024-Q2' → 2024-06-30, '2024-03' → 2024-03-31). */
export function periodEnd(label: string): string | null {
  const m = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})))?$/.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) * 3 : m[3] ? Number(m[3]) : 12;
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * Where a dated event goes on a period axis: its own period; the latest period before it where
 * the axis has a gap; or, when it lies after the last period's end, at the last period marked
 * `afterData` ("na de laatste gegevens"). Before the first period: nowhere.
 */
export function placeAnnotation(date: string, periods: string[]): { period: string; afterData: boolean } | null {
  if (!periods.length) return null;
  const own = annotationPeriod(date, periods);
  if (own) return { period: own, afterData: false };
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : periodEnd(date);
  if (!day) return null;
  const last = periods[periods.length - 1];
  const lastEnd = periodEnd(last);
  if (lastEnd && day > lastEnd) return { period: last, afterData: true };
  const before = periods.filter((p) => (periodEnd(p) ?? '') < day);
  return before.length ? { period: before[before.length - 1], afterData: false } : null;
}

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
