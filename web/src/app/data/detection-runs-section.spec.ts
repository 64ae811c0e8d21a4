import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from 'contracts';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { I18nService } from '../core/i18n/i18n.service';
import { storeSession } from '../testing/session';
import { DataPage } from './data-page';
import { runTrigger } from './detection-runs-section';
import type { DetectionRun } from './runs-api';

const run = (over: Partial<DetectionRun>): DetectionRun => ({
  id: '1', startedAt: '2026-11-28T10:00:00Z', finishedAt: '2026-11-28T10:00:04Z', status: 'completed', trigger: 'demo-data',
  created: 12, updated: 3, resolved: 1, skippedCount: 0, ...over,
});

describe('DataPage detection runs', () => {
  let http: HttpTestingController;

  function setUp(role: Role) {
    sessionStorage.clear();
    localStorage.clear();
    storeSession(role);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  }

  async function render(runs: DetectionRun[]) {
    const fixture = TestBed.createComponent(DataPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/signals/runs').flush(runs);
    // the history, catalogue and settings sections load their own data; this spec is about the runs
    for (const r of http.match(() => true)) r.flush([]);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const rows = (el: HTMLElement) =>
    [...el.querySelectorAll('[data-testid="detection-runs"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    );

  it('lists each run with its times, trigger, status and counts in Dutch words, an interrupted run with a hint', async () => {
    setUp('analyst');
    const { fixture, el } = await render([
      run({ id: '4', startedAt: '2026-11-28T12:00:00Z', finishedAt: null, status: 'running', trigger: 'manual:analyst@demo.local', created: 0, updated: 0, resolved: 0 }),
      run({ id: '3', startedAt: '2026-11-28T11:00:00Z', finishedAt: '2026-11-28T11:30:00Z', status: 'interrupted', trigger: 'import:b7', created: 0, updated: 0, resolved: 0 }),
      run({ id: '2', startedAt: '2026-11-28T10:30:00Z', finishedAt: '2026-11-28T10:31:05Z', status: 'failed', trigger: 'import:b5,import:b6,import:b8,+2', created: 0, updated: 0, resolved: 0 }),
      run({ id: '1' }),
    ]);
    const section = el.querySelector('[data-testid="detection-runs"]') as HTMLElement;
    expect(section.querySelector('h2')?.textContent?.trim()).toBe('Detectieruns');
    const [running, interrupted, failed, completed] = rows(el);
    expect(running).toEqual([expect.stringMatching(/28 nov 2026, 12:00/), '–', '–', 'Met de hand, door analyst@demo.local', 'Bezig…', '–']);
    expect(interrupted!.slice(1, 4)).toEqual(['–', '–', 'Na een import']);
    expect(interrupted![4]).toMatch(/^Onderbroken De server stopte tijdens deze run; er is niets van opgeslagen\./);
    expect(interrupted![5]).toBe('–');
    expect(section.querySelectorAll('[data-testid="run-interrupted"]')).toHaveLength(1);
    expect(failed!.slice(1, 4)).toEqual([expect.stringMatching(/28 nov 2026, 10:31/), '1 min 5 s', 'Na 5 imports']);
    expect(failed![4]).toMatch(/^Mislukt /);
    expect(completed!.slice(1)).toEqual([
      expect.stringMatching(/28 nov 2026, 10:00/), '4 s', 'Bij het laden van de demodata', 'Voltooid', '12 nieuw, 3 bijgewerkt, 1 opgelost',
    ]);
    // never a raw API value
    for (const raw of ['interrupted', 'running', 'completed', 'failed', 'demo-data', 'manual:', 'import:', 'b7']) {
      expect(section.textContent).not.toContain(raw);
    }

    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(section.querySelector('h2')?.textContent?.trim()).toBe('Detection runs');
    const en = rows(el);
    expect(en[1]![4]).toMatch(/^Interrupted The server stopped during this run/);
    expect(en[3]!.slice(3)).toEqual(['When the demo data was loaded', 'Completed', '12 new, 3 updated, 1 resolved']);
  });

  it('says so in words when there is no run yet, and refreshes on request', async () => {
    setUp('analyst');
    const { fixture, el } = await render([]);
    const section = el.querySelector('[data-testid="detection-runs"]') as HTMLElement;
    expect(section.textContent).toContain('Er is nog geen detectierun geweest.');
    (section.querySelector('[data-testid="runs-refresh"]') as HTMLButtonElement).click();
    http.expectOne('/api/v1/signals/runs').flush([run({})]);
    await fixture.whenStable();
    expect(rows(el)).toHaveLength(1);
  });

  it('is not shown (nor asked for) to a role that may not list runs', async () => {
    setUp('manager');
    const fixture = TestBed.createComponent(DataPage);
    await fixture.whenStable();
    http.expectNone('/api/v1/signals/runs');
    for (const r of http.match(() => true)) r.flush([]);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="detection-runs"]')).toBeNull();
  });

  it('reads the trigger values the API writes', () => {
    expect(runTrigger('demo-data')).toEqual({ key: 'run.trigger.demo' });
    expect(runTrigger('manual:system:cli')).toEqual({ key: 'run.trigger.manual', params: { actor: 'system:cli' } });
    expect(runTrigger('import:9')).toEqual({ key: 'run.trigger.import' });
    expect(runTrigger('import:9,import:10')).toEqual({ key: 'run.trigger.imports', params: { count: 2 } });
    expect(runTrigger('test')).toEqual({ key: 'run.trigger.other' });
  });
});
