/** Small helpers: combined p-values (Fisher, order statistic), mean, sum, median. */
import { binomialUpperTail, poissonLowerTail } from './distributions';
import { quantileSorted } from './overdispersion';

/** Fisher's method p-value for k independent p-values (χ² with 2k df, closed form). */
export function fisherCombined(pValues: readonly number[]): number {
  const k = pValues.length;
  if (k === 0) return 1;
  const x = -2 * pValues.reduce((acc, p) => acc + Math.log(Math.max(p, 1e-300)), 0);
  // Upper tail of χ²(2k) = P(Poisson(x/2) ≤ k − 1).
  return poissonLowerTail(k - 1, x / 2);
}

/**
 * P-value for "at least k of m independent tests have p ≤ pk" (order-statistic test):
 * P(Binomial(m, pk) ≥ k).
 */
export function orderStatisticP(pk: number, k: number, m: number): number {
  return binomialUpperTail(k, m, Math.min(1, Math.max(0, pk)));
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return quantileSorted(sorted, 0.5);
}
