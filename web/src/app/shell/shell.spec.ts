import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Role } from 'contracts';
import { AlertsApi, type SubscriptionForm } from '../meldingen/alerts-api';
import { storeSession } from '../testing/session';
import { Shell } from './shell';

@Component({ template: '' })
class Blank {}

async function navLabels(role: Role): Promise<string[]> {
  storeSession(role);
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  const links = (fixture.nativeElement as HTMLElement).querySelectorAll('nav a');
  return Array.from(links, (a) => a.textContent!.trim());
}

describe('Shell navigation', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('shows a council member only Overzicht and Raad', async () => {
    expect(await navLabels('council')).toEqual(['Overzicht', 'Raad', 'Meldingen']);
  });

  it('hides Data and Beheer from a manager', async () => {
    expect(await navLabels('manager')).toEqual(['Overzicht', 'Wijken', 'Verkenner', 'Signalen', 'Beleidstafel', 'Raad', 'Meldingen']);
  });

  it('hides only Beheer from an analyst', async () => {
    expect(await navLabels('analyst')).toEqual(['Overzicht', 'Wijken', 'Verkenner', 'Signalen', 'Beleidstafel', 'Raad', 'Data', 'Meldingen']);
  });

  it('shows an admin everything', async () => {
    expect(await navLabels('admin')).toHaveLength(9);
  });

  it('has landmarks, a skip link and the user with role', async () => {
    storeSession('manager', 'Mia Manager');
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('header')).not.toBeNull();
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
    expect(el.querySelector('main#main')).not.toBeNull();
    expect(el.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
    expect(el.textContent).toContain('Ingelogd als Mia Manager (teammanager)');
  });

  describe('the unread badge on Signalen', () => {
    const UNREAD = '/api/v1/me/alerts/unread';
    const form: SubscriptionForm = { areas: ['GM0518'], quadrants: [], rules: [], minSeverity: 'low', mode: 'immediate', includeStale: false, language: 'nl' };

    async function setUp() {
      storeSession('manager');
      TestBed.configureTestingModule({
        providers: [provideRouter([{ path: '**', component: Blank }]), provideHttpClient(), provideHttpClientTesting()],
      });
      const fixture = TestBed.createComponent(Shell);
      const http = TestBed.inject(HttpTestingController);
      const router = TestBed.inject(Router);
      const badge = async (): Promise<string | null> => {
        await fixture.whenStable();
        fixture.detectChanges();
        return (fixture.nativeElement as HTMLElement).querySelector('[data-testid=unread-badge]')?.textContent?.trim() ?? null;
      };
      return { fixture, http, router, badge, alerts: TestBed.inject(AlertsApi) };
    }

    it('is asked again when my subscription is saved, without waiting for the next page', async () => {
      const { http, router, badge, alerts } = await setUp();
      await router.navigateByUrl('/meldingen');
      http.expectOne(UNREAD).flush({ count: 16 });
      expect(await badge()).toBe('16');

      alerts.saveSubscription(form).subscribe();
      http.expectOne({ method: 'PUT', url: '/api/v1/me/subscriptions' }).flush({ ...form, isDefault: false });
      http.expectOne(UNREAD).flush({ count: 9 });
      expect(await badge()).toBe('9');
      http.verify();
    });

    it('takes only the latest ask: an answer from before the save never overwrites the count after it', async () => {
      const { http, router, badge, alerts } = await setUp();
      await router.navigateByUrl('/meldingen');
      const before = http.expectOne(UNREAD);
      alerts.saveSubscription(form).subscribe();
      http.expectOne({ method: 'PUT', url: '/api/v1/me/subscriptions' }).flush({ ...form, isDefault: false });
      const after = http.match(UNREAD).find((r) => r !== before)!;
      expect(before.cancelled).toBe(true);
      after.flush({ count: 9 });
      expect(await badge()).toBe('9');
    });

    it('clears when Signalen is opened (the opening marks everything seen)', async () => {
      const { http, router, badge } = await setUp();
      await router.navigateByUrl('/overzicht');
      http.expectOne(UNREAD).flush({ count: 3 });
      expect(await badge()).toBe('3');
      await router.navigateByUrl('/signalen');
      http.expectOne({ method: 'POST', url: '/api/v1/me/alerts/seen' }).flush({});
      expect(await badge()).toBeNull();
    });
  });
});
