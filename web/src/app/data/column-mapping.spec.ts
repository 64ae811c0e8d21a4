import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { I18nService } from '../core/i18n/i18n.service';
import { storeSession } from '../testing/session';
import { IndicatorsApi } from '../indicators/indicators-api';
import { codeFromName, ColumnMappingSection, measureOfColumn, numberInput, perOfColumn } from './column-mapping-section';

describe('column mapping helpers', () => {
  it.each([
    ['Roker (%)', 'proportion'],
    ['Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)', 'proportion'],
    ['Bevolking/Aantal inwoners (aantal)', 'count'],
    ['Inkomen/Gemiddeld inkomen (x 1 000 euro)', 'mean'],
    ['Zonder eenheid', 'mean'],
  ])('%s holds a %s', (column, measure) => expect(measureOfColumn(column)).toBe(measure));

  it.each([
    ['Ervaren gezondheid', [], 'ervaren-gezondheid'],
    ['Één of meer aandoeningen (%)', [], 'een-of-meer-aandoeningen'],
    ['Rokers', ['rokers', 'rokers-2'], 'rokers-3'],
    ['!!!', [], 'indicator'],
  ])('%s → code %s', (name, taken, code) => expect(codeFromName(name, new Set(taken))).toBe(code));

  it.each([
    ['Misdrijven (per 1 000 inwoners)', 1000],
    ['Huisuitzettingen (per 10.000 huishoudens)', 10000],
    ['Roker (%)', 1000],
  ])('%s is per %d', (column, per) => expect(perOfColumn(column)).toBe(per));

  it('reads a typed number, keeps other text for the server to name, and leaves empty out', () => {
    expect([numberInput(' 10 '), numberInput('7,0'), numberInput('tien'), numberInput('')]).toEqual([10, 7, 'tien', undefined]);
  });
});

const RATE = 'Misdrijven (per 1 000 inwoners)';
const SHARE = 'Roker (%)';

/** Issue 16: a new indicator made from an ignored column carries the unit of its rate and its minimum count; the server checks both. */
describe('ColumnMappingSection: a new indicator from a column', () => {
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

  async function render() {
    const fixture = TestBed.createComponent(ColumnMappingSection);
    fixture.componentRef.setInput('signature', 'cols-0123456789abcdef01234567');
    fixture.componentRef.setInput('columns', [RATE, SHARE]);
    await fixture.whenStable();
    http.expectOne('/api/v1/indicators').flush([]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const byLabel = <T extends HTMLElement>(label: string) => el.querySelector(`[aria-label="${label}"]`) as T;
    const set = async (label: string, value: string, event: 'input' | 'change') => {
      const c = byLabel<HTMLInputElement>(label);
      c.value = value;
      c.dispatchEvent(new Event(event));
      await fixture.whenStable();
    };
    return { fixture, el, byLabel, set };
  }

  it('sends per and the minimum count with the new indicator, and shows the server\'s refusal next to the column in Dutch', async () => {
    const { fixture, el, byLabel, set } = await render();
    await set(`Inlezen als, kolom ${RATE}`, '__new__', 'change');
    await set(`Maat voor ${RATE}`, 'rate', 'change');
    expect(byLabel<HTMLInputElement>(`Per (eenheid van het tempo) voor ${RATE}`).value).toBe('1000'); // from the header
    expect(byLabel<HTMLInputElement>(`Minimum aantal voor ${RATE}`).value).toBe('5');
    await set(`Per (eenheid van het tempo) voor ${RATE}`, '10000', 'input');
    await set(`Minimum aantal voor ${RATE}`, '2', 'input');
    (el.querySelector('[data-testid="mapping-apply"]') as HTMLButtonElement).click();
    http.expectOne('/api/v1/statline-mappings').flush([]);
    const put = http.expectOne((r) => r.method === 'PUT');
    expect(put.request.url).toBe('/api/v1/statline-mappings/cols-0123456789abcdef01234567');
    expect(put.request.body).toEqual({
      columns: {},
      newIndicators: {
        [RATE]: expect.objectContaining({ code: 'misdrijven', measure: 'rate', per: 10000, minCount: 2, name: { nl: 'Misdrijven', en: 'Misdrijven' } }),
      },
    });
    put.flush(
      {
        statusCode: 400, message: '1 column cannot be mapped', code: 'mapping.invalid',
        errors: [{ field: RATE, message: 'minCount …', code: 'indicator.minCount.range', params: { column: RATE, field: 'minCount', min: 5, max: 1000 } }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const row = [...el.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent?.includes(RATE)) as HTMLElement;
    expect(row.querySelector('.error')?.textContent?.trim()).toBe('Het minimum aantal moet een geheel getal van 5 tot en met 1000 zijn (de ondergrens 5 stelt de beheerder in).');
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Niet opgeslagen: controleer de gemarkeerde kolommen.');
    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="column-mapping"] h4')?.textContent?.trim()).toBe('Read ignored columns');
  });

  it('asks no unit for a share, and leaves the minimum out when it is emptied (the server applies the default)', async () => {
    const { el, byLabel, set } = await render();
    await set(`Inlezen als, kolom ${SHARE}`, '__new__', 'change');
    expect(byLabel(`Per (eenheid van het tempo) voor ${SHARE}`)).toBeNull();
    await set(`Minimum aantal voor ${SHARE}`, '', 'input');
    (el.querySelector('[data-testid="mapping-apply"]') as HTMLButtonElement).click();
    http.expectOne('/api/v1/statline-mappings').flush([]);
    const body = http.expectOne((r) => r.method === 'PUT').request.body as { newIndicators: Record<string, Record<string, unknown>> };
    expect(body.newIndicators[SHARE]).toMatchObject({ measure: 'proportion', per: null });
    expect('minCount' in body.newIndicators[SHARE] && body.newIndicators[SHARE]['minCount'] !== undefined).toBe(false);
  });

  it('drops the cached catalogue once the new indicator is made, so the preview names it', async () => {
    const { el, set } = await render();
    await set(`Inlezen als, kolom ${SHARE}`, '__new__', 'change');
    (el.querySelector('[data-testid="mapping-apply"]') as HTMLButtonElement).click();
    http.expectOne('/api/v1/statline-mappings').flush([]);
    http.expectOne((r) => r.method === 'PUT').flush({ signature: 'cols-0123456789abcdef01234567', columns: { [SHARE]: 'roker' } });
    TestBed.inject(IndicatorsApi).catalogue().subscribe();
    http.expectOne('/api/v1/indicators').flush([]);
  });
});
