import { TestBed } from '@angular/core/testing';
import { Route, Router, UrlTree, provideRouter } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import { storeSession } from '../../testing/session';
import { roleGuard } from './auth.guards';

describe('roleGuard', () => {
  beforeEach(() => sessionStorage.clear());

  function run(roles: string[]): boolean | UrlTree {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
    const route: Route = { path: 'data', data: { roles } };
    return TestBed.runInInjectionContext(() => roleGuard(route, [])) as boolean | UrlTree;
  }

  it('lets a role listed on the route through', () => {
    storeSession('analyst');
    expect(run(['admin', 'analyst'])).toBe(true);
  });

  it('sends other roles to the no-access page', () => {
    storeSession('council');
    const result = run(['admin', 'analyst']);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/geen-toegang');
  });

  it('sends anonymous users to login', () => {
    const result = run(['admin']);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/login');
  });
});
