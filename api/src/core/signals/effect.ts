/**
 * Monitoring phase: did the indicator move after a policy-table decision, and does the pattern persist?
 */
import type { Polarity } from 'contracts';
import { mean, studentTUpper } from '../statistics';

export interface EffectResult {
  /** mean(after) − mean(before), in the indicator's own units. */
  change: number;
  /** change / |mean(before)|, or null when the before-mean is 0. */
  relativeChange: number | null;
  direction: 'improved' | 'worsened' | 'unchanged';
  /** Two-sided p of Welch's t-test (null when there are too few values). */
  p: number | null;
  before: { n: number; mean: number };
  after: { n: number; mean: number };
}

function variance(v: readonly number[], m: number): number {
  let s = 0;
  for (const x of v) s += (x - m) ** 2;
  return v.length > 1 ? s / (v.length - 1) : 0;
}

/**
 * Compare the indicator's values after a decision with those before (Welch's t-test).
 * `direction` is 'unchanged' unless p < alpha (default 0.05); otherwise it follows the polarity.
 */
export function measureEffect(before: readonly number[], after: readonly number[], polarity: Polarity, alpha = 0.05): EffectResult {
  const b = before.filter((v) => Number.isFinite(v));
  const a = after.filter((v) => Number.isFinite(v));
  const mb = mean(b);
  const ma = mean(a);
  const change = a.length && b.length ? ma - mb : NaN;
  let p: number | null = null;
  if (a.length >= 2 && b.length >= 2) {
    const va = variance(a, ma) / a.length;
    const vb = variance(b, mb) / b.length;
    const se = Math.sqrt(va + vb);
    if (se > 0) {
      const df = (va + vb) ** 2 / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
      p = Math.min(1, 2 * studentTUpper(Math.abs(change) / se, df));
    } else p = change === 0 ? 1 : 0;
  }
  const worse = polarity === 'higher-is-worse' ? change > 0 : change < 0;
  const direction = p !== null && p < alpha && change !== 0 ? (worse ? 'worsened' : 'improved') : 'unchanged';
  return {
    change,
    relativeChange: b.length && mb !== 0 && Number.isFinite(change) ? change / Math.abs(mb) : null,
    direction,
    p,
    before: { n: b.length, mean: mb },
    after: { n: a.length, mean: ma },
  };
}

/**
 * "The pattern persists N periods after the decision": true when there are at least `periods`
 * values after the decision and each of the last `periods` is still worse than `reference`
 * (e.g. the signal's threshold or the pre-pattern baseline) in the indicator's worse direction.
 */
export function persists(after: readonly (number | null)[], reference: number, polarity: Polarity, periods: number): boolean {
  const vals = after.filter((v): v is number => v !== null && Number.isFinite(v));
  if (periods <= 0 || vals.length < periods) return false;
  return vals.slice(-periods).every((v) => (polarity === 'higher-is-worse' ? v > reference : v < reference));
}
