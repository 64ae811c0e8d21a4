import { effectiveActive, hitLink, moveActive } from './header-search';
import { municipalityFromUrl, sectionLink } from './current-municipality';

describe('header search links and the municipality in the URL', () => {
  it('opens a wijk or buurt page carrying its municipality, a municipality on the Overzicht', () => {
    expect(hitLink({ kind: 'area', code: 'WK059901', name: 'Stadscentrum', level: 'district', municipality: 'GM0599', municipalityName: 'Rotterdam' }, null))
      .toEqual({ path: ['/wijk', 'WK059901'], queryParams: { gemeente: 'GM0599' } });
    expect(hitLink({ kind: 'area', code: 'GM0518', name: "'s-Gravenhage", level: 'municipality', municipality: 'GM0518', municipalityName: "'s-Gravenhage" }, null))
      .toEqual({ path: ['/overzicht', 'GM0518'], queryParams: {} });
    expect(hitLink({ kind: 'indicator', code: 'x', name: { nl: 'X', en: 'X' }, quadrant: 'I' }, 'GM0344'))
      .toEqual({ path: ['/verkenner'], queryParams: { indicator: 'x', area: 'GM0344' } });
  });

  it('reads the municipality from the path or the query, never from a wijk code', () => {
    expect(municipalityFromUrl('/overzicht/GM0599?indicator=a')).toBe('GM0599');
    expect(municipalityFromUrl('/wijk/WK059901?gemeente=GM0599')).toBe('GM0599');
    expect(municipalityFromUrl('/verkenner?indicator=a&area=GM0344')).toBe('GM0344');
    expect(municipalityFromUrl('/verkenner?area=WK034401')).toBeNull();
    expect(municipalityFromUrl('/signalen')).toBeNull();
  });

  it('lets every section link carry it', () => {
    expect(sectionLink('/overzicht', 'GM0599')).toEqual({ path: ['/overzicht', 'GM0599'], queryParams: null });
    expect(sectionLink('/verkenner', 'GM0599')).toEqual({ path: ['/verkenner'], queryParams: { area: 'GM0599' } });
    expect(sectionLink('/wijken', 'GM0599')).toEqual({ path: ['/wijken', 'GM0599'], queryParams: null });
    expect(sectionLink('/signalen', 'GM0599')).toEqual({ path: ['/signalen'], queryParams: { gemeente: 'GM0599' } });
    expect(municipalityFromUrl('/wijken/GM0228')).toBe('GM0228');
    expect(sectionLink('/wijken', null)).toEqual({ path: ['/wijken'], queryParams: null });
  });

  it('keeps arrow presses made while results load, and wraps around the list', () => {
    // Two presses before any result has arrived: the second option once the list is there.
    let r = moveActive(-1, 'ArrowDown', 0);
    r = moveActive(r, 'ArrowDown', 0);
    expect(effectiveActive(r, 5)).toBe(1);
    expect(effectiveActive(r, 1)).toBe(0);
    expect(effectiveActive(r, 0)).toBe(-1);
    expect(moveActive(4, 'ArrowDown', 5)).toBe(0);
    expect(moveActive(0, 'ArrowUp', 5)).toBe(4);
    expect(moveActive(-1, 'ArrowUp', 5)).toBe(4);
    // A request beyond a shorter list counts from its last option.
    expect(moveActive(9, 'ArrowUp', 3)).toBe(1);
    expect(moveActive(0, 'ArrowUp', 0)).toBe(-1);
  });
});
