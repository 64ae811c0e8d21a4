/**
 * Pure statistics core of the signal engine (no framework imports).
 *
 * Formulas and test vectors: shared/reference/statistics.md.
 * Import path: `api/src/core/statistics` (this file).
 */
import binomCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import normCdf from '@stdlib/stats-base-dists-normal-cdf';
import normQuantile from '@stdlib/stats-base-dists-normal-quantile';
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';

// ---------------------------------------------------------------- distributions

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

// ---------------------------------------------------------------- funnel plots

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

// ---------------------------------------------------------------- overdispersion

/** Empirical quantile, type 7 (R default). `sorted` must be ascending. */
export function quantileSorted(sorted: readonly number[], prob: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Winsorise: clamp values to the [fraction, 1 − fraction] empirical quantiles (type 7). */
export function winsorise(values: readonly number[], fraction = 0.1): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = quantileSorted(sorted, fraction);
  const hi = quantileSorted(sorted, 1 - fraction);
  return values.map((v) => Math.min(hi, Math.max(lo, v)));
}

/** Arcsine (variance-stabilising) transform of a proportion: asin(√p). */
export function arcsine(p: number): number {
  return Math.asin(Math.sqrt(Math.min(1, Math.max(0, p))));
}

/** Standard error on the arcsine scale for denominator n: 1/(2√n). */
export function arcsineSe(n: number): number {
  return 1 / (2 * Math.sqrt(n));
}

/** Back-transform from the arcsine scale to a proportion (clamped to [0, π/2]). */
export function inverseArcsine(y: number): number {
  const c = Math.min(Math.PI / 2, Math.max(0, y));
  const s = Math.sin(c);
  return s * s;
}

export interface OverdispersionResult {
  /** Number of units. */
  n: number;
  /** Multiplicative overdispersion factor φ = Σ z_w² / n (winsorised z). */
  phi: number;
  /** Additive between-unit variance τ² (0 when nφ < n − 1). */
  tau2: number;
  /** Winsorised z-scores, input order. */
  zWinsorised: number[];
  /** True when nφ exceeds the chi-square(n−1) quantile at `testLevel` (default 0.95). */
  overdispersed: boolean;
}

/**
 * Overdispersion as in FunnelPlotR: winsorise z-scores (`fraction` each end, default 10 %),
 * φ = Σz²/n; τ² = (nφ − (n−1)) / (Σw − Σw²/Σw) with w = 1/s², τ² = 0 when nφ < n−1.
 * `z` are the unadjusted z-scores (y − target)/s and `s` their standard errors on the same scale.
 */
export function overdispersion(
  z: readonly number[],
  s: readonly number[],
  options: { fraction?: number; testLevel?: number; consistent?: boolean } = {},
): OverdispersionResult {
  const n = z.length;
  const fraction = options.fraction ?? 0.1;
  const zw = winsorise(z, fraction);
  let phi = n > 0 ? zw.reduce((acc, v) => acc + v * v, 0) / n : NaN;
  // Optional consistency correction: winsorised N(0,1) z-scores have E[z_w²] = c < 1, so the plain
  // estimate is ≈ 0.68 under no overdispersion (10 %) and τ² is biased low; dividing by c fixes that.
  if (options.consistent && fraction > 0) phi /= winsorisedNormalVariance(fraction);
  let sw = 0;
  let sw2 = 0;
  for (const si of s) {
    const w = 1 / (si * si);
    sw += w;
    sw2 += w * w;
  }
  const num = n * phi - (n - 1);
  const tau2 = num <= 0 || !(sw > 0) ? 0 : num / (sw - sw2 / sw);
  const overdispersed = n > 1 && n * phi > qchisq(options.testLevel ?? 0.95, n - 1);
  return { n, phi, tau2, zWinsorised: zw, overdispersed };
}

/** E[W²] for a standard normal winsorised at the `fraction` and 1 − `fraction` quantiles. */
export function winsorisedNormalVariance(fraction: number): number {
  const a = qnorm(1 - fraction);
  const dens = Math.exp((-a * a) / 2) / Math.sqrt(2 * Math.PI);
  return 1 - 2 * fraction - 2 * a * dens + 2 * fraction * a * a;
}

// ---------------------------------------------------------------- multiple testing

