/** Distribution functions (normal, χ², binomial, Poisson, Student t) on @stdlib, accurate in the far tails. */
import binomCdf from '@stdlib/stats-base-dists-binomial-cdf';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import normCdf from '@stdlib/stats-base-dists-normal-cdf';
import normQuantile from '@stdlib/stats-base-dists-normal-quantile';
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';

/** Standard normal quantile. */
export function qnorm(p: number): number {
  return normQuantile(p, 0, 1);
}

/** Standard normal cdf. */
export function pnorm(z: number): number {
  return normCdf(z, 0, 1);
}

/** Upper tail P(Z ≥ z) of the standard normal, accurate for large z. */
export function pnormUpper(z: number): number {
  return normCdf(-z, 0, 1);
}

/** Chi-square quantile. */
export function qchisq(p: number, df: number): number {
  return chisqQuantile(p, df);
}

/** P(X ≥ x) for X ~ Binomial(n, p); accurate in the far tail (regularised incomplete beta). */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return Math.min(1, Math.max(0, betainc(p, x, n - x + 1, true, false)));
}

/** P(X ≤ x) for X ~ Binomial(n, p). */
export function binomialLowerTail(x: number, n: number, p: number): number {
  if (x < 0) return 0;
  if (x >= n) return 1;
  return binomCdf(x, n, p);
}

/** P(X ≥ x) for X ~ Poisson(mu); accurate in the far tail (regularised incomplete gamma). */
export function poissonUpperTail(x: number, mu: number): number {
  if (x <= 0) return 1;
  if (mu <= 0) return 0;
  return Math.min(1, Math.max(0, gammainc(mu, x, true, false)));
}

/** P(X ≤ x) for X ~ Poisson(mu). */
export function poissonLowerTail(x: number, mu: number): number {
  if (x < 0) return 0;
  if (mu <= 0) return 1;
  return Math.min(1, Math.max(0, gammainc(mu, x + 1, true, true)));
}

/** Upper tail P(T ≥ t) of Student's t with df degrees of freedom. */
export function studentTUpper(t: number, df: number): number {
  if (!Number.isFinite(t)) return t > 0 ? 0 : 1;
  const half = 0.5 * betainc(df / (df + t * t), df / 2, 0.5, true, false);
  return t >= 0 ? half : 1 - half;
}
