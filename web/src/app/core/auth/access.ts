import { can, type Capability, type Role } from 'contracts';

/**
 * The capability each section needs (null: every signed-in user). Which roles have it is the
 * policy's (libs/contracts/src/policy.ts); the API enforces the same rules, the web only hides.
 */
export const SECTION_CAPABILITY = {
  overzicht: null,
  wijken: 'figures.explore',
  verkenner: 'figures.explore',
  signalen: 'signals.read',
  beleidstafel: 'meetings.read',
  raad: null,
  data: 'imports.create',
  beheer: 'users.manage',
  meldingen: null,
} as const satisfies Record<string, Capability | null>;

export type Section = keyof typeof SECTION_CAPABILITY;

/** Whether a signed-in `role` may use something that needs `capability` (null: anyone signed in). */
export function canUse(role: Role | null | undefined, capability: Capability | null | undefined): boolean {
  if (!role) return false;
  return !capability || can(role, capability);
}
