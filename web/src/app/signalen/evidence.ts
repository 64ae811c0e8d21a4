import type { Evidence } from 'contracts';

export type {
  Disclosed, Evidence, FunnelEvidence, LeaderFollowerEvidence, ProfileEvidence, SeriesEvidence, ShareEvidence,
} from 'contracts';

const KINDS = ['funnel', 'series', 'leader-follower', 'share', 'profile'];

/** The evidence when it has a known kind; anything else (null, old shapes) gives null. */
export function asEvidence(value: unknown): Evidence | null {
  if (!value || typeof value !== 'object') return null;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && KINDS.includes(kind) ? (value as Evidence) : null;
}
