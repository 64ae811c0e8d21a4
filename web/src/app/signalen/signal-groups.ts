import type { Quadrant, Signal, SignalMember } from 'contracts';

/** Area level of a subject code (CBS codes: GM gemeente, WK wijk, BU buurt); other codes are units (schools…). */
export type SubjectLevel = 'municipality' | 'wijk' | 'buurt' | 'unit';

export function subjectLevel(code: string): SubjectLevel {
  if (/^BU/i.test(code)) return 'buurt';
  if (/^WK/i.test(code)) return 'wijk';
  if (/^GM/i.test(code)) return 'municipality';
  return 'unit';
}

export interface LevelCount {
  level: SubjectLevel;
  count: number;
}

const LEVEL_ORDER: readonly SubjectLevel[] = ['buurt', 'wijk', 'unit', 'municipality'];

/**
 * Where a group's members were seen, by level: distinct subjects per level ("ook gezien in 48
 * buurten"). Empty when all members are about the same single subject (e.g. several indicators in
 * one buurt): then the member count says it.
 */
export function seenIn(members: readonly SignalMember[]): LevelCount[] {
  const byLevel = new Map<SubjectLevel, Set<string>>();
  for (const m of members) {
    for (const code of m.subjects) {
      const level = subjectLevel(code);
      const set = byLevel.get(level) ?? new Set<string>();
      set.add(code);
      byLevel.set(level, set);
    }
  }
  const total = [...byLevel.values()].reduce((n, s) => n + s.size, 0);
  if (total <= 1) return [];
  return LEVEL_ORDER.filter((l) => byLevel.has(l)).map((level) => ({ level, count: byLevel.get(level)!.size }));
}

/** Number of members of a signal (the API's memberCount, else the members it carries). */
export function memberCount(signal: Pick<Signal, 'memberCount' | 'members'>): number {
  return signal.memberCount ?? signal.members?.length ?? 0;
}

const INDIVIDUAL: readonly Quadrant[] = ['I', 'II'];
const COLLECTIVE: readonly Quadrant[] = ['III', 'IV'];

/**
 * The escalation build-up: for a collective (III/IV) signal, the individual (I/II) signals it is
 * built from. Empty for any other signal.
 */
export function buildUp(signal: Pick<Signal, 'quadrant' | 'members'>): SignalMember[] {
  if (!COLLECTIVE.includes(signal.quadrant)) return [];
  return (signal.members ?? []).filter((m) => m.quadrant !== undefined && INDIVIDUAL.includes(m.quadrant));
}

/** The URL in a `Link: <…>; rel="next"` header (docs/design.md §4b paging), or null. */
export function nextLink(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (m && /\brel\s*=\s*"?next"?/i.test(m[2])) return m[1];
  }
  return null;
}
