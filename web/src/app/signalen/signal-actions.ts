import { mayTransition, SIGNAL_STATUSES, type Role, type SignalStatus } from 'contracts';

export type SignalAction = 'interpret' | 'agenda' | 'dismiss';

/** The status each button moves a signal into. */
export const ACTION_TARGET: Record<SignalAction, SignalStatus> = {
  interpret: 'interpreted',
  agenda: 'on-agenda',
  dismiss: 'dismissed',
};

const forward = (from: SignalStatus, to: SignalStatus): boolean => SIGNAL_STATUSES.indexOf(to) > SIGNAL_STATUSES.indexOf(from);

/**
 * What this role may do with a signal in this status: the moves the policy's lifecycle allows
 * this role (libs/contracts/src/policy.ts, which the API enforces; the web only hides). The
 * buttons only move a signal forward: taking it off the agenda again has no button here.
 */
export function allowedActions(role: Role | null, status: SignalStatus): SignalAction[] {
  return (Object.keys(ACTION_TARGET) as SignalAction[]).filter((a) => forward(status, ACTION_TARGET[a]) && mayTransition(role, status, ACTION_TARGET[a]));
}
