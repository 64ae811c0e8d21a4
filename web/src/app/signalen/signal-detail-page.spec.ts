import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role, Signal } from 'contracts';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { storeSession } from '../testing/session';
import { SignalDetailPage } from './signal-detail-page';

const signal: Signal = {
  id: 's1', rule: 'rising-trend', quadrant: 'IV', indicators: ['evictions'], subjects: ['WK051801'], period: '2024',
  severity: 'high', status: 'open', title: { nl: 'Huisuitzettingen stijgen', en: 'Evictions rising' },
  explanation: 'x', question: 'y', strength: {}, createdAt: '2024-01-01T00:00:00Z', history: [],
  evidence: { kind: 'series', indicator: 'evictions', subject: 'WK051801', unit: '%', baseline: { from: '2020', to: '2022', mean: 1 },
    window: { from: '2023', to: '2024' }, points: [{ period: '2023', value: 2, suppressed: false, expected: 1, threshold: 1.5 }] },
};

async function render(role: Role) {
  sessionStorage.clear();
  storeSession(role);
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    deferBlockBehavior: DeferBlockBehavior.Manual,
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(SignalDetailPage);
  fixture.componentRef.setInput('id', 's1');
  await fixture.whenStable();
  http.expectOne('/api/v1/signals/s1').flush(signal);
  http.expectOne('/api/v1/meetings').flush([{ id: 'm1', date: '2024-06-01', title: 'Juni', area: 'GM0518', items: [] }]);
  await fixture.whenStable();
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

describe('SignalDetailPage', () => {
  it('lets a manager interpret with a comment (PATCH status + comment) and shows the evidence table', async () => {
    const { fixture, http, el } = await render('manager');
    expect(el.querySelector('[data-testid="evidence-table"] tbody tr')?.textContent).toContain('2023');
    expect(el.querySelector('[data-testid="stale-badge"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="agenda-select"]')).not.toBeNull();
    (el.querySelector('[data-testid="interpret-comment"]') as HTMLTextAreaElement).value = 'Bekend bij het team';
    el.querySelector('[data-testid="interpret-submit"]')!.closest('form')!.dispatchEvent(new Event('submit'));
    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/v1/signals/s1');
    expect(patch.request.body).toEqual({ status: 'interpreted', comment: 'Bekend bij het team' });
    patch.flush({ ...signal, status: 'interpreted', history: [] });
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Status bijgewerkt');
  });

  it('offers an analyst only dismissing, with a required reason', async () => {
    const { fixture, http, el } = await render('analyst');
    expect(el.querySelector('[data-testid="interpret-submit"]')).toBeNull();
    expect(el.querySelector('[data-testid="agenda-submit"]')).toBeNull();
    el.querySelector('[data-testid="dismiss-submit"]')!.closest('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    http.expectNone('/api/v1/signals/s1');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('toelichting');
  });
});

describe('SignalDetailPage (groups)', () => {
  const m = (id: string, quadrant: 'I' | 'II' | 'IV', status: 'open' | 'interpreted' | 'on-agenda', buurt: string) => ({
    id, rule: 'rising-trend' as const, indicators: ['debt-signals'], subjects: [buurt], period: '2024', status, quadrant, title: `Schulden ${buurt}`,
  });

  async function renderWith(sig: Signal, extra: (http: HttpTestingController) => void = () => undefined) {
    sessionStorage.clear();
    storeSession('manager');
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SignalDetailPage);
    fixture.componentRef.setInput('id', sig.id);
    await fixture.whenStable();
    http.expectOne(`/api/v1/signals/${sig.id}`).flush(sig);
    http.expectOne('/api/v1/meetings').flush([]);
    http.expectOne('/api/v1/indicators').flush([{ code: 'evictions', name: { nl: 'Ontruimingen', en: 'Evictions' } }]);
    await fixture.whenStable();
    extra(http);
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement };
  }

  it('shows the escalation build-up of a collective signal apart from its other members, with each member status', async () => {
    const escalation: Signal = {
      ...signal, id: 'e1', rule: 'stacked-problems', quadrant: 'IV', subjects: ['WK051801'],
      memberCount: 3, members: [m('a', 'I', 'interpreted', 'BU01'), m('b', 'II', 'open', 'BU02'), m('c', 'IV', 'on-agenda', 'BU03')],
    };
    const { el } = await renderWith(escalation);
    const buildUp = el.querySelectorAll('[data-testid="build-up"] [data-testid="member-row"]');
    expect([...buildUp].map((r) => r.getAttribute('data-signal-id'))).toEqual(['a', 'b']);
    expect(buildUp[0].textContent).toContain('al geïnterpreteerd');
    const others = el.querySelectorAll('[data-testid="group-members"] [data-testid="member-row"]');
    expect([...others].map((r) => r.textContent)).toEqual([expect.stringContaining('op de agenda')]);
    expect(el.textContent).toContain('IndicatorenOntruimingen');
    expect(el.querySelector('#bewijs')).not.toBeNull();
  });

  it('links a member to its group by the group title', async () => {
    const memberSig: Signal = { ...signal, id: 'm1', groupId: 'g1', status: 'interpreted', memberCount: 0, members: [] };
    const { el } = await renderWith(memberSig, (http) =>
      http.expectOne('/api/v1/signals/g1').flush({ ...signal, id: 'g1', title: { nl: 'Schulden stijgen in Centrum', en: 'Debt rising in Centre' } }),
    );
    const link = el.querySelector('[data-testid="part-of"] a');
    expect(link?.getAttribute('href')).toBe('/signalen/g1');
    expect(link?.textContent).toContain('Schulden stijgen in Centrum');
    expect(el.querySelector('[data-testid="build-up"]')).toBeNull();
  });
});
