import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import { AUTH_URL, AuthService } from './auth.service';

/**
 * Adds the bearer token to API calls. On 401 it renews the session once with the refresh cookie
 * and repeats the call, so a save after a long pause still goes through. When the session has
 * really ended: a read returns to login (and back after); a write stays on the page with its
 * error, so nothing the user typed is lost.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const i18n = inject(I18nService);
  const isApi = req.url.startsWith('/api/');
  const isAuth = req.url.startsWith(AUTH_URL);
  const withToken = (r: HttpRequest<unknown>) => {
    const token = isApi && !isAuth ? auth.token() : null;
    return token ? r.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : r;
  };

  return next(withToken(req)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !isApi || isAuth) return throwError(() => error);
      return auth.refresh().pipe(
        switchMap((renewed) => {
          if (renewed) return next(withToken(req));
          if (req.method === 'GET') {
            const returnUrl = router.url.startsWith('/login') ? '/' : router.url;
            void router.navigate(['/login'], { queryParams: { returnUrl, expired: 1 } });
            return throwError(() => error);
          }
          // A write: the page shows this message next to the form, whose text stays. Its code is the
          // app's own message key, so apiMessage() says it in the language in use.
          const ended = new HttpErrorResponse({
            error: { statusCode: 401, code: 'session.ended', message: i18n.t('session.ended') },
            headers: error.headers,
            status: 401,
            statusText: error.statusText,
            url: error.url ?? undefined,
          });
          return throwError(() => ended);
        }),
      );
    }),
  );
};
