/**
 * Funnel plots as the engine draws them: exact binomial (proportions) or Poisson (counts per
 * exposure) limits around the pooled value, widened by an additive τ² on the variance-stabilised
 * scale when the peers are overdispersed (winsorised z, as in FunnelPlotR). The peer-outlier rule
 * and the explorer's funnel plot (GET /observations/funnel) share these functions.
 */
import {
  arcsine, arcsineSe, binomialFunnelLimits, inverseArcsine, overdispersion, poissonFunnelLimits, qnorm,
} from '../statistics';

export type FunnelKind = 'binomial' | 'poisson';

/**
 * Control limits at one size n (denominator, or exposure for Poisson) around theta (a proportion,
 * or events per unit of exposure), on theta's own scale.
 */
export function funnelLimitsAt(
  kind: FunnelKind, n: number, theta: number, coverage: number, tau2 = 0,
): { lower: number; upper: number } {
  const adjusted = tau2 > 0;
  if (kind === 'binomial') {
    if (!adjusted) return binomialFunnelLimits(n, theta, coverage);
    const zc = qnorm(1 - (1 - coverage) / 2);
    const y0 = arcsine(theta);
    const sd = Math.sqrt(1 / (4 * n) + tau2);
    return { lower: inverseArcsine(y0 - zc * sd), upper: inverseArcsine(y0 + zc * sd) };
  }
  const E = theta * n;
  if (!adjusted) {
    const l = poissonFunnelLimits(E, coverage);
    return { lower: l.lower * theta, upper: l.upper * theta };
  }
  const zc = qnorm(1 - (1 - coverage) / 2);
  const sd = Math.sqrt(1 / (4 * E) + tau2);
  return { lower: Math.max(0, 1 - zc * sd) ** 2 * theta, upper: (1 + zc * sd) ** 2 * theta };
}

export interface FunnelMember {
  subject: string;
  /** Events (numerator). */
  x: number;
  /** Denominator (binomial) or exposure (Poisson). */
  e: number;
}

export interface FunnelModel {
  /** Pooled value Σx / Σe. */
  theta: number;
  phi: number;
  tau2: number;
  points: { subject: string; x: number; e: number; rate: number; outside: 0 | 95 | 998; side: 'above' | 'below' | null }[];
  /** Limit curves, log-spaced over the range of sizes. */
  limits: { n: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
}

/**
 * The funnel of one peer group at one period: pooled target, overdispersion, each member against
 * the 95 % and 99.8 % limits at its own size, and the limit curves. Null with fewer than 2 members
 * or no variation to speak of.
 */
export function funnelModel(kind: FunnelKind, members: readonly FunnelMember[], options: { winsorise?: number; samples?: number } = {}): FunnelModel | null {
  const usable = members.filter((m) => m.e > 0 && m.x >= 0 && (kind === 'poisson' || m.x <= m.e));
  if (usable.length < 2) return null;
  const theta = usable.reduce((s, m) => s + m.x, 0) / usable.reduce((s, m) => s + m.e, 0);
  if (!(theta > 0) || (kind === 'binomial' && theta >= 1)) return null;
  const stabilised = usable.map((m) =>
    kind === 'binomial'
      ? { y: arcsine(m.x / m.e), y0: arcsine(theta), s: arcsineSe(m.e) }
      : { y: Math.sqrt(m.x / (theta * m.e)), y0: 1, s: 1 / (2 * Math.sqrt(theta * m.e)) },
  );
  const od = overdispersion(
    stabilised.map((v) => (v.y - v.y0) / v.s),
    stabilised.map((v) => v.s),
    { fraction: options.winsorise ?? 0.1, consistent: true },
  );
  const points = usable.map((m) => {
    const rate = m.x / m.e;
    const l95 = funnelLimitsAt(kind, m.e, theta, 0.95, od.tau2);
    const l998 = funnelLimitsAt(kind, m.e, theta, 0.998, od.tau2);
    const outside: 0 | 95 | 998 = rate > l998.upper || rate < l998.lower ? 998 : rate > l95.upper || rate < l95.lower ? 95 : 0;
    return { subject: m.subject, x: m.x, e: m.e, rate, outside, side: outside === 0 ? null : rate > theta ? ('above' as const) : ('below' as const) };
  });
  const lo = Math.max(1, Math.min(...usable.map((m) => m.e)) * 0.8);
  const hi = Math.max(lo + 1, Math.max(...usable.map((m) => m.e)) * 1.1);
  const samples = options.samples ?? 40;
  const limits: FunnelModel['limits'] = [];
  for (let i = 0; i <= samples; i++) {
    // Whole sizes: the exact binomial limits are defined for a whole number of trials.
    const n = Math.max(1, Math.round(lo * Math.pow(hi / lo, i / samples)));
    if (limits.length && limits[limits.length - 1].n === n) continue;
    const a = funnelLimitsAt(kind, n, theta, 0.95, od.tau2);
    const b = funnelLimitsAt(kind, n, theta, 0.998, od.tau2);
    limits.push({ n, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper });
  }
  return { theta, phi: od.phi, tau2: od.tau2, points, limits };
}
