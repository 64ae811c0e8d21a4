/**
 * Shared builders for synthetic signal-engine data: the engine's table tests and the
 * `bench:signals` scenarios draw from the same generators and build indicators and areas the
 * same way (issue 10 item 8), instead of each keeping its own copy. Pure and deterministic.
 */
import type { IndicatorMeta, SubjectMeta } from './types';
import { mulberry32 } from '../statistics/random';

/** An indicator with everyday defaults: a proportion in quadrant II where higher is worse. */
export function indicatorMeta(code: string, over: Partial<IndicatorMeta> = {}): IndicatorMeta {
  return {
    code,
    name: { nl: code, en: code },
    quadrant: 'II',
    measure: 'proportion',
    polarity: 'higher-is-worse',
    subjectKind: 'area',
    per: null,
    minCount: 5,
    leadsTo: [],
    ...over,
  };
}

/** Quarter t counted from Q1 of `firstYear`: 0 → "2021-Q1", 5 → "2022-Q2". */
export function quarterLabel(t: number, firstYear = 2021): string {
  return `${firstYear + Math.floor(t / 4)}-Q${(t % 4) + 1}`;
}

/** n buurten of one municipality, codes `${prefix}0000`…, all in one peer group. */
export function neighbourhoods(n: number, prefix = 'BU0001', municipality = 'GM0001'): SubjectMeta[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `${prefix}${String(i).padStart(4, '0')}`,
    name: `Buurt ${i + 1}`,
    kind: 'area' as const,
    level: 'neighbourhood' as const,
    peerGroup: `${prefix}:neighbourhood`,
    municipality,
  }));
}

/** A Poisson draw by plain inversion from 0: exact, fine for small means (the table tests). */
export function poisson(u: () => number, mu: number): number {
  let k = 0;
  let p = Math.exp(-mu);
  let c = p;
  const x = u();
  while (x > c && k < 10000) {
    k++;
    p = (p * mu) / k;
    c += p;
  }
  return k;
}

/** A standard normal draw (Box–Muller) from a uniform source. */
export function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** A seeded random source with uniform, integer, normal and Poisson draws (the benchmarks). */
export class Rng {
  private readonly u: () => number;
  private spare: number | null = null;
  constructor(seed: number) {
    this.u = mulberry32(seed);
  }
  uniform(): number {
    return this.u();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.u() * (hi - lo + 1));
  }
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.u();
    const v = this.u();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  /** Exact Poisson by inversion (fine for the means used here). */
  poisson(mu: number): number {
    if (mu <= 0) return 0;
    if (mu > 500) return Math.max(0, Math.round(mu + Math.sqrt(mu) * this.normal()));
    // Inversion from the mode keeps it O(√μ) and avoids underflow of e^{−μ}.
    const u = this.u();
    let k = Math.floor(mu);
    const logp = -mu + k * Math.log(mu) - lgamma(k + 1);
    const pk = Math.exp(logp);
    let cdfLow = poissonCdf(k - 1, mu);
    if (u >= cdfLow && u < cdfLow + pk) return k;
    if (u < cdfLow) {
      let p = pk;
      while (k > 0) {
        p = (p * k) / mu;
        k--;
        cdfLow -= p;
        if (u >= cdfLow) return k;
      }
      return 0;
    }
    let c = cdfLow + pk;
    let p = pk;
    for (;;) {
      k++;
      p = (p * mu) / k;
      c += p;
      if (u < c || p < 1e-300) return k;
    }
  }
  /** Exact binomial by inversion for small np, else Poisson-corrected normal (n·p·q > 200 only). */
  binomial(n: number, p: number): number {
    if (p <= 0 || n <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    if (n * p * (1 - p) > 200) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal())));
    const q = 1 - p;
    const s = p / q;
    const a = (n + 1) * s;
    let r = Math.pow(q, n);
    let u = this.u();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) return n;
      r *= a / x - s;
    }
    return x;
  }
}

function lgamma(x: number): number {
  // Stirling series, accurate for x ≥ 1 to ~1e-10 after shifting.
  let shift = 0;
  while (x < 8) {
    shift -= Math.log(x);
    x += 1;
  }
  const x2 = 1 / (x * x);
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + (1 / x) * (1 / 12 - x2 * (1 / 360 - x2 / 1260));
}

function poissonCdf(k: number, mu: number): number {
  if (k < 0) return 0;
  let p = Math.exp(-mu);
  let c = p;
  for (let i = 1; i <= k; i++) {
    p = (p * mu) / i;
    c += p;
  }
  return c;
}

