/**
 * Data preparation and the shared "rise" test used by rising-trend, leading-indicator and
 * systemic-pattern. Pure functions.
 */
import { isSmallPoint } from 'contracts';
import {
  binomialLowerTail,
  binomialUpperTail,
  farringtonThreshold,
  qchisq,
  qnorm,
  studentTUpper,
} from '../statistics';
import type { IndicatorMeta, ObservationPoint, RisingTrendSettings, SeriesEvidence, SeriesPoint } from './types';

/** One observation in model form. Poisson-type measures: x = count, e = exposure. Means: x = mean, e = n. */
export interface Pt {
  period: string;
  periodIndex: number;
  x: number;
  e: number;
}

export type Kind = 'poisson' | 'binomial' | 'mean';

export function modelKind(ind: IndicatorMeta): Kind {
  if (ind.measure === 'mean') return 'mean';
  if (ind.measure === 'proportion') return 'binomial';
  return 'poisson';
}

/** +1 when higher is worse, −1 when higher is better. */
export function worseDir(ind: IndicatorMeta): 1 | -1 {
  return ind.polarity === 'higher-is-better' ? -1 : 1;
}

/** Factor from x/e to the display value: percentage, per `per`, or 1. */
export function displayScale(ind: IndicatorMeta): number {
  if (ind.measure === 'proportion') return 100;
  if (ind.measure === 'rate') return ind.per ?? 1000;
  return 1;
}

export function displayUnit(ind: IndicatorMeta): string {
  if (ind.measure === 'proportion') return '%';
  if (ind.measure === 'rate') return `per ${ind.per ?? 1000}`;
  if (ind.measure === 'mean') return 'mean';
  return 'count';
}

/**
 * Convert an observation to model form, or give the reason it cannot be used.
 * proportion/rate need numerator and denominator (a value with a denominator is converted back:
 * proportions give their value as a percentage 0–100); counts use numerator ?? value with
 * exposure denominator ?? 1; means need value and n.
 */
export function toPt(ind: IndicatorMeta, o: ObservationPoint): Pt | string {
  const base = { period: o.period, periodIndex: o.periodIndex };
  switch (ind.measure) {
    case 'mean':
      if (o.value === null || !Number.isFinite(o.value)) return 'missing value';
      if (o.n === null || !(o.n > 0)) return 'mean without number of respondents (n)';
      return { ...base, x: o.value, e: o.n };
    case 'count': {
      const x = o.numerator ?? o.value;
      if (x === null || !(x >= 0)) return 'missing count';
      const e = o.denominator ?? 1;
      if (!(e > 0)) return 'denominator is zero';
      return { ...base, x, e };
    }
    case 'proportion':
    case 'rate': {
      const e = o.denominator;
      if (e === null || !(e > 0)) return 'missing denominator';
      let x = o.numerator;
      if (x === null && o.value !== null) {
        if (ind.measure === 'rate') x = (o.value * e) / (ind.per ?? 1000);
        // Data convention: a proportion's value is a percentage (0–100); 0.8 means 0.8 %, not 80 %.
        else x = (o.value / 100) * e;
        x = Math.round(x);
      }
      if (x === null || !(x >= 0)) return 'missing numerator';
      return { ...base, x: Math.min(x, ind.measure === 'proportion' ? e : Infinity), e };
    }
  }
}

/** Display value of a point or aggregate (x/e × scale; means as is). */
export function displayValue(ind: IndicatorMeta, x: number, e: number): number {
  return ind.measure === 'mean' ? x : (x / e) * displayScale(ind);
}

/** Whether a point's value may be shown: counts (and derived rates) below minCount are suppressed, as are means of fewer than minCount respondents. */
export function isSuppressed(ind: IndicatorMeta, x: number, e: number): boolean {
  return isSmallPoint(ind.measure, ind.minCount, x, e);
}

// ------------------------------------------------------------------ rise test

export interface RiseTest {
  /** One-sided p in the worse direction, Bonferroni-corrected over the windows tried. */
  p: number;
  /** Raw p of the best window. */
  pWindow: number;
  window: number;
  /** Index into points of the first point of the window / of the end point. */
  startPos: number;
  endPos: number;
  baselineStart: number;
  baselineEnd: number;
  observed: number;
  expected: number;
  /** Relative excess in worse direction (Poisson), or standardised difference (means). */
  effect: number;
  z: number;
  /** Baseline level (θ for Poisson-type, mean for means) and dispersion. */
  level: number;
  phi: number;
  sdUnit: number;
  baselineN: number;
  /** Baseline total count (Poisson-type) or respondents (means). */
  baselineTotal: number;
  overdispersed: boolean;
}

