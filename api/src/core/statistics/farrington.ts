/** Farrington-style upper threshold for a count against its predicted baseline. */
import { pnormUpper, qnorm } from './distributions';

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
