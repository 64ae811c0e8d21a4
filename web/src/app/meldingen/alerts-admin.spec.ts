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
        lastDelivery: { status: 'failed', at: '2026-12-01T10:00:00.000Z', error: 'HTTP 500', errorCode: 'delivery.webhook.status', errorParams: { status: 500 } },
      },
    ]);
    const row = el.querySelector('tbody tr')!.textContent!;
    expect(row).toContain('Microsoft Teams');
    expect(row).toContain('Centrum');
    expect(row).not.toContain('WK051836');
    expect(row).toContain('Kwadrant II');
    expect(row).toContain('middel');
    expect(row).toContain('mislukt');
    expect(row).toContain('Het teamkanaal antwoordde met HTTP-status 500.');
    expect(row).toContain('1 dec 2026');
  });

  it('shows the delivery log in words: channel, kind, time and why it failed, the transport text only under "Technische melding"', async () => {
    const fixture = TestBed.createComponent(AlertsAdmin);
    await fixture.whenStable();
    http.expectOne('/api/v1/webhooks').flush([]);
    const base = { recipient: 'manager@demo.local', subject: null, text: null, sentAt: null, attempts: 1 };
    http.expectOne((r) => r.url.startsWith('/api/v1/deliveries')).flush([
      { ...base, id: '3', channel: 'email', kind: 'digest.weekly', status: 'pending', createdAt: '2026-12-01T10:00:00.000Z',
        lastError: 'connect ECONNREFUSED 127.0.0.1:2525', errorCode: 'delivery.mail.unreachable', errorParams: null },
      { ...base, id: '2', channel: 'email', kind: 'effect-due', status: 'failed', createdAt: '2026-12-01T09:00:00.000Z',
        lastError: "Can't send mail - all recipients were rejected: 550 5.1.1 unknown", errorCode: 'delivery.mail.rejected', errorParams: { reply: 550 } },
      { ...base, id: '1', channel: 'webhook', kind: 'signal.created', status: 'sent', createdAt: '2026-12-01T08:00:00.000Z', lastError: null, errorCode: null },
    ]);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const rows = [...el.querySelectorAll('[data-testid="delivery-error"]')].map((td) => td.closest('tr')!);
    const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
    const [waiting, rejected, sent] = rows.map(cells);
    expect(waiting.slice(1, 3)).toEqual(['E-mail', 'Wekelijks overzicht']);
    expect(waiting[0]).toMatch(/1 dec 2026/);
    expect(waiting[7]).toMatch(/^De mailserver was niet bereikbaar\. Technische melding/);
    expect(rejected[2]).toBe('Herinnering: effect meten');
    expect(rejected[7]).toContain('definitief (antwoordcode 550)');
    expect(sent.slice(1, 3)).toEqual(['Webhook', 'Nieuw signaal']);
    expect(sent[7]).toBe('');
    // The raw values never stand on the page on their own.
    const text = el.textContent!;
    for (const raw of ['digest.weekly', 'signal.created', 'effect-due', 'email']) expect(text).not.toContain(raw);
    // The transport's text is there for whoever opens it.
    expect(rows[0].querySelector('details code')!.textContent).toBe('connect ECONNREFUSED 127.0.0.1:2525');
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
