/** Funnel-plot control limits (Poisson and exact interpolated binomial, as FunnelPlotR) and outlier flags. */
import binomCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import { qchisq } from './distributions';

export interface Limits {
  lower: number;
  upper: number;
}

/**
 * Exact Poisson funnel limits for a standardised ratio (observed/expected), target 1
 * (Spiegelhalter 2005): lower = qchisq(α/2, 2E)/(2E), upper = qchisq(1−α/2, 2(E+1))/(2E).
 * `coverage` e.g. 0.95 or 0.998.
 */
export function poissonFunnelLimits(expected: number, coverage: number): Limits {
  const alpha = 1 - coverage;
  const e2 = 2 * expected;
  return {
    lower: expected > 0 ? qchisq(alpha / 2, e2) / e2 : 0,
    upper: qchisq(1 - alpha / 2, 2 * (expected + 1)) / e2,
  };
}

/**
 * Interpolated exact binomial quantile (Spiegelhalter 2005, appendix A.1.1), as a proportion:
 * r = qbinom(p, n, θ); α = (F(r) − p)/(F(r) − F(r−1)); limit = (r − α)/n.
 */
export function binomialInterpolatedQuantile(p: number, n: number, theta: number): number {
  const r = binomQuantile(p, n, theta);
  const fr = binomCdf(r, n, theta);
  const frm1 = r > 0 ? binomCdf(r - 1, n, theta) : 0;
  const denom = fr - frm1;
  const a = denom > 0 ? (fr - p) / denom : 0;
  return (r - a) / n;
}

/** Exact interpolated binomial funnel limits (proportions) for denominator n, target θ. */
export function binomialFunnelLimits(n: number, theta: number, coverage: number): Limits {
  const alpha = 1 - coverage;
  return {
    lower: Math.max(0, binomialInterpolatedQuantile(alpha / 2, n, theta)),
    upper: Math.min(1, binomialInterpolatedQuantile(1 - alpha / 2, n, theta)),
  };
}

/** Outlier flag as in FunnelPlotR: strictly outside the limits. */
export function isOutside(value: number, limits: Limits): boolean {
  return value < limits.lower || value > limits.upper;
}

/** Classify many values against fixed limits (FunnelPlotR outlier vector). */
export function classifyOutliers(values: readonly number[], limits: Limits): boolean[] {
  return values.map((v) => isOutside(v, limits));
}
