import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportPreview } from 'contracts';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { I18nService } from '../core/i18n/i18n.service';
import { storeSession } from '../testing/session';
import { DataPage } from './data-page';

const preview = (over: Partial<ImportPreview>): ImportPreview => ({
  dryRun: true, status: 'valid', format: 'long', rowsAccepted: 3, rowsRejected: 0, ignoredColumns: [],
  summary: { indicators: ['loneliness'], periods: ['2022'], areaCount: 1, areas: ['GM0599'], rowsNew: 3, rowsReplaced: 0, rowsUnchanged: 0, ignoredColumns: [] },
  ...over,
});

/** Issue 16: the upload form's source and period, and the reason of an assumed format in the user's language. */
describe('DataPage upload form', () => {
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

  async function previewWith(fields: { source?: string; period?: string } = {}): Promise<{ el: HTMLElement; fixture: ReturnType<typeof TestBed.createComponent<DataPage>>; req: TestRequest }> {
    const fixture = TestBed.createComponent(DataPage);
    await fixture.whenStable();
    for (const r of http.match(() => true)) r.flush([]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('[data-testid="import-file"]') as HTMLInputElement;
    const file = new File(['indicator,subject,value\n'], 'cijfers.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: { 0: file, length: 1, item: () => file } });
    (el.querySelector('[data-testid="import-source"]') as HTMLInputElement).value = fields.source ?? '';
    (el.querySelector('[data-testid="import-period"]') as HTMLInputElement).value = fields.period ?? '';
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const req = http.expectOne((r) => r.url === '/api/v1/imports' && r.method === 'POST');
    return { el, fixture, req };
  }

  it('labels the source and period fields and sends them with the file', async () => {
    const { el, req } = await previewWith({ source: ' GGD-monitor 2022 ', period: '2022' });
    expect(el.querySelector('label[for="import-source"]')?.textContent?.trim()).toBe('Bron (optioneel)');
    expect(el.querySelector('label[for="import-period"]')?.textContent?.trim()).toBe('Periode (optioneel)');
    expect(req.request.params.get('source')).toBe('GGD-monitor 2022');
    expect(req.request.params.get('period')).toBe('2022');
    expect(req.request.params.get('dryRun')).toBe('true');
  });

  it('sends neither when both are empty', async () => {
    const { req } = await previewWith();
    expect(req.request.params.has('source')).toBe(false);
    expect(req.request.params.has('period')).toBe(false);
  });

  it('says which format it assumed and why, in Dutch and in English, from the message key — not the server\'s English sentence', async () => {
    const { el, fixture, req } = await previewWith();
    req.flush(preview({
      formatDetection: { format: 'long', sure: false, code: 'import.format.long-assumed', reason: 'assumed the long format: SERVER TEXT', params: { columns: 'indicator, subject, value' } },
    }));
    await fixture.whenStable();
    const detected = () => el.querySelector('[data-testid="import-detected"]')?.textContent?.trim();
    expect(detected()).toBe('Aangenomen formaat: CSV (lang), omdat de kopregel indicator, subject, value noemt, maar niet indicator, subject en period elk in een eigen kolom.');
    expect(el.textContent).not.toContain('SERVER TEXT');
    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(detected()).toBe('Assumed format: CSV (long), because the header names indicator, subject, value, but not each of indicator, subject and period in a column of its own.');
  });

  it('explains an assumed StatLine table by its title', async () => {
    const { el, fixture, req } = await previewWith();
    req.flush(preview({ format: 'statline', formatDetection: { format: 'statline', sure: false, code: 'import.format.statline-assumed', reason: 'x', params: { title: 'Mijn tabel 2022' } } }));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="import-detected"]')?.textContent?.trim()).toBe(
      'Aangenomen formaat: StatLine, omdat de eerste regel alleen een titel is (“Mijn tabel 2022”) met daaronder een lege regel, zoals in de tabelindeling van StatLine.',
    );
  });

  it('refuses a period the server cannot read in Dutch', async () => {
    const { el, fixture, req } = await previewWith({ period: '22' });
    req.flush(
      { statusCode: 400, message: 'invalid period', code: 'import.badPeriod', params: { value: '22' }, errors: [{ field: 'period', message: 'invalid period', code: 'import.badPeriod', params: { value: '22' } }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Ongeldige periode “22” (bijvoorbeeld 2024, 2024-Q4 of 2024-03).');
  });
});
