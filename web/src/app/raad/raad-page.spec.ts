import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CouncilSummary } from 'contracts';
import { RaadPage } from './raad-page';

const summary = (over: Partial<CouncilSummary>): CouncilSummary => ({
  area: { code: 'GM0228', name: 'Ede', level: 'municipality', parent: 'NL00' },
  period: null,
  hasData: false,
  quadrants: (['I', 'II', 'III', 'IV'] as const).map((quadrant) => ({ quadrant, standsOut: [], changed: [] })),
  agenda: [],
  ...over,
});

describe('RaadPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(body: CouncilSummary): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(RaadPage);
    fixture.componentRef.setInput('code', body.area.code);
    await fixture.whenStable();
    http.expectOne(`/api/v1/summary/${body.area.code}`).flush(body);
    // The municipality picker's own lists are not what this test is about.
    for (const r of http.match(() => true)) r.flush([]);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says there is no data for a municipality without figures, not "Niets bijzonders"', async () => {
    const el = await render(summary({}));
    expect(el.querySelector('[data-testid="raad-no-data"]')?.textContent).toContain('Er is (nog) geen data voor Ede');
    // The help explains the words ("Niets bijzonders" among them); the panel itself must not say it.
    el.querySelector('[data-testid="help-box"]')?.remove();
    expect(el.textContent).not.toContain('Niets bijzonders');
    expect(el.querySelectorAll('section.card')).toHaveLength(0);
  });

  it('says "Niets bijzonders" per quadrant when there is data and nothing stands out', async () => {
    const el = await render(summary({ area: { code: 'GM0518', name: "'s-Gravenhage", level: 'municipality', parent: 'NL00' }, period: '2024-Q4', hasData: true }));
    expect(el.querySelector('[data-testid="raad-no-data"]')).toBeNull();
    expect(el.querySelectorAll('section.card')).toHaveLength(4);
    expect(el.querySelector('section.card')?.textContent).toContain('Niets bijzonders');
  });
});
