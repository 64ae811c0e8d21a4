/**
 * The small-numbers rules the server applies (docs/design.md §6, issue 9), in one place. Which role sees
 * what comes from the policy's capabilities (libs/contracts/src/policy.ts); the pure cell rules
 * (`isPrimary`, the complement rule, "< 5") from libs/contracts/src/disclosure.ts. The disclosure
 * module (api/src/disclosure) decides and stores the pattern with them; observations, quadrants,
 * funnels, signals and alerts ask the functions below instead of looking at role names.
 */
import { can, isBelowMinimumText, type Role } from 'contracts';

export { belowMinimum, isPrimary, isSmallPoint } from 'contracts';

/** Whether answers to this role go through disclosure control: the stored pattern, rounding (everyone without `figures.seeSmall`, and systems). */
export function isRestricted(role: Role | null): boolean {
  return !can(role, 'figures.seeSmall');
}

/** Whether this role sees the figures of a signal at all; without `signals.seeNumbers` a signal is words only. */
export function seesSignalNumbers(role: Role | null): boolean {
  return can(role, 'signals.seeNumbers');
}

/** The minimum applied to an indicator: its own, never below the operator's floor (DISCLOSURE_MIN_COUNT). */
export function effectiveMin(minCount: number, floor: number): number {
  return Math.max(minCount, floor);
}

/** The highest disclosure minimum an indicator may have (above it hardly any figure would be shown). */
export const MAX_MIN_COUNT = 1000;

/**
 * The range an indicator's own minimum (`minCount`) must lie in: a whole number from the operator's
 * floor (DISCLOSURE_MIN_COUNT; only the administrator goes lower) up to `MAX_MIN_COUNT`.
 */
export function minCountRange(floor: number): { min: number; max: number } {
  return { min: floor, max: MAX_MIN_COUNT };
}

export function minCountAllowed(minCount: number, floor: number): boolean {
  const { min, max } = minCountRange(floor);
  return Number.isInteger(minCount) && minCount >= min && minCount <= max;
}

/** A count as a restricted role sees it: rounded to a multiple of `to` (DISCLOSURE_ROUND_TO; 0 or 1 = off). */
export function roundCount(v: number | null, to: number): number | null {
  if (v === null || to <= 1) return v;
  return Math.round(v / to) * to;
}

/**
 * Evidence without any number (for roles without `signals.seeNumbers`, and for any role when a
 * signal touches a hidden cell). Strings that carry a count ("< 5") are dropped too; labels, codes
 * and flags remain.
 */
export function stripNumbers(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripNumbers);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'number') continue;
      if (typeof x === 'string' && isBelowMinimumText(x)) continue;
      out[k] = stripNumbers(x);
    }
    return out;
  }
  return v;
}

export interface SignalFigures<E> {
  strength: Record<string, unknown>;
  evidence: unknown;
  effect: E | null;
}

/** A signal's figures as `role` may see them: all, or words only (the effect keeps its direction, whether it persists and when it was decided). */
export function signalFiguresFor<E extends { direction: unknown; persists: unknown; decidedAt: unknown }>(role: Role | null, f: SignalFigures<E>): SignalFigures<E | Pick<E, 'direction' | 'persists' | 'decidedAt'>> {
  if (seesSignalNumbers(role)) return f;
  return {
    strength: {},
    evidence: stripNumbers(f.evidence),
    effect: f.effect === null ? null : { direction: f.effect.direction, persists: f.effect.persists, decidedAt: f.effect.decidedAt },
  };
}
