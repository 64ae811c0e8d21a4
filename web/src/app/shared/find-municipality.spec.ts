import type { AreaSummary } from 'contracts';
import { findMunicipality, withDataFirst } from './find-municipality';

const m = (code: string, name: string): AreaSummary => ({ code, name, level: 'municipality', parent: 'NL00' });
const LIST = [m('GM0518', "'s-Gravenhage"), m('GM0796', "'s-Hertogenbosch"), m('GM1900', 'Súdwest-Fryslân'), m('GM0228', 'Ede'), m('GM0344', 'Utrecht')];

describe('findMunicipality', () => {
  it('accepts codes, labels and exact names as before', () => {
    expect(findMunicipality(LIST, 'gm0228')?.name).toBe('Ede');
    expect(findMunicipality(LIST, 'Ede (GM0228)')?.code).toBe('GM0228');
    expect(findMunicipality(LIST, 'UTRECHT')?.code).toBe('GM0344');
  });

  it('accepts everyday names and aliases, case- and accent-insensitive', () => {
    expect(findMunicipality(LIST, 'Den Haag')?.code).toBe('GM0518');
    expect(findMunicipality(LIST, 'den bosch')?.code).toBe('GM0796');
    expect(findMunicipality(LIST, 's-Gravenhage')?.code).toBe('GM0518');
    expect(findMunicipality(LIST, 'sudwest fryslan')?.code).toBe('GM1900');
    expect(findMunicipality(LIST, 'Amsterdam')).toBeUndefined();
  });

  it('lists municipalities with data first, most data first', () => {
    expect(withDataFirst(LIST, ['GM0344', 'GM0228']).map((a) => a.code)).toEqual(['GM0344', 'GM0228', 'GM0518', 'GM0796', 'GM1900']);
  });
});
