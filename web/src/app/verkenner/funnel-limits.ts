import type { FunnelView } from 'contracts';

/**
 * The explorer's funnel plot data. The limits come from the API (GET /observations/funnel), which
 * computes them with the signal engine's own funnel model: exact binomial / Poisson limits around
 * the pooled value, widened by τ² when the peers are overdispersed, on the full aggregates.
 */
export interface FunnelLimit {
  denominator: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelPoint {
  subject: string;
  name: string;
  denominator: number;
  /** Value as shown: a percentage (proportion), per `per` (rate). */
  value: number;
  /** 0 inside, 95 outside the 95 % limits, 998 outside the 99.8 % limits. */
  outside: 0 | 95 | 998;
  side: 'above' | 'below' | null;
}

export interface FunnelData {
  /** Pooled value on the display scale (percentage or per `per`). */
  target: number;
  points: FunnelPoint[];
  limits: FunnelLimit[];
  /** Areas hidden because of small numbers: counted, not drawn. */
  hidden: number;
}

/** The API's funnel as the chart draws it: named points, hidden ones left out (and counted). */
export function funnelData(view: FunnelView | null, names: ReadonlyMap<string, string>): FunnelData | null {
  if (!view) return null;
  const points = view.points.flatMap((p): FunnelPoint[] =>
    p.suppressed || p.denominator === null || p.value === null
      ? []
      : [{ subject: p.subject, name: names.get(p.subject) ?? p.subject, denominator: p.denominator, value: p.value, outside: p.outside, side: p.side }],
  );
  return { target: view.target, points, limits: view.limits, hidden: view.points.length - points.length };
}
