/**
 * The small-numbers rules (docs/design.md §6, issue 9), as pure functions: which single cell is too small
 * to show, and how a withheld count reads. Who sees what is in `policy.ts` (`figures.seeSmall`,
 * `signals.seeNumbers`); the stored pattern that also hides the cells that could be worked back
 * from totals is decided in api/src/disclosure/pattern.ts with `isPrimary` below.
 */
import type { Measure } from './domain';
import type { Disclosed } from './evidence';

/** The counts of one cell that disclosure looks at. */
export interface DisclosureCounts {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
}

/**
 * Whether a cell must be hidden on its own (primary suppression): a count below the minimum — the
 * numerator, a count measure's value, a mean's number of respondents — or a proportion whose
 * complement (denominator − numerator, the people *without* the property) is below it.
 */
export function isPrimary(c: DisclosureCounts, measure: Measure, minCount: number): boolean {
  const m = minCount;
  if (m <= 0) return false;
  if (c.numerator !== null && c.numerator < m) return true;
  if (measure === 'proportion' && c.numerator !== null && c.denominator !== null && c.denominator - c.numerator < m) return true;
  if (measure === 'count' && c.value !== null && c.value < m) return true;
  if (measure === 'mean' && c.n !== null && c.n < m) return true;
  return false;
}

/**
 * The same rule on the signal engine's model form (x = count or mean, e = exposure or n): a count
 * below the minimum, a rate or proportion on fewer than the minimum, a mean of fewer respondents.
 */
export function isSmallPoint(measure: Measure, minCount: number, x: number, e: number): boolean {
  if (measure === 'mean') return e < minCount;
  return x < minCount || (measure !== 'count' && e < minCount);
}

/** How a withheld count reads: "< 5". */
export function belowMinimum(minCount: number): string {
  return `< ${minCount}`;
}

/** A count as it may be shown: the number, or "< minCount". */
export function discloseCount(count: number, minCount: number): Disclosed {
  return count < minCount ? belowMinimum(minCount) : Math.round(count);
}

/** Whether a text carries a withheld count ("< 5"): such texts are numbers too. */
export function isBelowMinimumText(s: string): boolean {
  return /^<\s*\d/.test(s);
}
