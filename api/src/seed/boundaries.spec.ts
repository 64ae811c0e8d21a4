import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { loadAreaRegister } from './areas';
import { boundaryCoverage, loadBoundariesWithSource, roundGeometry } from './boundaries';

const dataDir = join(__dirname, '..', '..', '..', 'seed', 'data');

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return [];
  }
}

describe('loadBoundaries', () => {
  const { geometries, sourceOf } = loadBoundariesWithSource(dataDir);
  const register = loadAreaRegister(dataDir);
  const coverage = boundaryCoverage(register, geometries);

  it('covers every 2024 municipality and all but 5 wijken', () => {
    const byLevel = Object.fromEntries(coverage.map((c) => [c.level, c]));
    expect(byLevel['municipality']).toMatchObject({ registerCount: 342, withBoundary: 342 });
    expect(byLevel['district']).toMatchObject({ registerCount: 3393, withBoundary: 3388 });
    expect(byLevel['district']!.missing.sort()).toEqual(['WK018006', 'WK018007', 'WK028500', 'WK063700', 'WK075300']);
    expect(byLevel['neighbourhood']!.withBoundary).toBe(0);
  });

  it('takes GM from gemeente_2026, WK from wijk_2025 and only missing codes from ELAN', () => {
    expect(sourceOf.get('GM0518')).toBe('gemeente_2026');
    expect(sourceOf.get('WK0363AA')).toBe('wijk_2025');
    expect(sourceOf.get('WK051829')).toBe('wijk_2025');
    const elan = [...sourceOf].filter(([, s]) => s === 'elan_wijkgeo').map(([c]) => c).sort();
    expect(elan).toEqual(['WK051899', 'WK062999']);
    expect([...sourceOf.values()].filter((s) => s === 'wijk_2025')).toHaveLength(3423);
  });

  it('is valid WGS84 lon/lat inside the Netherlands with at most 5 decimals', () => {
    const bad: string[] = [];
    for (const [code, g] of geometries) {
      expect(['Polygon', 'MultiPolygon']).toContain(g.type);
      for (const [lon, lat] of positions(g)) {
        if (!(lon! > 3.3 && lon! < 7.3 && lat! > 50.7 && lat! < 53.6)) bad.push(`${code} ${lon} ${lat}`);
        if (Math.round(lon! * 1e5) / 1e5 !== lon || Math.round(lat! * 1e5) / 1e5 !== lat) bad.push(`${code} precision`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    // Den Haag's Schildersbuurt lies around 4.30 E, 52.07 N.
    const [lon, lat] = positions(geometries.get('WK051829')!)[0]!;
    expect(lon).toBeCloseTo(4.3, 1);
    expect(lat).toBeCloseTo(52.07, 1);
  });

  it('rounds rings, drops duplicate points and keeps them closed', () => {
    const g = roundGeometry({
      type: 'Polygon',
      coordinates: [[[4.000001, 52.000001], [4.000002, 52.000002], [4.1, 52], [4.1, 52.1], [4.000001, 52.000001]]],
    });
    expect(g).toEqual({ type: 'Polygon', coordinates: [[[4, 52], [4.1, 52], [4.1, 52.1], [4, 52]]] });
    expect(roundGeometry({ type: 'Polygon', coordinates: [[[4, 52], [4.000001, 52], [4, 52.000001], [4, 52]]] })).toBeNull();
  });
});
