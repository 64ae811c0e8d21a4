import type { Role, Signal, SignalEvent, SignalMember } from 'contracts';
import { signalFiguresFor } from '../policy/disclosure';
import type { MemberRow, SignalRow } from './signals.repository';

export function toSignal(r: SignalRow, role: Role | null, history?: SignalEvent[]): Signal & { patternActive: boolean; effect: unknown; resolvedAt: string | null } {
  const figures = signalFiguresFor(role, { strength: r.strength, evidence: r.evidence, effect: r.effect });
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
    strength: figures.strength,
    evidence: figures.evidence,
    effect: figures.effect,
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
