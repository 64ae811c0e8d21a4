import type { Role, SignalStatus } from 'contracts';

export type SignalAction = 'interpret' | 'agenda' | 'dismiss';

const BY_ROLE: Record<Role, SignalAction[]> = {
  admin: ['interpret', 'agenda', 'dismiss'],
  manager: ['interpret', 'agenda', 'dismiss'],
  analyst: ['dismiss'],
  council: [],
};
const FINISHED: SignalStatus[] = ['decided', 'monitoring', 'closed', 'dismissed'];

/** What this role may do with a signal in this status. The API enforces the same; the web only hides. */
export function allowedActions(role: Role | null, status: SignalStatus): SignalAction[] {
  if (!role || FINISHED.includes(status)) return [];
  return BY_ROLE[role].filter((a) => !(a === 'interpret' && status !== 'open') && !(a === 'agenda' && status === 'on-agenda'));
}
