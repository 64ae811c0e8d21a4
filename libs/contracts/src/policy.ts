/**
 * The policy: which role may do and see what (issue 10 item 2). The one place that names roles;
 * the API's guard, services and the web's navigation, page guards and buttons ask `can(role, …)`.
 *
 * Adding a role = a row in `POLICY` (and its name in `ROLES`), a migration that lets the database
 * store it, and its name in the texts (`role.<name>` in web/src/app/core/i18n/messages.ts).
 */
import type { Severity, SignalStatus } from './domain';

/** Every role, most privileged first (OpenID Connect gives a user in several groups the first). */
export const ROLES = ['admin', 'analyst', 'manager', 'council'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do or see. The API enforces each one; the web hides what a role may not use. */
export const CAPABILITIES = [
  /** The area views with figures per neighbourhood: wijken, verkenner, the overview's map and table. */
  'figures.explore',
  /** Small numbers as stored: no disclosure pattern, no rounding (docs/design.md §6). Others see the stored pattern. */
  'figures.seeSmall',
  /** Figures in a signal's evidence and strength. Without it a signal shows words only (docs/design.md §2). */
  'signals.seeNumbers',
  /** The signal inbox and detail pages. */
  'signals.read',
  /** Move a signal through its lifecycle (which moves: `POLICY[role].signalMoves`). */
  'signals.transition',
  /** Give a signal an owner. */
  'signals.assign',
  /** Be a signal's owner (and be offered as one). */
  'signals.own',
  /** Get the reminders of signals nobody owns. */
  'signals.remindUnowned',
  /** Run detection, see its runs, change the signal settings. */
  'signals.detect',
  /** The policy table: meetings, agendas and briefs. */
  'meetings.read',
  /** Plan a meeting and print its brief. */
  'meetings.plan',
  /** Put signals on a meeting's agenda and record decisions. */
  'meetings.decide',
  /** Import data: files, CBS open data, StatLine mappings, the area and unit registers; see which import wrote a figure. */
  'imports.create',
  /** Edit the indicator catalogue. */
  'indicators.edit',
  /** Write context notes (annotations). */
  'annotations.create',
  /** Accounts and roles. */
  'users.manage',
  /** API keys for systems. */
  'apiKeys.manage',
  /** The audit trail. */
  'audit.read',
  /** Webhooks, deliveries and running the alert tick by hand. */
  'alerts.manage',
  /** Figures of every municipality, whatever the sign-in provider's municipality map says. */
  'scope.everywhere',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The alert subscription a new user of the role starts with (issue 13). */
export interface AlertDefault {
  mode: 'immediate' | 'daily' | 'weekly' | 'monthly' | 'off';
  /** Only the home municipality's signals. */
  home: boolean;
  includeStale: boolean;
  minSeverity: Severity;
}

export interface RolePolicy {
  capabilities: readonly Capability[];
  /** The statuses this role may move a signal into (the allowed moves are `SIGNAL_TRANSITIONS`). */
  signalMoves: readonly SignalStatus[];
  alertDefault: AlertDefault;
}

const MOVES_OF_MANAGERS: readonly SignalStatus[] = ['interpreted', 'on-agenda', 'decided', 'monitoring', 'closed', 'dismissed'];
const NO_ALERTS: AlertDefault = { mode: 'off', home: false, includeStale: false, minSeverity: 'low' };

export const POLICY: Record<Role, RolePolicy> = {
  /** Manages the installation: may do everything. */
  admin: {
    capabilities: CAPABILITIES,
    signalMoves: MOVES_OF_MANAGERS,
    alertDefault: NO_ALERTS,
  },
  /** Works with the data: imports, catalogue, detection; may dismiss a signal, not decide on it. */
  analyst: {
    capabilities: [
      'figures.explore', 'figures.seeSmall', 'signals.seeNumbers', 'signals.read', 'signals.transition', 'signals.assign', 'signals.own',
      'signals.detect', 'meetings.read', 'meetings.plan', 'imports.create', 'indicators.edit', 'annotations.create',
    ],
    signalMoves: ['dismissed'],
    alertDefault: { ...NO_ALERTS, mode: 'daily' },
  },
  /** Leads a team: interprets signals, puts them on the agenda, decides; sees figures through disclosure control. */
  manager: {
    capabilities: [
      'figures.explore', 'signals.seeNumbers', 'signals.read', 'signals.transition', 'signals.assign', 'signals.own', 'signals.remindUnowned',
      'meetings.read', 'meetings.plan', 'meetings.decide',
    ],
    signalMoves: MOVES_OF_MANAGERS,
    alertDefault: { ...NO_ALERTS, mode: 'weekly', home: true, includeStale: true },
  },
  /** Council member: the overview and the council summary, in words; never small numbers. */
  council: {
    capabilities: [],
    signalMoves: [],
    alertDefault: { ...NO_ALERTS, mode: 'monthly', home: true, minSeverity: 'medium' },
  },
};

/** Views computed for an audience rather than for the caller. */
export const AUDIENCES = {
  /** The council summary is computed as this role sees it, whoever asks. */
  councilSummary: 'council',
  /** Webhook messages (Teams, Slack, JSON) carry what this role may see. */
  webhook: 'manager',
  /** A role that sees every figure as stored: statistics computed on full data and never shown as such (a funnel's target). */
  full: 'admin',
  /** The least privileged role: assumed where no role is known. */
  least: 'council',
  /** A new account's role unless the admin picks another. */
  newUser: 'analyst',
} as const satisfies Record<string, Role>;

/** Whether `role` has `capability`; no role (a system with an API key, nobody signed in) has none. */
export function can(role: Role | null | undefined, capability: Capability): boolean {
  return !!role && (POLICY[role]?.capabilities.includes(capability) ?? false);
}

/** The roles that have `capability` (for queries such as "every active owner candidate"). */
export function rolesWith(capability: Capability): Role[] {
  return ROLES.filter((r) => can(r, capability));
}

// ------------------------------------------------------------------ signal lifecycle (docs/design.md §4)

/** Allowed moves. `dismissed` only before a decision; `closed` after a decision or by the system when the pattern ends. */
export const SIGNAL_TRANSITIONS: Record<SignalStatus, readonly SignalStatus[]> = {
  open: ['interpreted', 'on-agenda', 'dismissed'],
  interpreted: ['on-agenda', 'dismissed'],
  'on-agenda': ['decided', 'interpreted', 'dismissed'],
  decided: ['monitoring', 'closed'],
  monitoring: ['closed'],
  closed: [],
  dismissed: [],
};

/** Moves that need a comment. */
export const COMMENT_REQUIRED: readonly SignalStatus[] = ['dismissed', 'closed'];

/** Statuses in which a signal still asks for attention (shown as "open" in views). */
export const ACTIVE_STATUSES: SignalStatus[] = ['open', 'interpreted', 'on-agenda', 'decided', 'monitoring'];

/** Whether the lifecycle allows the move (whoever makes it). */
export function canTransition(from: SignalStatus, to: SignalStatus): boolean {
  return SIGNAL_TRANSITIONS[from].includes(to);
}

/** Whether `role` may move a signal into `to` at all (from some status). */
export function mayMoveInto(role: Role | null | undefined, to: SignalStatus): boolean {
  return !!role && can(role, 'signals.transition') && POLICY[role].signalMoves.includes(to);
}

/** Whether `role` may move a signal from `from` into `to` now. */
export function mayTransition(role: Role | null | undefined, from: SignalStatus, to: SignalStatus): boolean {
  return canTransition(from, to) && mayMoveInto(role, to);
}
