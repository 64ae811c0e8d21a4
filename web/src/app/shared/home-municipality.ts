import type { Router } from '@angular/router';
import type { MunicipalityCoverage } from 'contracts';

/**
 * The municipality a user lands on (issue 15): the home municipality an admin gave them (login
 * answer `user.homeMunicipality`), else the municipality with the most data, else none.
 */
export function homeMunicipality(home: string | null | undefined, coverage: readonly MunicipalityCoverage[]): string | null {
  if (home) return home;
  return coverage[0]?.code ?? null;
}

/**
 * True when a navigation to another page than `path` is under way: a page that lands the user
 * somewhere after an answer arrives must then leave the user's own click alone.
 */
export function leavingPage(router: Router, path: string): boolean {
  const target = router.currentNavigation()?.extractedUrl;
  return !!target && router.serializeUrl(target).split(/[?#]/)[0] !== path;
}
