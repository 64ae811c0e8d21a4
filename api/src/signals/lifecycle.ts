/** The lifecycle of a signal (docs/design.md §4, issue 4 item 5): pure rules, no framework. */
import type { Role, SignalStatus } from 'contracts';

/** Allowed moves. `dismissed` only before a decision; `closed` after a decision or by the system when the pattern ends. */
export const TRANSITIONS: Record<SignalStatus, SignalStatus[]> = {
  open: ['interpreted', 'on-agenda', 'dismissed'],
  interpreted: ['on-agenda', 'dismissed'],
  'on-agenda': ['decided', 'interpreted', 'dismissed'],
  decided: ['monitoring', 'closed'],
  monitoring: ['closed'],
  closed: [],
  dismissed: [],
};

/** Who may move a signal into each status (admins may do all; council is read-only). */
export const ROLES_FOR: Record<SignalStatus, Role[]> = {
  open: [],
  interpreted: ['manager', 'admin'],
  'on-agenda': ['manager', 'admin'],
  decided: ['manager', 'admin'],
  monitoring: ['manager', 'admin'],
  closed: ['manager', 'admin'],
  dismissed: ['analyst', 'manager', 'admin'],
};

export const COMMENT_REQUIRED: SignalStatus[] = ['dismissed', 'closed'];

/** Statuses in which a signal still asks for attention (shown as "open" in views). */
export const ACTIVE_STATUSES: SignalStatus[] = ['open', 'interpreted', 'on-agenda', 'decided', 'monitoring'];

export function canTransition(from: SignalStatus, to: SignalStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const PATTERN_ENDED = 'Patroon is verdwenen / pattern ended';
export const PATTERN_RETURNED = 'Patroon is terug / pattern returned';
export const DETECTED = 'Gevonden bij detectie / detected';
export const GROUPED = 'Onderdeel van een breder signaal / part of a broader signal';
export const UNGROUPED = 'Weer een eigen signaal: het bredere patroon is verdwenen / own signal again: the broader pattern ended';
