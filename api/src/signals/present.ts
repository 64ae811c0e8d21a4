import type { Role, Signal, SignalEvent, SignalMember } from 'contracts';
import type { MemberRow, SignalRow } from './signals.repository';

/**
 * Evidence without any number: for the council role (docs/design.md §2: "never sees small numbers").
 * Strings that carry a count ("< 5") are dropped too; labels, codes and flags remain.
 */
export function stripNumbers(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripNumbers);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'number') continue;
      if (typeof x === 'string' && /^<\s*\d/.test(x)) continue;
      out[k] = stripNumbers(x);
    }
    return out;
  }
  return v;
}

export function toSignal(r: SignalRow, role: Role | null, history?: SignalEvent[]): Signal & { patternActive: boolean; effect: unknown; resolvedAt: string | null } {
  const council = role === 'council';
  return {
    id: r.id,
    rule: r.rule,
    quadrant: r.quadrant,
    indicators: r.indicators,
    subjects: r.subjects,
    period: r.period,
    severity: r.severity,
    status: r.status,
    title: r.title,
    explanation: r.explanation,
    question: r.question,
    strength: council ? {} : r.strength,
    evidence: council ? stripNumbers(r.evidence) : r.evidence,
    effect: r.effect === null ? null : council ? { direction: r.effect.direction, persists: r.effect.persists, decidedAt: r.effect.decidedAt } : r.effect,
    patternActive: r.pattern_active,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    ...(history ? { history } : {}),
    groupId: r.group_id ?? null,
  };
}

/** A member as its group lists it (docs/design.md §4b). */
export function toMember(r: MemberRow): SignalMember {
  return {
    id: r.id,
    rule: r.rule,
    indicators: r.indicators,
    subjects: r.subjects,
    period: r.period,
    status: r.status,
    title: r.title,
    quadrant: r.quadrant,
    severity: r.severity,
  };
}
