import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import type { Capability } from 'contracts';
import { canUse } from './access';
import { AuthService } from './auth.service';

/** Routes under the shell need a session; without one, go to login and come back after. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  if (auth.token()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/**
 * Uses `data.capability` of the route (null or absent: any signed-in user). canMatch keeps the lazy chunk of a forbidden page from
 * loading at all; the user lands on a "no access" page instead of a silent redirect.
 */
export const roleGuard: CanMatchFn = (route) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.token()) {
    const attempted = router.currentNavigation()?.extractedUrl;
    const returnUrl = attempted ? router.serializeUrl(attempted) : undefined;
    return router.createUrlTree(['/login'], { queryParams: { returnUrl } });
  }
  const capability = route.data?.['capability'] as Capability | null | undefined;
  return canUse(auth.role(), capability) ? true : router.createUrlTree(['/geen-toegang']);
};

export const loggedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.token() ? inject(Router).createUrlTree(['/']) : true;
};
