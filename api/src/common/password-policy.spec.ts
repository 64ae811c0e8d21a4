import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['12345678', /at least 12/],
    ['short', /at least 12/],
    ['password1234', /common/],
    ['PASSWORD1234', /common/],
    ['aaaaaaaaaaaaaa', /repeated/],
    ['jan.jansen.demo', /e-mail/],
  ])('refuses %s', (pw, reason) => {
    expect(passwordProblem(pw, 'jan.jansen.demo@gemeente.nl')).toMatch(reason);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('paarse olifant fietst', 'jan@gemeente.nl')).toBeNull();
    expect(passwordProblem('bench-admin-password-2026')).toBeNull();
  });
});
