import type { Measure, Observation } from 'contracts';

/**
 * Funnel-plot control limits, computed in the browser for the explorer.
 *
 * This uses the normal approximation to the binomial (proportions) or Poisson (rates) around the
 * pooled value: p0 ± z·√(p0(1−p0)/n). The signal engine (api/src/core/signals) uses EXACT
 * binomial/Poisson limits with an overdispersion adjustment, so near small denominators or a
 * p0 close to 0 the engine's limits can differ slightly from these; signals are always judged
 * by the engine's limits (shown on the signal's own evidence chart).
 */
export const Z_95 = 1.959963984540054;
export const Z_998 = 3.090232306167813;

export interface FunnelLimit {
  denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** Limits for a proportion p0 (0–1) at denominator n and normal quantile z, clamped to [0, 1]. */
export function proportionLimits(p0: number, n: number, z: number): [number, number] {
  const se = Math.sqrt((p0 * (1 - p0)) / n);
  return [Math.max(0, p0 - z * se), Math.min(1, p0 + z * se)];
}

/** Limits for a Poisson rate r0 (events per unit of denominator) at denominator n. */
export function rateLimits(r0: number, n: number, z: number): [number, number] {
  const se = Math.sqrt(r0 / n);
  return [Math.max(0, r0 - z * se), r0 + z * se];
}

export interface FunnelPoint {
  subject: string;
  name: string;
  denominator: number;
  /** Value as shown: a percentage (proportion), per `per` (rate). */
  value: number;
  /** 0 inside, 95 outside the 95 % limits, 998 outside the 99.8 % limits. */
  outside: 0 | 95 | 998;
  /** Which side: above the upper limit or below the lower one. */
  side: 'above' | 'below' | null;
}

export interface FunnelData {
  /** Pooled value on the display scale (percentage or per `per`). */
  target: number;
  points: FunnelPoint[];
  limits: FunnelLimit[];
}

/**
 * The funnel for one period. Only proportions and rates have one; counts and means return null.
 * `value` of a proportion is a percentage (0–100), so the display scale is 100.
 */
export function buildFunnel(
  observations: Observation[],
  measure: Measure,
  per: number | null | undefined,
  names: Map<string, string>,
  samples = 40,
): FunnelData | null {
  if (measure !== 'proportion' && measure !== 'rate') return null;
  const scale = measure === 'proportion' ? 100 : (per ?? 1);
  const usable = observations.flatMap((o) => {
    const den = o.denominator;
    if (o.suppressed || den == null || den <= 0) return [];
    const num = o.numerator ?? (o.value != null ? (o.value / scale) * den : null);
    if (num == null) return [];
    return [{ subject: o.subject, den, num, value: o.value ?? (num / den) * scale }];
  });
  if (usable.length === 0) return null;
  const totalNum = usable.reduce((s, u) => s + u.num, 0);
  const totalDen = usable.reduce((s, u) => s + u.den, 0);
  const p0 = totalNum / totalDen;
  const limitsAt = (n: number, z: number) => (measure === 'proportion' ? proportionLimits(p0, n, z) : rateLimits(p0, n, z));

  const points = usable.map((u): FunnelPoint => {
    const p = u.num / u.den;
    const [l95, h95] = limitsAt(u.den, Z_95);
    const [l998, h998] = limitsAt(u.den, Z_998);
    const outside = p > h998 || p < l998 ? 998 : p > h95 || p < l95 ? 95 : 0;
    const side = outside === 0 ? null : p > h95 ? 'above' : 'below';
    return { subject: u.subject, name: names.get(u.subject) ?? u.subject, denominator: u.den, value: u.value, outside, side };
  });

  const minDen = Math.max(1, Math.min(...usable.map((u) => u.den)) * 0.8);
  const maxDen = Math.max(...usable.map((u) => u.den)) * 1.1;
  const limits: FunnelLimit[] = [];
  for (let i = 0; i <= samples; i++) {
    // Log-spaced: the funnel bends most at small denominators.
    const n = minDen * Math.pow(maxDen / minDen, i / samples);
    const [l95, h95] = limitsAt(n, Z_95);
    const [l998, h998] = limitsAt(n, Z_998);
    limits.push({ denominator: n, lower95: l95 * scale, upper95: h95 * scale, lower998: l998 * scale, upper998: h998 * scale });
  }
  return { target: p0 * scale, points, limits };
}
