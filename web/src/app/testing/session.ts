import type { Role } from 'contracts';

/** Puts a valid session in sessionStorage before AuthService is created. */
export function storeSession(role: Role, name = 'Test Gebruiker'): void {
  sessionStorage.setItem(
    'wijksignaal.session',
    JSON.stringify({ token: 'test-token', user: { email: `${role}@demo.local`, name, role }, expiresAt: Date.now() + 3_600_000 }),
  );
}
