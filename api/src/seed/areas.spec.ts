import { join } from 'node:path';
import { loadAreaRegister, parentCodeOf, readRegister } from './areas';

const dataDir = join(__dirname, '..', '..', '..', 'seed', 'data');

describe('loadAreaRegister (KWB 2024)', () => {
  const areas = loadAreaRegister(dataDir);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const count = (level: string): number => areas.filter((a) => a.level === level).length;

  it('has the exact CBS 2024 counts', () => {
    expect(count('country')).toBe(1);
    expect(count('municipality')).toBe(342);
    expect(count('district')).toBe(3393);
    expect(count('neighbourhood')).toBe(14574);
    expect(byCode.size).toBe(areas.length);
  });

  it('has trimmed codes and names', () => {
    expect(byCode.get('NL00')).toEqual({ code: 'NL00', name: 'Nederland', level: 'country', parent: null });
    expect(byCode.get('GM0518')).toEqual({ code: 'GM0518', name: "'s-Gravenhage", level: 'municipality', parent: 'NL00' });
    expect(byCode.get('WK051829')?.name).toBe('Wijk 29 Schildersbuurt');
    expect(byCode.get('WK168000')).toMatchObject({ name: 'Wijk 00 Annen', parent: 'GM1680' });
    expect(byCode.get('BU16800000')).toMatchObject({ name: 'Annen', level: 'neighbourhood', parent: 'WK168000' });
    expect(areas.filter((a) => a.code !== a.code.trim() || a.name !== a.name.trim() || a.name === '')).toEqual([]);
  });

  it("handles Amsterdam's alphanumeric codes", () => {
    expect(byCode.get('WK0363AA')).toMatchObject({ name: 'Haarlemmerbuurt', level: 'district', parent: 'GM0363' });
    expect(byCode.get('BU0363AA01')).toMatchObject({ name: 'Planciusbuurt-Noord', parent: 'WK0363AA' });
    expect(areas.filter((a) => a.parent === 'GM0363')).toHaveLength(110);
  });

  it('gives every area an existing parent of the level above, listed before it', () => {
    const above: Record<string, string> = { municipality: 'country', district: 'municipality', neighbourhood: 'district' };
    const position = new Map(areas.map((a, i) => [a.code, i]));
    const bad = areas.filter((a) => {
      if (a.level === 'country') return a.parent !== null;
      const p = byCode.get(a.parent ?? '');
      return p?.level !== above[a.level] || (position.get(p.code) ?? Infinity) >= (position.get(a.code) ?? -1);
    });
    expect(bad).toEqual([]);
    expect(areas.filter((a) => a.parent === 'GM0518')).toHaveLength(44);
    expect(areas.filter((a) => a.parent === 'GM0599')).toHaveLength(21);
  });

  it('reads population as numbers', () => {
    const pop = new Map(readRegister(dataDir).map((a) => [a.code, a.population]));
    expect(pop.get('NL00')).toBe(17942942);
    expect(pop.get('GM0518')).toBe(566221);
    expect(pop.get('WK051829')).toBe(30700);
  });

  it('derives parents from codes and rejects unknown patterns', () => {
    expect(parentCodeOf('NL00')).toBeNull();
    expect(parentCodeOf('GM0599')).toBe('NL00');
    expect(parentCodeOf('WK059901')).toBe('GM0599');
    expect(parentCodeOf('BU0363NL01')).toBe('WK0363NL');
    expect(() => parentCodeOf('WK1916--')).toThrow(/unrecognised/);
  });
});
