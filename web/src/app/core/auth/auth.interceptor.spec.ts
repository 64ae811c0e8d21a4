import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { storeSession } from '../../testing/session';
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

  it('on 401 ends the session and returns to login with the current page as returnUrl', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/signalen?status=open');
    const errors: unknown[] = [];
    TestBed.inject(HttpClient).get('/api/v1/signals').subscribe({ error: (e) => errors.push(e) });
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/signals')
      .flush({ statusCode: 401, message: 'Token expired' }, { status: 401, statusText: 'Unauthorized' });
    await TestBed.inject(Router).navigated;
    await new Promise((r) => setTimeout(r));

    expect(errors).toHaveLength(1);
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(false);
    expect(sessionStorage.getItem('wijksignaal.session')).toBeNull();
    const url = router.parseUrl(router.url);
    expect(url.root.children['primary'].segments.map((s) => s.path)).toEqual(['login']);
    expect(url.queryParams['returnUrl']).toBe('/signalen?status=open');
    expect(url.queryParams['expired']).toBe('1');
  });
});
