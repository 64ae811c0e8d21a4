import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { storeSession } from '../testing/session';
import { AlertsAdmin } from './alerts-admin';

describe('AlertsAdmin (Beheer: webhooks)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    storeSession('admin');
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(hooks: unknown[] = []) {
    const fixture = TestBed.createComponent(AlertsAdmin);
    await fixture.whenStable();
    http.expectOne('/api/v1/webhooks').flush(hooks);
    for (const r of http.match((req) => req.url.startsWith('/api/v1/deliveries'))) r.flush([]);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists hooks with the filter in names and the latest result, never codes alone', async () => {
    const { el } = await render([
      {
        id: 'w1', name: 'Team Noord', url: 'https://example.org/hook', format: 'teams',
        filter: { areas: ['WK051836'], quadrants: ['II'], rules: [], minSeverity: 'medium' },
        areaNames: { WK051836: 'Centrum' },
        lastDelivery: { status: 'failed', at: '2026-12-01T10:00:00.000Z', error: 'HTTP 500' },
      },
    ]);
    const row = el.querySelector('tbody tr')!.textContent!;
    expect(row).toContain('Microsoft Teams');
    expect(row).toContain('Centrum');
    expect(row).not.toContain('WK051836');
    expect(row).toContain('Kwadrant II');
    expect(row).toContain('middel');
    expect(row).toContain('mislukt');
    expect(row).toContain('HTTP 500');
  });

  it('sends the filter (area by name, quadrant, minimum severity), shows the secret once with a copy button', async () => {
    const { fixture, el } = await render();
    const search = el.querySelector('[data-testid="webhook-area-search"]') as HTMLInputElement;
    search.value = 'Cent';
    search.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 250));
    http.expectOne((r) => r.url === '/api/v1/areas/search' && r.params.get('q') === 'Cent').flush({
      query: 'Cent', indicators: [],
      areas: [{ kind: 'area', code: 'WK051836', name: 'Centrum', level: 'district', municipality: 'GM0518', municipalityName: "'s-Gravenhage" }],
    });
    fixture.detectChanges();
    const hit = [...el.querySelectorAll('.hits button')].find((b) => b.textContent!.includes('Centrum')) as HTMLButtonElement;
    hit.click();
    fixture.detectChanges();
    (el.querySelectorAll('fieldset fieldset')[0].querySelectorAll('input[type=checkbox]')[1] as HTMLInputElement).click();
    (el.querySelector('#wh-url') as HTMLInputElement).value = 'https://example.org/hook';
    (el.querySelector('#wh-format') as HTMLSelectElement).value = 'teams';
    (el.querySelector('#wh-sev') as HTMLSelectElement).value = 'high';
    el.querySelector('[data-testid="webhook-form"]')!.dispatchEvent(new Event('submit'));
    const post = http.expectOne((r) => r.url === '/api/v1/webhooks' && r.method === 'POST');
    expect(post.request.body).toEqual({
      url: 'https://example.org/hook', format: 'teams',
      filter: { areas: ['WK051836'], quadrants: ['II'], rules: [], minSeverity: 'high' },
    });
    post.flush({ id: 'w2', secret: 'geheim-123456789012345678901234' });
    http.expectOne('/api/v1/webhooks').flush([]);
    fixture.detectChanges();
    const secret = el.querySelector('[data-testid="webhook-secret"]')!;
    expect(secret.textContent).toContain('geheim-123456789012345678901234');
    expect(secret.querySelector('button')!.textContent).toContain('Kopiëren');
  });

  it('a 400 naming the url field says so in the user\'s language', async () => {
    const { fixture, el } = await render();
    (el.querySelector('#wh-url') as HTMLInputElement).value = 'ftp://x';
    el.querySelector('[data-testid="webhook-form"]')!.dispatchEvent(new Event('submit'));
    http
      .expectOne((r) => r.url === '/api/v1/webhooks' && r.method === 'POST')
      .flush({ statusCode: 400, message: 'url must be an http(s) URL', code: 'invalid_input', errors: [{ field: 'url', message: 'http(s) URL' }] }, { status: 400, statusText: 'Bad Request' });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="webhook-error"]')!.textContent).toContain('Het veld URL is ongeldig');
    expect(el.querySelector('#wh-url')!.getAttribute('aria-invalid')).toBe('true');
  });
});