const chisq95 = new Map<number, number>();
function chisq95Of(df: number): number {
  let v = chisq95.get(df);
  if (v === undefined) {
    v = qchisq(0.95, df);
    chisq95.set(df, v);
  }
  return v;
}

/** Position of the first point with periodIndex ≥ idx (points sorted ascending). */
function lowerBound(points: readonly Pt[], idx: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].periodIndex < idx) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Test whether the last `w` periods ending at points[endPos] are worse than the series' own
 * baseline (the up to maxBaselinePeriods periods before the window), for each window in
 * settings.windows; returns the best window (Bonferroni over windows), or a skip reason.
 *
 * Poisson/binomial: exact conditional test X_recent | X_total ~ Bin(X_total, E_r/(E_r+E_b)),
 * which accounts for the uncertainty of the baseline; when the baseline is overdispersed
 * (Pearson χ² test at 5 %) the quasi-Poisson Farrington threshold (⅔ power) with φ instead.
 * Means: t-test of the respondent-weighted window mean against the baseline with a quasi
 * variance per respondent estimated from the baseline (df = b − 1).
 */
export function riseTest(
  kind: Kind,
  dir: 1 | -1,
  points: readonly Pt[],
  endPos: number,
  s: Pick<RisingTrendSettings, 'windows' | 'minBaselinePeriods' | 'maxBaselinePeriods'>,
): RiseTest | string {
  const end = points[endPos].periodIndex;
  let best: RiseTest | null = null;
  let tried = 0;
  let shortest = Infinity;
  for (const w of s.windows) {
    const startPos = lowerBound(points, end - w + 1, endPos + 1);
    const baselineEnd = startPos; // exclusive
    const baselineStart = lowerBound(points, end - w + 1 - s.maxBaselinePeriods, baselineEnd);
    const b = baselineEnd - baselineStart;
    shortest = Math.min(shortest, b);
    if (b < s.minBaselinePeriods) continue;
    tried++;
    const r = kind === 'mean' ? meanWindow(points, dir, startPos, endPos, baselineStart, baselineEnd) : poissonWindow(points, dir, startPos, endPos, baselineStart, baselineEnd);
    if (r && (best === null || r.pWindow < best.pWindow)) best = { ...r, window: w };
  }
  if (tried === 0) return `short series: ${Number.isFinite(shortest) ? shortest : 0} baseline periods, need ${s.minBaselinePeriods}`;
  if (best === null) return 'no variation in baseline';
  best.p = Math.min(1, best.pWindow * tried);
  return best;
}

function poissonWindow(points: readonly Pt[], dir: 1 | -1, startPos: number, endPos: number, bs: number, be: number): RiseTest | null {
  let xr = 0;
  let er = 0;
  for (let i = startPos; i <= endPos; i++) {
    xr += points[i].x;
    er += points[i].e;
  }
  let xb = 0;
  let eb = 0;
  for (let i = bs; i < be; i++) {
    xb += points[i].x;
    eb += points[i].e;
  }
  const b = be - bs;
  const theta = xb / eb;
  let chi = 0;
  if (theta > 0) {
    for (let i = bs; i < be; i++) {
      const mu = theta * points[i].e;
      const d = points[i].x - mu;
      chi += (d * d) / mu;
    }
  }
  const phiRaw = b > 1 ? chi / (b - 1) : 1;
  const overdispersed = b > 1 && chi > chisq95Of(b - 1);
  const phi = overdispersed ? phiRaw : 1;
  const mu0 = theta * er;
  let p: number;
  let z: number;
  if (!overdispersed) {
    const n = Math.round(xr + xb);
    const pi = er / (er + eb);
    const xrr = Math.round(xr);
    p = dir > 0 ? binomialUpperTail(xrr, n, pi) : binomialLowerTail(xrr, n, pi);
    const sd = Math.sqrt(n * pi * (1 - pi));
    z = sd > 0 ? (dir * (xr - n * pi)) / sd : 0;
  } else {
    const se = mu0 * Math.sqrt(phi / Math.max(xb, 1));
    const f = farringtonThreshold({ mu0: Math.max(mu0, 1e-9), se, phi, alpha: 0.05, y: xr, power: '2/3' });
    p = dir > 0 ? f.pValue : 1 - f.pValue;
    z = qnorm(1 - Math.min(Math.max(p, 1e-300), 1 - 1e-16));
  }
  const effect = mu0 > 0 ? (dir * (xr - mu0)) / mu0 : xr > 0 && dir > 0 ? Infinity : 0;
  return {
    p,
    pWindow: p,
    window: 0,
    startPos,
    endPos,
    baselineStart: bs,
    baselineEnd: be,
    observed: xr,
    expected: mu0,
    effect,
    z,
    level: theta,
    phi,
    sdUnit: 0,
    baselineN: b,
    baselineTotal: xb,
    overdispersed,
  };
}

