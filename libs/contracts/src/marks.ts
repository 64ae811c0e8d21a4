/**
 * Dated events (decisions, annotations) on a chart over periods (issue 15): one vertical line at the
 * period an event takes effect; one later than the data goes at the last period, marked "na de
 * laatste gegevens". Shared by the web's charts and the API's brief charts, so both place a
 * decision alike.
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
