import type { Severity, Signal, SignalStatus } from 'contracts';

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
/** Open this long without any action and a signal is marked, so it does not vanish in a drawer. */
export const STALE_DAYS = 28;

/** Most severe first; within a severity the oldest first. */
export function sortSignals(signals: Signal[]): Signal[] {
  return [...signals].sort(
    (a, b) =>
      (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) ||
      (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
  );
}

export function isStale(signal: Signal, now: Date): boolean {
  if (signal.status !== 'open' || !signal.createdAt) return false;
  const last = signal.updatedAt ?? signal.createdAt;
  return now.getTime() - new Date(last).getTime() > STALE_DAYS * 24 * 3600 * 1000;
}

/** Dismissed and closed need a reason (docs/design.md §4). */
export function needsComment(status: SignalStatus): boolean {
  return status === 'dismissed' || status === 'closed';
}
