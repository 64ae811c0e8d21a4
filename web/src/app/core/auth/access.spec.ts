import { ROLES } from 'contracts';
import { EN, NL, type CoreMessageKey } from '../i18n/messages';
import { canUse } from './access';

/** Adding a role touches the policy, a migration and these texts (ARCHITECTURE.md "A role"): the web derives the rest. */
describe('access from the policy', () => {
  it('has a name for every role in Dutch and English', () => {
    for (const r of ROLES) {
      const key = `role.${r}` as CoreMessageKey;
      expect(NL[key]).toBeTruthy();
      expect(EN[key]).toBeTruthy();
    }
  });

  it('lets nobody without a role use anything', () => {
    expect(canUse(null, null)).toBe(false);
    expect(canUse(undefined, 'signals.read')).toBe(false);
  });
});
