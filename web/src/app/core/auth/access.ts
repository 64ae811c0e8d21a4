import type { Role } from 'contracts';

/** Which roles may use each section. The API enforces the same rules; the web only hides. */
export const SECTION_ROLES = {
  overzicht: ['admin', 'analyst', 'manager', 'council'],
  wijken: ['admin', 'analyst', 'manager'],
  verkenner: ['admin', 'analyst', 'manager'],
  signalen: ['admin', 'analyst', 'manager'],
  beleidstafel: ['admin', 'analyst', 'manager'],
  raad: ['admin', 'analyst', 'manager', 'council'],
  data: ['admin', 'analyst'],
  beheer: ['admin'],
  meldingen: ['admin', 'analyst', 'manager', 'council'],
} as const satisfies Record<string, readonly Role[]>;

export type Section = keyof typeof SECTION_ROLES;

export function canUse(role: Role | null | undefined, roles: readonly Role[] | undefined): boolean {
  if (!role) return false;
  return !roles || roles.includes(role);
}
