import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AreaSummary } from 'contracts';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { storeSession } from '../testing/session';
import { WijkenPage } from './wijken-page';

const area = (code: string, name: string, level: AreaSummary['level'], parent: string | null): AreaSummary => ({
  code, name, level, parent,
});

describe('WijkenPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    storeSession('analyst');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
      // Keep the chart in its placeholder: jsdom has no canvas.
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(code?: string) {
    const fixture = TestBed.createComponent(WijkenPage);
    if (code) fixture.componentRef.setInput('code', code);
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/areas' && r.params.get('level') === 'municipality')
      .flush([area('GM0518', "'s-Gravenhage", 'municipality', 'NL00'), area('GM0228', 'Ede', 'municipality', 'NL00')]);
    // The picker lists municipalities with data first (issue 15).
    http.expectOne('/api/v1/areas/coverage').flush([{ code: 'GM0518', name: "'s-Gravenhage", areasWithData: 40 }]);
    return fixture;
  }

  it('asks to choose a municipality when none is in the URL', async () => {
    const fixture = await render();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Kies een gemeente');
  });

  it('lists the districts of the municipality in the URL with their neighbourhoods', async () => {
    const fixture = await render('GM0518');
    const districts = http.expectOne((r) => r.url === '/api/v1/areas' && r.params.get('parent') === 'GM0518' && !r.params.has('level'));
    const neighbourhoods = http.expectOne(
      (r) => r.url === '/api/v1/areas' && r.params.get('parent') === 'GM0518' && r.params.get('level') === 'neighbourhood',
    );
    expect(districts.request.headers.get('Authorization')).toBe('Bearer test-token');
    districts.flush([area('WK051802', 'Centrum', 'district', 'GM0518'), area('WK051801', 'Scheveningen', 'district', 'GM0518')]);
    neighbourhoods.flush([
      area('BU05180101', 'Oostduinen', 'neighbourhood', 'WK051801'),
      area('BU05180102', 'Belgisch Park', 'neighbourhood', 'WK051801'),
      area('BU05180201', 'Kortenbos', 'neighbourhood', 'WK051802'),
    ]);
    await fixture.whenStable();

    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h2')?.textContent).toContain("Wijken van 's-Gravenhage");
    const names = Array.from(el.querySelectorAll('.district-name'), (n) => n.textContent);
    expect(names).toEqual(['Scheveningen', 'Centrum']);
    expect(el.textContent).toContain('2 wijken, 3 buurten');
    expect(el.textContent).toContain('Belgisch Park');
    // Buurt names are links to the buurt's page (issue 15), without the code on screen.
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('.neighbourhoods a'), (a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(links).toEqual([['Oostduinen', '/wijk/BU05180101'], ['Belgisch Park', '/wijk/BU05180102'], ['Kortenbos', '/wijk/BU05180201']]);
    // Table alternative for the chart: same counts, present in the DOM.
    const cells = Array.from(el.querySelectorAll('#chart-table tbody tr'), (r) =>
      Array.from(r.children, (c) => c.textContent?.trim()).join(' '),
    );
    expect(cells).toEqual(['Scheveningen 2', 'Centrum 1']);
    expect((el.querySelector('#municipality-input') as HTMLInputElement).value).toBe("'s-Gravenhage (GM0518)");
  });

  it('shows the API error accessibly', async () => {
    const fixture = await render('GM9999');
    http
      .expectOne((r) => r.params.get('parent') === 'GM9999' && !r.params.has('level'))
      .flush({ statusCode: 503, message: 'database unavailable', code: 'error.unavailable' }, { status: 503, statusText: 'Service Unavailable' });
    http.match((r) => r.params.get('parent') === 'GM9999');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('De server is even niet bereikbaar; probeer het zo opnieuw.');
  });
});
