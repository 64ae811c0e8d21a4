/** Overdispersion of a funnel: winsorised z-scores, multiplicative φ and additive τ² (Spiegelhalter), arcsine scale. */
import { qchisq, qnorm } from './distributions';

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
