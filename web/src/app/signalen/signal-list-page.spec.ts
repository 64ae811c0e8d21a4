import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Signal, SignalMember } from 'contracts';
import { SignalListPage } from './signal-list-page';

const member = (id: string, buurt: string, status: SignalMember['status']): SignalMember => ({
  id, rule: 'rising-trend', indicators: ['loneliness'], subjects: [buurt], period: '2024-Q4', status, quadrant: 'I',
  title: { nl: `Eenzaamheid stijgt in ${buurt}`, en: `Loneliness rising in ${buurt}` },
});

const base = {
  rule: 'systemic-pattern', quadrant: 'IV', indicators: ['loneliness'], subjects: ['GM0518'], period: '2024-Q4',
  severity: 'high', status: 'open', explanation: 'x', question: 'y', strength: {}, evidence: null, createdAt: new Date().toISOString(),
} as unknown as Signal;

const group: Signal = {
  ...base, id: 'g1', title: { nl: 'Eenzaamheid stijgt in heel Den Haag', en: 'Loneliness rising across The Hague' },
  memberCount: 3, members: [member('m1', 'BU01', 'interpreted'), member('m2', 'BU02', 'on-agenda'), member('m3', 'WK01', 'open')],
};
const single: Signal = { ...base, id: 's2', rule: 'peer-outlier', quadrant: 'III', title: 'Verzuim school', memberCount: 0, members: [] };

async function render(query: Record<string, string> = {}) {
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(SignalListPage);
  for (const [k, v] of Object.entries(query)) fixture.componentRef.setInput(k, v);
  await fixture.whenStable();
  http.expectOne('/api/v1/indicators').flush([{ code: 'loneliness', name: { nl: 'Eenzaamheid', en: 'Loneliness' }, quadrant: 'I' }]);
  http.expectOne((r) => r.url === '/api/v1/areas').flush([{ code: 'GM0518', name: "'s-Gravenhage", level: 'municipality' }]);
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

describe('SignalListPage (signal groups)', () => {
  it('shows a group with where it was seen, opens it to members with their own status, and loads more via Link', async () => {
    const { fixture, http, el } = await render({ area: 'GM0518', indicator: 'loneliness' });
    const first = http.expectOne((r) => r.url === '/api/v1/signals');
    expect(first.request.params.get('area')).toBe('GM0518');
    first.flush([group], { headers: { Link: '</api/v1/signals?area=GM0518&cursor=c2>; rel="next"' } });
    await fixture.whenStable();

    // Filters show names, not codes.
    expect((el.querySelector('#f-area') as HTMLInputElement).value).toBe("'s-Gravenhage");
    expect(el.querySelector('#f-indicator option:checked')?.textContent).toContain('Eenzaamheid');
    expect(el.querySelector('#f-quadrant')?.textContent).toContain('IV ·');

    const rows = el.querySelectorAll('[data-testid="signal-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].querySelector('[data-testid="seen-in"]')?.textContent).toContain('ook gezien in 2 buurten en 1 wijk');
    expect(el.querySelector('[data-testid="member-row"]')).toBeNull();

    const toggle = el.querySelector('[data-testid="group-toggle"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const members = el.querySelectorAll('[data-testid="member-row"]');
    expect(members).toHaveLength(3);
    const statuses = [...el.querySelectorAll('[data-testid="member-status"]')].map((e) => e.textContent?.trim());
    expect(statuses).toEqual(['al geïnterpreteerd', 'op de agenda', 'nog niet bekeken']);
    expect(members[0].querySelector('a')?.getAttribute('href')).toBe('/signalen/m1');

    (el.querySelector('[data-testid="load-more"]') as HTMLButtonElement).click();
    http.expectOne('/api/v1/signals?area=GM0518&cursor=c2').flush([single, group]);
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="signal-row"]')).toHaveLength(2);
    expect(el.querySelector('[data-testid="load-more"]')).toBeNull();
  });

  it('shows a signal without members without a group toggle', async () => {
    const { fixture, http, el } = await render();
    http.expectOne((r) => r.url === '/api/v1/signals').flush([single]);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="seen-in"]')).toBeNull();
    expect(el.querySelector('[data-testid="group-toggle"]')).toBeNull();
    expect(el.querySelector('[data-testid="load-more"]')).toBeNull();
  });

  it('"Alleen mijn signalen" asks the server for owner=me (also for the next page) and puts it in the URL', async () => {
    const { fixture, http, el } = await render({ owner: 'me', status: 'open' });
    const first = http.expectOne((r) => r.url === '/api/v1/signals');
    expect(first.request.params.get('owner')).toBe('me');
    expect(first.request.params.get('status')).toBe('open');
    first.flush([single], { headers: { Link: '</api/v1/signals?status=open&owner=me&cursor=c2>; rel="next"' } });
    await fixture.whenStable();
    // No client-side filtering: every row the server answers is shown, and no list of owned ids is fetched.
    http.expectNone('/api/v1/me/owned-signals');
    expect(el.querySelectorAll('[data-testid="signal-row"]')).toHaveLength(1);
    const box = el.querySelector('#f-mine') as HTMLInputElement;
    expect(box.checked).toBe(true);
    (el.querySelector('[data-testid="load-more"]') as HTMLButtonElement).click();
    http.expectOne('/api/v1/signals?status=open&owner=me&cursor=c2').flush([group]);
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="signal-row"]')).toHaveLength(2);

    // Unticking the box navigates without owner; ticking it puts owner=me in the URL.
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    box.checked = false;
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    expect(navigate).toHaveBeenLastCalledWith(['/signalen'], { queryParams: expect.objectContaining({ owner: null, status: 'open' }) });
    box.checked = true;
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    expect(navigate).toHaveBeenLastCalledWith(['/signalen'], { queryParams: expect.objectContaining({ owner: 'me' }) });
    http.verify();
  });

  it('says why "Alleen mijn signalen" is empty and how a signal becomes hers; an empty list otherwise says no data', async () => {
    const mine = await render({ owner: 'me' });
    mine.http.expectOne((r) => r.url === '/api/v1/signals').flush([]);
    await mine.fixture.whenStable();
    expect(mine.el.querySelector('[data-testid="mine-empty"]')?.textContent).toContain('Geen van de signalen die aan deze filters voldoen, staat op uw naam.');
    TestBed.resetTestingModule();
    const all = await render({});
    all.http.expectOne((r) => r.url === '/api/v1/signals').flush([]);
    await all.fixture.whenStable();
    expect(all.el.querySelector('[data-testid="mine-empty"]')).toBeNull();
    expect(all.el.textContent).toContain('Geen gegevens gevonden');
  });
});
