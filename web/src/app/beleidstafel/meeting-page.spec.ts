import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Meeting } from 'contracts';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { storeSession } from '../testing/session';
import { MeetingPage } from './meeting-page';

const meeting = (decision: string | null): Meeting => ({
  id: 'm1', date: '2024-06-01', title: 'Beleidstafel juni', area: 'GM0518',
  items: [{ id: 'i1', signalId: 's1', position: 1, notes: null, decision, decidedAt: decision ? '2024-06-01' : null, effectDueOn: decision ? '2024-09-01' : null }],
});

describe('MeetingPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    storeSession('manager');
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('id', 'm1');
    await fixture.whenStable();
    http.expectOne('/api/v1/meetings/m1').flush(meeting(null));
    await fixture.whenStable();
    for (const r of http.match((req) => req.url === '/api/v1/signals')) r.flush([]);
    for (const r of http.match('/api/v1/signal-owners')) r.flush([{ id: 'u-ana', name: 'Anna Analist', role: 'analyst' }]);
    for (const r of http.match((req) => req.url === '/api/v1/areas')) r.flush([{ code: 'GM0518', name: "'s-Gravenhage", level: 'municipality' }]);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('puts the decision with PUT …/items/:itemId/decision and shows it', async () => {
    const { fixture, el } = await render();
    expect(el.querySelector('[data-testid="brief-link"]')?.getAttribute('href')).toBe('/beleidstafel/m1/brief');
    (el.querySelector('[data-testid="decision-input"]') as HTMLTextAreaElement).value = '  Afspraken met de corporatie  ';
    el.querySelector('[data-testid="decision-submit"]')!.closest('form')!.dispatchEvent(new Event('submit'));

    const put = http.expectOne('/api/v1/meetings/m1/items/i1/decision');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ decision: 'Afspraken met de corporatie' });
    put.flush({ ...meeting('Afspraken met de corporatie').items[0] });
    http.expectOne('/api/v1/meetings/m1').flush(meeting('Afspraken met de corporatie'));
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="decision-text"]')?.textContent).toContain('Afspraken met de corporatie');
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Het besluit is vastgelegd');
    http.verify();
  });

  it('sends the effect-measurement date with the decision and shows it', async () => {
    const { fixture, el } = await render();
    expect(el.querySelector('label[for="effect-due-i1"]')?.textContent).toContain('Effect meten op');
    (el.querySelector('[data-testid="decision-input"]') as HTMLTextAreaElement).value = 'Extra jongerenwerk';
    (el.querySelector('[data-testid="effect-due-input"]') as HTMLInputElement).value = '2024-09-01';
    el.querySelector('[data-testid="decision-submit"]')!.closest('form')!.dispatchEvent(new Event('submit'));
    const put = http.expectOne('/api/v1/meetings/m1/items/i1/decision');
    expect(put.request.body).toEqual({ decision: 'Extra jongerenwerk', effectDueOn: '2024-09-01' });
    put.flush({ ...meeting('Extra jongerenwerk').items[0] });
    http.expectOne('/api/v1/meetings/m1').flush(meeting('Extra jongerenwerk'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="decision-facts"]')?.textContent).toMatch(/Effect meten op\s*1 sep 2024/);
    http.verify();
  });

  it("names the meeting's area, never its bare code, and offers the page help", async () => {
    const { el } = await render();
    const meta = el.querySelector('[data-testid="meeting-meta"]')?.textContent ?? '';
    expect(meta).toContain("'s-Gravenhage");
    expect(meta).not.toContain('GM0518');
    expect(el.querySelector('[data-testid="help-box"] summary')?.textContent).toContain('Hoe lees ik dit?');
  });

  it('does not send an empty decision', async () => {
    const { fixture, el } = await render();
    el.querySelector('[data-testid="decision-submit"]')!.closest('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    http.expectNone('/api/v1/meetings/m1/items/i1/decision');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Beschrijf het besluit');
  });

  it('sends owner and deadline with the decision, shows them, and offers the decision for correction', async () => {
    const { fixture, el } = await render();
    (el.querySelector('[data-testid="decision-input"]') as HTMLTextAreaElement).value = 'Extra jongerenwerk';
    const owner = el.querySelector('[data-testid="decision-owner-input"]') as HTMLSelectElement;
    expect([...owner.options].map((o) => o.textContent?.trim())).toEqual(['Nog geen eigenaar', 'Anna Analist']);
    owner.value = 'u-ana';
    (el.querySelector('[data-testid="decision-deadline-input"]') as HTMLInputElement).value = '2024-07-01';
    (el.querySelector('[data-testid="effect-due-input"]') as HTMLInputElement).value = '2024-09-01';
    el.querySelector('[data-testid="decision-submit"]')!.closest('form')!.dispatchEvent(new Event('submit'));
    const put = http.expectOne('/api/v1/meetings/m1/items/i1/decision');
    expect(put.request.body).toEqual({ decision: 'Extra jongerenwerk', ownerId: 'u-ana', deadline: '2024-07-01', effectDueOn: '2024-09-01' });
    const decided = meeting('Extra jongerenwerk');
    decided.items[0] = { ...decided.items[0], owner: { id: 'u-ana', name: 'Anna Analist' }, deadline: '2024-07-01' };
    put.flush(decided.items[0]);
    http.expectOne('/api/v1/meetings/m1').flush(decided);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="decision-owner"]')?.textContent).toBe('Anna Analist');
    expect(el.querySelector('[data-testid="decision-deadline"]')?.textContent).toMatch(/2024/);
    // The correction form sits in a closed <details>, filled with what was decided.
    const edit = el.querySelector('details [data-testid="decision-input"]') as HTMLTextAreaElement;
    expect(edit.value).toBe('Extra jongerenwerk');
    expect((el.querySelector('details [data-testid="decision-owner-input"]') as HTMLSelectElement).value).toBe('u-ana');
    expect((el.querySelector('details [data-testid="decision-deadline-input"]') as HTMLInputElement).value).toBe('2024-07-01');
    http.verify();
  });

  it('shows the server’s refusal in the user’s language', async () => {
    const { fixture, el } = await render();
    (el.querySelector('[data-testid="decision-input"]') as HTMLTextAreaElement).value = 'Extra jongerenwerk';
    (el.querySelector('[data-testid="decision-deadline-input"]') as HTMLInputElement).value = '2024-05-01';
    el.querySelector('[data-testid="decision-submit"]')!.closest('form')!.dispatchEvent(new Event('submit'));
    http.expectOne('/api/v1/meetings/m1/items/i1/decision').flush(
      { statusCode: 400, message: 'deadline must be on or after the meeting date 2024-06-01', code: 'decision.deadlineBeforeMeeting', params: { date: '2024-06-01' }, errors: [{ field: 'deadline', message: 'x', code: 'decision.deadlineBeforeMeeting' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('De uiterste datum kan niet vóór de vergadering (2024-06-01) liggen.');
  });
});
