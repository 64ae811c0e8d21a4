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
  /** "niet getoond (minder dan N)" with N the indicator's own minimum. */
  suppressedText: string,
): ChoroplethRow[] {
  const byArea = new Map(observations.filter((o) => o.period === period).map((o) => [o.subject, o]));
  return districts.map((d) => {
    const o = byArea.get(d.code);
    const hidden = !!o?.suppressed;
    const value = o && !hidden ? o.value : null;
    const base = o ? baseOf(o) : null;
    return {
      code: d.code,
      name: d.name,
      value,
      display: hidden ? suppressedText : value == null ? '–' : format(value),
      base: hidden ? null : base,
      small: !hidden && value != null && base != null && base < SMALL_BASE,
    };
  });
}

/**
 * Below this many people (inhabitants or respondents) a figure swings by chance: the table and
 * the tooltip mark it "uncertain" so nobody ranks an area on a handful of people.
 */
export const SMALL_BASE = 100;

/** The figure's base: its denominator (population), else its number of respondents. */
export function baseOf(o: Pick<Observation, 'denominator' | 'n'>): number | null {
  return o.denominator ?? o.n ?? null;
}

/**
 * Worst first: highest first when higher is worse (and for counts of open signals), lowest first
 * when higher is better. Areas without a value come last, by name.
 */
export function worstFirst<T extends { value: number | null; name: string }>(rows: readonly T[], higherIsBetter: boolean): T[] {
  return [...rows].sort((a, b) => {
    if (a.value == null || b.value == null) return a.value == null && b.value == null ? a.name.localeCompare(b.name, 'nl') : a.value == null ? 1 : -1;
    return (higherIsBetter ? a.value - b.value : b.value - a.value) || a.name.localeCompare(b.name, 'nl');
  });
}
