/**
 * Shapes of `Signal.evidence` as the signal engine writes them (api/src/core/signals/types.ts).
 * Kept here, not imported: the web never imports API internals. Counts may be a string
 * such as '< 5' where they fall below the disclosure minimum.
 */
export type Disclosed = number | string;

export interface FunnelEvidence {
  kind: 'funnel';
  indicator: string;
  period: string;
  from: string;
  unit: string;
  target: number;
  coverage: number;
  overdispersion: { phi: number; tau2: number; adjusted: boolean };
  points: { subject: string; denominator: Disclosed | null; value: number | null; suppressed: boolean; highlighted: boolean }[];
  limits: { denominator: number; lower: number; upper: number }[];
}
export interface SeriesEvidence {
  kind: 'series';
  indicator: string;
  subject: string;
  unit: string;
  baseline: { from: string; to: string; mean: number | null };
  window: { from: string; to: string };
  points: { period: string; value: number | null; suppressed: boolean; expected?: number | null; threshold?: number | null }[];
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
  annotations: { date: string; indicators: string[]; text: string }[];
}
export interface ProfileEvidence {
  kind: 'profile';
  subject: string;
  period: string;
  indicators: {
    indicator: string;
    quadrant: string;
    z: number;
    p: number;
    value: number | null;
    peerValue: number | null;
    suppressed: boolean;
    counted: boolean;
  }[];
}
export type Evidence = FunnelEvidence | SeriesEvidence | LeaderFollowerEvidence | ShareEvidence | ProfileEvidence;

const KINDS = ['funnel', 'series', 'leader-follower', 'share', 'profile'];

/** The evidence when it has a known kind; anything else (null, old shapes) gives null. */
export function asEvidence(value: unknown): Evidence | null {
  if (!value || typeof value !== 'object') return null;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && KINDS.includes(kind) ? (value as Evidence) : null;
}
