import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportBatch } from 'contracts';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { I18nService } from '../core/i18n/i18n.service';
import { storeSession } from '../testing/session';
import { DataPage } from './data-page';

const batch = (over: Partial<ImportBatch>): ImportBatch => ({
  id: 'b1', createdAt: '2026-11-28T10:00:00Z', createdBy: 'analyst@demo.local', source: 'wijken.csv', format: 'long',
  checksum: '3f2a9c0d1e4b5a6978877665544332211', rowsAccepted: 120, rowsRejected: 0, status: 'completed', errors: [], errorCount: 0,
  ignoredColumns: [], ...over,
});

describe('DataPage import history', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    storeSession('analyst');
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(batches: ImportBatch[]) {
    const fixture = TestBed.createComponent(DataPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/imports').flush(batches);
    // the catalogue and settings sections load their own data; this spec is about the history
    for (const r of http.match(() => true)) r.flush([]);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('names format and status in words, with counts and the start of the checksum', async () => {
    const { el } = await render([batch({ format: 'statline', source: 'Gezondheid.csv' })]);
    const row = el.querySelector('[data-testid="import-history"] tbody tr') as HTMLElement;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent?.trim());
    expect(cells.slice(1)).toEqual(['analyst@demo.local', 'Gezondheid.csv', 'StatLine', '120', '0', 'Ingelezen', '3f2a9c0d1e4b', '–']);
    expect(cells[0]).toMatch(/28 nov 2026, 10:00/); // date with the time of day (TZ=UTC)
    expect(row.querySelector('code')?.getAttribute('title')).toBe('3f2a9c0d1e4b5a6978877665544332211');
  });

  it('shows what a batch changed, with a link to its figures', async () => {
    const { el } = await render([batch({ summary: { indicators: ['loneliness'], periods: ['2020'], areaCount: 3, areas: ['GM0599'], rowsNew: 2, rowsReplaced: 1, rowsUnchanged: null, ignoredColumns: [] } })]);
    const row = el.querySelector('[data-testid="import-history"] tbody tr') as HTMLElement;
    const last = [...row.querySelectorAll('td')].pop() as HTMLElement;
    expect(last.textContent?.replace(/\s+/g, ' ')).toContain('2 nieuw, 1 overschreven; loneliness (2020)');
    expect(last.querySelector('a')?.getAttribute('href')).toBe('/verkenner?indicator=loneliness');
    expect(last.querySelector('a')?.textContent?.trim()).toBe('Cijfers van loneliness bekijken'); // the catalogue (empty here) would give the name
  });

  it('lists the errors of a rejected batch behind a disclosure, with the count of those not listed', async () => {
    const { fixture, el } = await render([
      batch({
        id: 'b2', status: 'failed', rowsAccepted: 0, rowsRejected: 250, errorCount: 102,
        errors: [
          { line: 3, column: 'subject', message: 'unknown area "GM9999"', code: 'import.unknownArea', params: { value: 'GM9999' } },
          { line: 7, column: null, message: 'duplicate row' },
        ],
      }),
    ]);
    const details = el.querySelector('[data-testid="import-history"] details') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).toContain('102 fouten');
    const items = [...details.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    // In Dutch by its key; a line without a key gets a generic Dutch sentence, not the server's English.
    expect(items).toEqual(['regel 3, subject: Onbekend gebied “GM9999”: niet in het gebiedsregister.', 'regel 7: Deze regel of dit veld klopt niet.']);
    expect(details.textContent).toContain('En nog 100 fouten.');
    expect(el.textContent).toContain('Geweigerd');

    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(details.querySelector('summary')?.textContent).toContain('102 errors');
    expect(el.querySelector('[data-testid="import-history"] tbody tr')?.textContent).toContain('Rejected');
  });

  it('pages through older imports with the Link header: "Oudere imports tonen" appends them, and ends with the last page', async () => {
    const fixture = TestBed.createComponent(DataPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/imports').flush([batch({ id: 'b3', source: 'nieuw.csv' })], { headers: { Link: '</api/v1/imports?cursor=abc>; rel="next"' } });
    for (const r of http.match(() => true)) r.flush([]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const more = () => el.querySelector('[data-testid="history-more"]') as HTMLButtonElement | null;
    expect(more()?.textContent?.trim()).toBe('Oudere imports tonen');

    more()!.click();
    // the page the link names; a batch seen already is not listed twice
    http.expectOne('/api/v1/imports?cursor=abc').flush([batch({ id: 'b3', source: 'nieuw.csv' }), batch({ id: 'b2', source: 'ouder.csv' })]);
    await fixture.whenStable();
    const sources = [...el.querySelectorAll('[data-testid="import-history"] tbody tr .history-source')].map((td) => td.textContent?.trim());
    expect(sources).toEqual(['nieuw.csv', 'ouder.csv']);
    expect(more()).toBeNull();
  });
});
