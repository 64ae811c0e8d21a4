import { can, ROLES } from 'contracts';
import { SECTION_CAPABILITY } from '../core/auth/access';
import { NAV_ITEMS, navItemsFor } from './nav-items';

describe('navigation from the policy', () => {
  it('derives every role’s menu from the capabilities (a new role needs no change here)', () => {
    for (const r of ROLES) {
      const expected = NAV_ITEMS.filter((i) => {
        const c = SECTION_CAPABILITY[i.section];
        return c === null || can(r, c);
      });
      expect(navItemsFor(r)).toEqual(expected);
    }
    expect(navItemsFor(null)).toEqual([]);
  });
});
