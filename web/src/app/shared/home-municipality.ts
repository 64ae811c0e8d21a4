import type { MunicipalityCoverage } from 'contracts';

/**
 * The municipality a user lands on (issue 15): the home municipality an admin gave them (login
 * answer `user.homeMunicipality`), else the municipality with the most data, else none.
 */
export function homeMunicipality(home: string | null | undefined, coverage: readonly MunicipalityCoverage[]): string | null {
  if (home) return home;
  return coverage[0]?.code ?? null;
}
