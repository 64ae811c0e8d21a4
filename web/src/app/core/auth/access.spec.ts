import { can, ROLES } from 'contracts';
import { EN, NL, type CoreMessageKey } from '../i18n/messages';
import { NAV_ITEMS, navItemsFor } from '../../shell/nav-items';
import { SECTION_CAPABILITY, canUse } from './access';

/** Adding a role touches the policy, a migration and these texts (ARCHITECTURE.md "A role"): the web derives the rest. */
describe('access from the policy', () => {
  it('has a name for every role in Dutch and English', () => {
    for (const r of ROLES) {
      const key = `role.${r}` as CoreMessageKey;
      expect(NL[key]).toBeTruthy();
      expect(EN[key]).toBeTruthy();
    }
  });

  it('derives every role’s navigation from the capabilities', () => {
    for (const r of ROLES) {
      const expected = NAV_ITEMS.filter((i) => {
        const c = SECTION_CAPABILITY[i.section];
        return c === null || can(r, c);
      });
      expect(navItemsFor(r)).toEqual(expected);
    }
    expect(navItemsFor(null)).toEqual([]);
  });

  it('lets nobody without a role use anything', () => {
    expect(canUse(null, null)).toBe(false);
    expect(canUse(undefined, 'signals.read')).toBe(false);
  });
});
