import type { Quadrant } from './domain';

/**
 * Shapes of a signal's `evidence` (what its chart needs), as the signal engine writes them and
 * the web draws them. Counts below the disclosure minimum are a string such as '< 5'.
 */

/** A count or value in evidence: the number, or a string like '< 5' when it may not be shown. */
export type Disclosed = number | string;

/** An annotation (e.g. a rule change) dated near a systemic shift. */
export interface EvidenceAnnotation {
  id?: string;
  /** ISO date (yyyy-mm-dd) or a period label ('2024-Q1'). */
  date: string;
  /** Indicator codes; empty = all indicators. */
  indicators: string[];
  text: string;
}

export interface FunnelPoint {
  subject: string;
  denominator: Disclosed | null;
  /** Display value (percentage, rate per `per`, count or mean); null when suppressed. */
  value: number | null;
  suppressed: boolean;
  highlighted: boolean;
}

export interface FunnelEvidence {
  kind: 'funnel';
  indicator: string;
  /** Latest period; the comparison covers `from`–`period`. */
  period: string;
  from: string;
  unit: string;
  target: number;
  coverage: number;
  overdispersion: { phi: number; tau2: number; adjusted: boolean };
  points: FunnelPoint[];
  /** Limit curves sampled over the denominator (or n / expected) range. */
  limits: { denominator: number; lower: number; upper: number }[];
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  suppressed: boolean;
  /** Expected value from the baseline, for periods in the evaluation window. */
  expected?: number | null;
  /** Threshold (worse side) for periods in the evaluation window. */
  threshold?: number | null;
}

export interface SeriesEvidence {
  kind: 'series';
  indicator: string;
  subject: string;
  unit: string;
  baseline: { from: string; to: string; mean: number | null };
  window: { from: string; to: string };
  points: SeriesPoint[];
}

export interface LeaderFollowerEvidence {
  kind: 'leader-follower';
  subject: string;
  lag: number;
  leader: SeriesEvidence;
  follower: SeriesEvidence;
}

export interface ShareEvidence {
  kind: 'share';
  indicator: string;
  period: string;
  peerGroup: string;
  areasTested: number;
  areasRose: number;
  expectedShare: number;
  share: number;
  areas: { subject: string; relativeChange: number | null; rose: boolean }[];
  annotations: EvidenceAnnotation[];
}

export interface ProfileEvidence {
  kind: 'profile';
  subject: string;
  period: string;
  indicators: {
    indicator: string;
    quadrant: Quadrant;
    z: number;
    p: number;
    value: number | null;
    peerValue: number | null;
    suppressed: boolean;
    counted: boolean;
  }[];
}

export type Evidence = FunnelEvidence | SeriesEvidence | LeaderFollowerEvidence | ShareEvidence | ProfileEvidence;
