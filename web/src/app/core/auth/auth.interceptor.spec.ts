// In the app the shell (and the login and brief pages) load the access texts.
import '../i18n/messages-access';
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { storeSession } from '../../testing/session';
import { apiMessage } from '../http/api-error';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

@Component({ template: '' })
class Blank {}

describe('authInterceptor', () => {
  beforeEach(() => {
    sessionStorage.clear();
    storeSession('analyst');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Blank },
          { path: 'signalen', component: Blank },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
  });

  it('adds the bearer token to API calls', () => {
    TestBed.inject(HttpClient).get('/api/v1/areas').subscribe();
    const req = TestBed.inject(HttpTestingController).expectOne('/api/v1/areas');
    expect(req.request.headers.get('Authorization')).toBe('Bearer test-token');
    req.flush([]);
  });

  it('on 401 renews the session once with the refresh cookie and repeats the call with the new token', async () => {
    const results: unknown[] = [];
    TestBed.inject(HttpClient).patch('/api/v1/signals/s1', { comment: 'getypte tekst' }).subscribe((r) => results.push(r));
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/signals/s1').flush({ statusCode: 401, code: 'auth.expired' }, { status: 401, statusText: 'Unauthorized' });
    await new Promise((r) => setTimeout(r));
    http.expectOne('/api/v1/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 900, user: { email: 'analyst@demo.local', name: 'A', role: 'analyst' } });
    await new Promise((r) => setTimeout(r));
    const retry = http.expectOne('/api/v1/signals/s1');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    expect(retry.request.body).toEqual({ comment: 'getypte tekst' });
    retry.flush({ id: 's1' });
    expect(results).toEqual([{ id: 's1' }]);
  });

  it('when the session has ended, a write stays on the page with its error (typed text kept)', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/signalen');
    const errors: unknown[] = [];
    TestBed.inject(HttpClient).patch('/api/v1/signals/s1', {}).subscribe({ error: (e) => errors.push(e) });
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/signals/s1').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await new Promise((r) => setTimeout(r));
    http.expectOne('/api/v1/auth/refresh').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await new Promise((r) => setTimeout(r));
    expect(errors).toHaveLength(1);
    expect((errors[0] as { error: { message: string } }).error.message).toContain('Je invoer staat er nog');
    // What the page shows (apiMessage never shows an answer's `message`): the same sentence, by its key.
    expect(apiMessage(errors[0])).toContain('Je invoer staat er nog');
    expect(router.url).toBe('/signalen');
    // The page keeps its user (and so its forms); there is no token any more.
    expect(TestBed.inject(AuthService).token()).toBeNull();
    expect(TestBed.inject(AuthService).role()).toBe('analyst');
  });

  it('on 401 for a read when renewal fails, returns to login with the current page as returnUrl', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/signalen?status=open');
    const errors: unknown[] = [];
    TestBed.inject(HttpClient).get('/api/v1/signals').subscribe({ error: (e) => errors.push(e) });
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/signals').flush({ statusCode: 401, message: 'Token expired' }, { status: 401, statusText: 'Unauthorized' });
    await new Promise((r) => setTimeout(r));
    http.expectOne('/api/v1/auth/refresh').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await TestBed.inject(Router).navigated;
    await new Promise((r) => setTimeout(r));

    expect(errors).toHaveLength(1);
    expect(TestBed.inject(AuthService).token()).toBeNull();
    const url = router.parseUrl(router.url);
    expect(url.root.children['primary'].segments.map((s) => s.path)).toEqual(['login']);
    expect(url.queryParams['returnUrl']).toBe('/signalen?status=open');
    expect(url.queryParams['expired']).toBe('1');
  });
});
