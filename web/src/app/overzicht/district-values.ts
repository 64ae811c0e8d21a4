import type { AreaSummary, Observation } from 'contracts';
import type { ChoroplethRow } from './choropleth-option';

/** Periods present in the observations, oldest first. */
/** The wanted period when there is data for it, else the latest one (null without data). */
export function periodOrLatest(periods: readonly string[], wanted: string | undefined): string | null {
  return wanted && periods.includes(wanted) ? wanted : (periods[periods.length - 1] ?? null);
}

export function periodsOf(observations: Observation[]): string[] {
  return [...new Set(observations.map((o) => o.period))].sort();
}

/** One row per district for the chosen period; districts without a value keep `null`. */
export function districtRows(
  districts: AreaSummary[],
  observations: Observation[],
  period: string | null,
  format: (value: number) => string,
  suppressedText = '< 5',
): ChoroplethRow[] {
  const byArea = new Map(observations.filter((o) => o.period === period).map((o) => [o.subject, o]));
  return districts.map((d) => {
    const o = byArea.get(d.code);
    const hidden = !!o?.suppressed;
    const value = o && !hidden ? o.value : null;
    return {
      code: d.code,
      name: d.name,
      value,
      display: hidden ? suppressedText : value == null ? '–' : format(value),
    };
  });
}
