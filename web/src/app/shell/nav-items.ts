import type { Role } from 'contracts';
import { SECTION_CAPABILITY, Section, canUse } from '../core/auth/access';
import type { MessageKey } from '../core/i18n/messages';

export interface NavItem {
  section: Section;
  path: string;
  label: MessageKey;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'overzicht', path: '/overzicht', label: 'nav.overzicht' },
  { section: 'wijken', path: '/wijken', label: 'nav.wijken' },
  { section: 'verkenner', path: '/verkenner', label: 'nav.verkenner' },
  { section: 'signalen', path: '/signalen', label: 'nav.signalen' },
  { section: 'beleidstafel', path: '/beleidstafel', label: 'nav.beleidstafel' },
  { section: 'raad', path: '/raad', label: 'nav.raad' },
  { section: 'data', path: '/data', label: 'nav.data' },
  { section: 'beheer', path: '/beheer', label: 'nav.beheer' },
  { section: 'meldingen', path: '/meldingen', label: 'nav.meldingen' },
];

export function navItemsFor(role: Role | null): NavItem[] {
  return NAV_ITEMS.filter((item) => canUse(role, SECTION_CAPABILITY[item.section]));
}
