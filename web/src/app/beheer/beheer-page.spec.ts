import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { I18nService } from '../core/i18n/i18n.service';
import { storeSession } from '../testing/session';
import { BeheerPage } from './beheer-page';

const key = (id: string, name: string) => ({
  id, name, prefix: 'wsk_ab12', scope: 'ingest', createdBy: 'admin@demo.local', createdAt: '2024-05-01T10:00:00Z',
  lastUsedAt: null, revokedAt: null,
});

describe('BeheerPage', () => {
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
  afterEach(() => {
    // The alerts section (webhooks, delivery log) loads on its own; covered by its own tests.
    for (const r of http.match((req) => req.url === '/api/v1/webhooks' || req.url.startsWith('/api/v1/deliveries'))) r.flush([]);
    http.verify();
  });

  async function render() {
    const fixture = TestBed.createComponent(BeheerPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/users').flush([
      { id: 'u1', email: 'ana@x.nl', name: 'Ana', role: 'analyst', active: true, createdAt: '2024-01-01' },
    ]);
    http.expectOne('/api/v1/api-keys').flush([key('k1', 'Oud systeem')]);
    http.expectOne((r) => r.url === '/api/v1/areas').flush([
      { code: 'GM0518', name: "'s-Gravenhage", level: 'municipality', parent: 'NL00' },
      { code: 'GM0599', name: 'Rotterdam', level: 'municipality', parent: 'NL00' },
    ]);
    http.expectOne((r) => r.url === '/api/v1/audit').flush(
      [{ id: '7', at: '2026-12-04T10:00:00Z', actor: 'admin@demo.local', action: 'user.update', target: 'u1', details: { email: 'ana@x.nl', before: { role: 'council' }, after: { role: 'analyst' } } }],
      { headers: { Link: '</api/v1/audit?limit=50&cursor=WyI3Il0>; rel="next"' } },
    );
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows a new API key once, in an alert, until it is dismissed', async () => {
    const { fixture, el } = await render();
    (el.querySelector('#key-name') as HTMLInputElement).value = 'Schuldhulp';
    (el.querySelector('[data-testid="create-api-key"]') as HTMLButtonElement).closest('form')!.dispatchEvent(new Event('submit'));
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/api-keys');
    expect(post.request.body).toEqual({ name: 'Schuldhulp' });
    post.flush({ ...key('k2', 'Schuldhulp'), key: 'wsk_secret_123' });
    http.expectOne('/api/v1/api-keys').flush([key('k1', 'Oud systeem'), key('k2', 'Schuldhulp')]);
    await fixture.whenStable();

    const alert = el.querySelector('[data-testid="new-api-key"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(el.querySelector('[data-testid="new-api-key-value"]')?.textContent).toBe('wsk_secret_123');
    // The list never shows the key itself.
    expect(el.querySelector('[data-testid="api-keys-table"]')?.textContent).not.toContain('wsk_secret_123');

    (el.querySelector('[data-testid="dismiss-api-key"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="new-api-key"]')).toBeNull();
    expect(el.textContent).not.toContain('wsk_secret_123');
  });

  it('asks before a role change and puts the select back when cancelled', async () => {
    const { fixture, el } = await render();
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    const select = el.querySelector('#role-u1') as HTMLSelectElement;
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(confirm.mock.calls[0][0]).toContain('Ana');
    expect(select.value).toBe('analyst');
    confirm.mockRestore();
  });

  it('shows the audit trail with before/after and loads the next page from the Link header', async () => {
    const { fixture, el } = await render();
    const table = el.querySelector('[data-testid="audit-table"]')!;
    const row = table.querySelector('tbody tr')!;
    // The action in words, its code as secondary text (the filter takes codes such as user.*).
    expect(row.querySelector('th')?.textContent).toContain('Gebruiker gewijzigd');
    expect(row.querySelector('th code')?.textContent).toBe('user.update');
    // Details as labelled parts, values in words: no `key: JSON`.
    const parts = [...row.querySelectorAll('.audit-details li')].map((li) => li.textContent?.trim());
    expect(parts).toEqual(['gebruiker: ana@x.nl', 'rol: raadslid → analist']);
    expect(table.textContent).not.toContain('"council"');
    // Local time in the user's language, not UTC sliced from the ISO string.
    const time = row.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2026-12-04T10:00:00Z');
    expect(time.textContent).toBe(new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-12-04T10:00:00Z')));
    const more = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Meer laden')) as HTMLButtonElement;
    more.click();
    const next = http.expectOne((r) => r.url === '/api/v1/audit' && r.params.get('cursor') === 'WyI3Il0');
    next.flush([{ id: '6', at: '2026-12-04T09:00:00Z', actor: 'admin@demo.local', action: 'auth.login', target: null, details: {} }]);
    await fixture.whenStable();
    const rows = el.querySelectorAll('[data-testid="audit-table"] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[1].querySelector('th')?.textContent).toContain('Aangemeld');
  });

  it('names a subscription\'s areas, mode and choices, keeps checksums as code and shows an unknown action as its code', async () => {
    const { fixture, el } = await render();
    (el.querySelector('#audit-action') as HTMLInputElement).value = 'subscription.*';
    el.querySelector('#audit-action')!.closest('form')!.dispatchEvent(new Event('submit'));
    http.expectOne((r) => r.url === '/api/v1/audit' && r.params.get('action') === 'subscription.*').flush([
      {
        id: '9', at: '2026-12-04T11:00:00Z', actor: 'ana@x.nl', action: 'subscription.update', target: 'u1',
        details: { areas: ['GM0518', 'WK051836'], quadrants: ['I'], rules: [], minSeverity: 'medium', mode: 'immediate', includeStale: true, language: 'nl' },
      },
      { id: '8', at: '2026-12-04T10:30:00Z', actor: 'system:demo-data', action: 'import.completed', target: 'b1', details: { format: 'long', source: 'CBS', rows: 1200, checksum: 'ab12cd' } },
      { id: '5', at: '2026-12-04T10:20:00Z', actor: 'system', action: 'something.new', target: null, details: { weird: { a: 1 } } },
      { id: '4', at: '2026-12-04T10:10:00Z', actor: 'ana@x.nl', action: 'signal.owner', target: 's1', details: { from: null, to: 'u1' } },
      { id: '3', at: '2026-12-04T10:00:00Z', actor: 'system', action: 'signals.run', target: null, details: { trigger: 'import:b1,import:b2,+2', created: 3 } },
      { id: '2', at: '2026-12-04T09:50:00Z', actor: 'system', action: 'signals.run', target: null, details: { trigger: 'cron-42' } },
      { id: '1', at: '2026-12-04T09:40:00Z', actor: 'system:demo-data', action: 'indicators.upsert', target: null, details: { codes: ['loneliness', 'new-one'] } },
    ]);
    await fixture.whenStable();
    // The log lists indicators: their names are fetched (once, only then).
    http.expectOne('/api/v1/indicators').flush([{ code: 'loneliness', name: { nl: 'Eenzaamheid', en: 'Loneliness' }, quadrant: 'I' }]);
    await fixture.whenStable();
    const rows = [...el.querySelectorAll('[data-testid="audit-table"] tbody tr')];
    const parts = (tr: Element) => [...tr.querySelectorAll('.audit-details li')].map((li) => li.textContent?.trim());

    expect(rows[0].querySelector('th')?.textContent).toContain('Meldingen ingesteld');
    expect(parts(rows[0])).toEqual([
      // A municipality by its name; a district code the page cannot name stays a code.
      "gebieden: 's-Gravenhage, WK051836",
      'kwadranten: Kwadrant I',
      'regels: alle',
      'minimale ernst: middel',
      'modus: Direct, per signaal',
      'ook signalen zonder actie: ja',
      'taal: Nederlands',
    ]);

    expect(rows[1].querySelector('th')?.textContent).toContain('Import voltooid');
    expect(parts(rows[1])).toEqual(['formaat: CSV in lang formaat', 'bron: CBS', 'rijen: 1.200', 'controlegetal: ab12cd']);
    expect(rows[1].querySelector('.audit-details code')?.textContent).toBe('ab12cd');

    // Unknown: the code itself, once, and the details as they are.
    expect(rows[2].querySelector('th')?.textContent?.trim()).toBe('something.new');
    expect(parts(rows[2])).toEqual(['weird: {"a":1}']);

    // A user the page knows by name; nobody before.
    expect(parts(rows[3])).toEqual(['eigenaar: niemand → Ana']);

    // What started a detection run, in the Data page's words; an unknown cause as its code.
    expect(parts(rows[4])).toContain('aanleiding: Na 4 imports');
    expect(rows[4].textContent).not.toContain('import:b1');
    expect(parts(rows[5])).toEqual(['aanleiding: cron-42']);
    expect(rows[5].querySelector('.audit-details code')?.textContent).toBe('cron-42');

    // Indicators by name; one the catalogue does not know stays a code.
    expect(parts(rows[6])).toEqual(['indicatoren: Eenzaamheid, new-one']);

    // And in English.
    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(rows[0].querySelector('th')?.textContent).toContain('Notifications set');
    expect(parts(rows[0])).toContain('mode: Immediately, per signal');
    expect(parts(rows[0])).toContain('rules: all');
    expect(el.querySelector('[data-testid="audit-table"] tbody tr:nth-child(1) th code')?.textContent).toBe('subscription.update');
  });

  it('changes a municipality scope after confirmation, showing names', async () => {
    const { fixture, el } = await render();
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    (el.querySelector('[aria-label="Toegang wijzigen van Ana"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const form = el.querySelector('form.access-form') as HTMLFormElement;
    (form.querySelector('input[value="some"]') as HTMLInputElement).checked = true;
    (form.querySelector('option[value="GM0599"]') as HTMLOptionElement).selected = true;
    form.dispatchEvent(new Event('submit'));
    expect(confirm.mock.calls[0][0]).toContain('Rotterdam');
    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/users/u1');
    expect(patch.request.body).toEqual({ scope: { municipalities: ['GM0599'] }, homeMunicipality: null });
    patch.flush({ id: 'u1', email: 'ana@x.nl', name: 'Ana', role: 'analyst', active: true, createdAt: '2024-01-01', scope: { municipalities: ['GM0599'] } });
    http.expectOne('/api/v1/users').flush([{ id: 'u1', email: 'ana@x.nl', name: 'Ana', role: 'analyst', active: true, createdAt: '2024-01-01', scope: { municipalities: ['GM0599'] } }]);
    http.expectOne((r) => r.url === '/api/v1/audit').flush([]);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="user-scope"]')?.textContent).toBe('Rotterdam');
    confirm.mockRestore();
  });

  it('changes a role and deactivates a user with PATCH', async () => {
    const { fixture, el } = await render();
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    const select = el.querySelector('#role-u1') as HTMLSelectElement;
    select.value = 'manager';
    select.dispatchEvent(new Event('change'));
    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/users/u1');
    expect(patch.request.body).toEqual({ role: 'manager' });
    patch.flush({ id: 'u1', email: 'ana@x.nl', name: 'Ana', role: 'manager', active: true, createdAt: '2024-01-01' });
    http.expectOne('/api/v1/users').flush([]);
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Ana is bijgewerkt');
  });
});