/**
 * Benjamini–Hochberg adjusted p-values, in input order:
 * adjusted p_(i) = min over j ≥ i of p_(j)·m/j, capped at 1. NaN inputs stay NaN and do not count.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pValues.length; i++) if (!Number.isNaN(pValues[i])) idx.push(i);
  const m = idx.length;
  idx.sort((a, b) => pValues[a] - pValues[b]);
  const out = pValues.map(() => NaN);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r];
    running = Math.min(running, (pValues[i] * m) / (r + 1));
    out[i] = Math.min(1, running);
  }
  return out;
}

/** Number rejected by BH at level q. */
export function bhRejections(pValues: readonly number[], q: number): number {
  return benjaminiHochberg(pValues).filter((v) => v <= q).length;
}

// ---------------------------------------------------------------- CUSUM / EWMA

export interface CusumOptions {
  /** Reference value (allowance), default 0.5. */
  k?: number;
  /** Decision interval, default 5. */
  h?: number;
  /** Fast initial response head start S_0, default 0. */
  headStart?: number;
}

export interface CusumResult {
  /** S_t per input value. */
  s: number[];
  /** 0-based index of the first S_t > h, or null. */
  alarmIndex: number | null;
}

/** Upper CUSUM S_t = max(0, S_{t−1} + x_t − k), S_0 = headStart (Lucas & Crosier 1982). */
export function cusum(values: readonly number[], options: CusumOptions = {}): CusumResult {
  const k = options.k ?? 0.5;
  const h = options.h ?? 5;
  let prev = options.headStart ?? 0;
  let alarmIndex: number | null = null;
  const s = values.map((x, i) => {
    prev = Math.max(0, prev + x - k);
    if (alarmIndex === null && prev > h) alarmIndex = i;
    return prev;
  });
  return { s, alarmIndex };
}

/** EWMA of values: E_t = λx_t + (1−λ)E_{t−1}, E_0 = start (default 0). */
export function ewma(values: readonly number[], lambda: number, start = 0): number[] {
  let prev = start;
  return values.map((x) => (prev = lambda * x + (1 - lambda) * prev));
}

// ---------------------------------------------------------------- Farrington threshold

export type PowerTransform = 'none' | '1/2' | '2/3';

export interface FarringtonInput {
  /** Predicted (baseline) count μ₀. */
  mu0: number;
  /** Standard error of the prediction (on the count scale). */
  se: number;
  /** Overdispersion φ (1 = Poisson). */
  phi: number;
  /** One-sided level: z = qnorm(1 − α). */
  alpha: number;
  /** Observed count. */
  y: number;
  power: PowerTransform;
}

export interface FarringtonResult {
  lower: number;
  upper: number;
  /** P(Y ≥ y) under the (transformed) normal approximation. */
  pValue: number;
  /** (y − μ₀)/(U − μ₀) on the count scale: > 1 means above the threshold. */
  score: number;
}

/**
 * Farrington threshold, "delta" method (surveillance::farringtonFlexible):
 * τ = φ + se²/μ₀; with power e: se_h = √(μ₀τ) (e=1), √(τ/4) (e=½), √(4/9·μ₀^(1/3)·τ) (e=⅔);
 * U = (μ₀^e + z₁₋α·se_h)^(1/e); L likewise with −, floored at 0.
 */
export function farringtonThreshold(input: FarringtonInput): FarringtonResult {
  const { mu0, se, phi, alpha, y, power } = input;
  const tau = phi + (se * se) / mu0;
  let seH: number;
  let e: number;
  switch (power) {
    case 'none':
      seH = Math.sqrt(mu0 * tau);
      e = 1;
      break;
    case '1/2':
      seH = Math.sqrt(tau / 4);
      e = 1 / 2;
      break;
    case '2/3':
      seH = Math.sqrt((4 / 9) * Math.pow(mu0, 1 / 3) * tau);
      e = 2 / 3;
      break;
  }
  const z = qnorm(1 - alpha);
  const m = Math.pow(mu0, e);
  const lowBase = m - z * seH;
  const lower = lowBase > 0 ? Math.pow(lowBase, 1 / e) : 0;
  const upper = Math.pow(m + z * seH, 1 / e);
  const pValue = pnormUpper((Math.pow(y, e) - m) / seH);
  const score = (y - mu0) / (upper - mu0);
  return { lower, upper, pValue, score };
}

// ---------------------------------------------------------------- small helpers

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
