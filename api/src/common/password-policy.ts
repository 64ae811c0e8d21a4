import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password policy for passwords set through the API and ADMIN_PASSWORD (issue 9 item 4, NIST SP
 * 800-63B §5.1.1.2): at least 12 characters, not one of the ~49,000 most common passwords
 * (the list zxcvbn-ts ships), not the account's own e-mail or its name part, and not one character
 * repeated. No composition rules: length beats forced symbols.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Null when acceptable; else the reason, phrased to follow "password …". */
export function passwordProblem(password: string, email = ''): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common passwords; choose another';
  if (/^(.)\1+$/.test(password)) return 'must not be one character repeated';
  const mail = email.toLowerCase();
  if (mail && (lower === mail || lower === mail.split('@')[0])) return 'must not be your e-mail address';
  return null;
}
