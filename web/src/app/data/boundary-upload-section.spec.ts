import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { I18nService } from '../core/i18n/i18n.service';
import { storeSession } from '../testing/session';
import { BOUNDARY_EN, BOUNDARY_NL } from './boundary-messages';
import { BoundaryUploadSection } from './boundary-upload-section';

/** Every server key the API can send (README "Boundaries") has a Dutch and an English text. */
const SERVER_KEYS = [
  'boundaries.invalid', 'boundaries.file.badJson', 'boundaries.file.notGeo', 'boundaries.file.empty', 'boundaries.file.crs',
  'boundaries.file.crsUnknown', 'boundaries.file.topoObject', 'boundaries.file.badTopology', 'boundaries.feature.noCode',
  'boundaries.feature.unknownCode', 'boundaries.feature.duplicate', 'boundaries.feature.noGeometry', 'boundaries.feature.geometryType',
  'boundaries.feature.shortRing', 'boundaries.feature.openRing', 'boundaries.feature.badCoordinate', 'boundaries.feature.outsideNl',
  'boundaries.feature.degenerate',
];

describe('BoundaryUploadSection', () => {
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

  async function submit(): Promise<{ el: HTMLElement; fixture: ReturnType<typeof TestBed.createComponent<BoundaryUploadSection>> }> {
    const fixture = TestBed.createComponent(BoundaryUploadSection);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/v1/areas').flush([{ code: 'GM0599', name: 'Rotterdam', level: 'municipality', parent: 'NL00' }]);
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('[data-testid="boundary-file"]') as HTMLInputElement;
    const file = new File(['{}'], 'buurten.geojson', { type: 'application/geo+json' });
    Object.defineProperty(input, 'files', { value: { 0: file, length: 1, item: () => file } });
    (el.querySelector('[data-testid="boundary-crs"]') as HTMLSelectElement).value = 'EPSG:28992';
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    return { el, fixture };
  }

  it('has every server key in Dutch and English', () => {
    for (const k of SERVER_KEYS) {
      expect(BOUNDARY_NL[`api.${k}` as keyof typeof BOUNDARY_NL]).toBeTruthy();
      expect(BOUNDARY_EN[`api.${k}` as keyof typeof BOUNDARY_EN]).toBeTruthy();
    }
  });

  it('sends the file with the chosen CRS and reports what was stored, with a link to the buurt map', async () => {
    const { el, fixture } = await submit();
    const req = http.expectOne((r) => r.url === '/api/v1/areas/boundaries');
    expect(req.request.params.get('crs')).toBe('EPSG:28992');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.flush({ updated: 91, byLevel: { neighbourhood: 91 }, municipalities: ['GM0599'], format: 'geojson', crs: 'EPSG:28992', checksum: 'x' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="boundary-result"]')?.textContent).toBe('91 grenzen opgeslagen (91 buurten) in Rotterdam; gelezen als GeoJSON in RD New (EPSG:28992).');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/overzicht/GM0599?level=neighbourhood');
  });

  it('says one boundary and one wijk in the singular', async () => {
    const { el, fixture } = await submit();
    http.expectOne((r) => r.url === '/api/v1/areas/boundaries').flush({ updated: 1, byLevel: { district: 1 }, municipalities: ['GM0599'], format: 'geojson', crs: 'EPSG:28992', checksum: 'x' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="boundary-result"]')?.textContent).toBe('1 grens opgeslagen (1 wijk) in Rotterdam; gelezen als GeoJSON in RD New (EPSG:28992).');
  });

  it('shows a refused file per feature in the user\'s language, codes as the server named them', async () => {
    const { el, fixture } = await submit();
    const body = {
      statusCode: 422, message: '2 problems in the boundary file; nothing was written', code: 'boundaries.invalid', params: { count: 2 }, errorCount: 2,
      errors: [
        { feature: 2, area: 'BU05999999', code: 'boundaries.feature.unknownCode', params: { feature: 2, area: 'BU05999999' }, message: 'feature 2 (BU05999999): BU05999999 is not in the area register' },
        { feature: 4, area: 'BU05990110', code: 'boundaries.feature.openRing', params: { feature: 4, area: 'BU05990110', ring: 1 }, message: 'feature 4 (BU05990110): ring 1 is not closed' },
      ],
    };
    http.expectOne((r) => r.url === '/api/v1/areas/boundaries').flush(body, { status: 422, statusText: 'Unprocessable' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="boundary-error"]')?.textContent).toBe('2 fouten in het grenzenbestand; er is niets opgeslagen.');
    const rows = () => [...el.querySelectorAll('[data-testid="boundary-errors"] tbody tr')].map((r) => [...r.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()).join(' | '));
    expect(rows()).toEqual([
      'nr. 2 · BU05999999 | BU05999999 staat niet in het gebiedenregister.',
      'nr. 4 · BU05990110 | rand 1 is niet gesloten: het eerste en laatste punt verschillen.',
    ]);
    TestBed.inject(I18nService).setLang('en');
    fixture.componentRef.changeDetectorRef.markForCheck();
    await fixture.whenStable();
    expect(rows()[1]).toBe('no. 4 · BU05990110 | ring 1 is not closed: its first and last points differ.');
  });
});