function meanWindow(points: readonly Pt[], dir: 1 | -1, startPos: number, endPos: number, bs: number, be: number): RiseTest | null {
  let nr = 0;
  let sr = 0;
  for (let i = startPos; i <= endPos; i++) {
    nr += points[i].e;
    sr += points[i].e * points[i].x;
  }
  let nb = 0;
  let sb = 0;
  for (let i = bs; i < be; i++) {
    nb += points[i].e;
    sb += points[i].e * points[i].x;
  }
  const b = be - bs;
  const mb = sb / nb;
  let ss = 0;
  for (let i = bs; i < be; i++) {
    const d = points[i].x - mb;
    ss += points[i].e * d * d;
  }
  const sigma = Math.sqrt(ss / (b - 1));
  if (!(sigma > 0)) return null;
  const mr = sr / nr;
  const t = (dir * (mr - mb)) / (sigma * Math.sqrt(1 / nr + 1 / nb));
  const p = studentTUpper(t, b - 1);
  return {
    p,
    pWindow: p,
    window: 0,
    startPos,
    endPos,
    baselineStart: bs,
    baselineEnd: be,
    observed: mr,
    expected: mb,
    effect: (dir * (mr - mb)) / sigma,
    z: t,
    level: mb,
    phi: 1,
    sdUnit: sigma,
    baselineN: b,
    baselineTotal: nb,
    overdispersed: false,
  };
}

/** Per-period expected value and worse-side threshold (display scale) for the window of a rise test. */
export function riseThreshold(kind: Kind, dir: 1 | -1, r: RiseTest, p: Pt, scale: number, alpha: number): { expected: number; threshold: number } {
  if (kind === 'mean') {
    const half = qnorm(1 - alpha) * r.sdUnit * Math.sqrt(1 / p.e + 1 / Math.max(1, r.baselineTotal));
    return { expected: r.level, threshold: r.level + dir * half };
  }
  const mu0 = r.level * p.e;
  if (!(mu0 > 0)) return { expected: 0, threshold: 0 };
  const f = farringtonThreshold({ mu0, se: mu0 * Math.sqrt(r.phi / Math.max(1, r.baselineTotal)), phi: r.phi, alpha, y: p.x, power: '2/3' });
  return { expected: (mu0 / p.e) * scale, threshold: ((dir > 0 ? f.upper : f.lower) / p.e) * scale };
}

/** Series evidence for a rise test (privacy-safe). */
export function seriesEvidence(
  ind: IndicatorMeta,
  subject: string,
  points: readonly Pt[],
  r: RiseTest,
  alpha: number,
  fromPos = Math.max(0, r.baselineStart),
): SeriesEvidence {
  const kind = modelKind(ind);
  const dir = worseDir(ind);
  const scale = displayScale(ind);
  const out: SeriesPoint[] = [];
  for (let i = fromPos; i <= r.endPos; i++) {
    const p = points[i];
    const suppressed = isSuppressed(ind, p.x, p.e);
    const sp: SeriesPoint = { period: p.period, value: suppressed ? null : round(displayValue(ind, p.x, p.e)), suppressed };
    if (i >= r.startPos) {
      const t = riseThreshold(kind, dir, r, p, scale, alpha);
      sp.expected = round(t.expected);
      sp.threshold = round(t.threshold);
    }
    out.push(sp);
  }
  return {
    kind: 'series',
    indicator: ind.code,
    subject,
    unit: displayUnit(ind),
    baseline: {
      from: points[r.baselineStart].period,
      to: points[r.baselineEnd - 1].period,
      mean: round(kind === 'mean' ? r.level : r.level * scale),
    },
    window: { from: points[r.startPos].period, to: points[r.endPos].period },
    points: out,
  };
}

export function round(v: number, digits = 4): number {
  if (!Number.isFinite(v)) return v;
  const f = Math.pow(10, digits);
  return Math.round(v * f) / f;
}

