import { TestBed } from '@angular/core/testing';
import { Route, Router, UrlTree, provideRouter } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import type { Capability } from 'contracts';
import { storeSession } from '../../testing/session';
import { roleGuard } from './auth.guards';

describe('roleGuard', () => {
  beforeEach(() => sessionStorage.clear());

  function run(capability: Capability | null): boolean | UrlTree {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
    const route: Route = { path: 'data', data: { capability } };
    return TestBed.runInInjectionContext(() => roleGuard(route, [])) as boolean | UrlTree;
  }

  it('lets a role with the route’s capability through', () => {
    storeSession('analyst');
    expect(run('imports.create')).toBe(true);
  });

  it('sends other roles to the no-access page', () => {
    storeSession('council');
    const result = run('imports.create');
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/geen-toegang');
  });

  it('lets every signed-in role through a route without a capability', () => {
    storeSession('council');
    expect(run(null)).toBe(true);
  });

  it('sends anonymous users to login', () => {
    const result = run('users.manage');
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/login');
  });
});
