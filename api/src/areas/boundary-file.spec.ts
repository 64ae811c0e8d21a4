import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { loadAreaRegister } from '../seed/areas';
import { generatedBuurten, realWijken, REAL_WIJK_FILE } from '../../../test/support/buurt-boundaries';
import { readBoundaryFile, toRdNew, type BoundaryOutcome } from './boundary-file';

// The real 2024 area register (seed/data) and the real 2025 wijk boundaries (test/fixtures/real/nl-boundaries).
const register = loadAreaRegister(join(__dirname, '..', '..', '..', 'seed', 'data'));
const codes = new Set(register.map((a) => a.code));
const known = (asked: string[]) => new Set(asked.filter((c) => codes.has(c)));
const bytes = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8');
const read = (v: unknown, options?: { crs?: string; object?: string }) => readBoundaryFile(bytes(v), known, options);

const rotterdamWijken = realWijken('GM0599');
const rotterdamBuurten = register.filter((a) => a.level === 'neighbourhood' && a.parent?.startsWith('WK0599')).map((a) => ({ code: a.code, name: a.name, parent: a.parent! }));
const buurtFile = generatedBuurten(rotterdamWijken, rotterdamBuurten);

function positions(g: Geometry): Position[] {
  return g.type === 'Polygon' ? g.coordinates.flat() : g.type === 'MultiPolygon' ? g.coordinates.flat(2) : [];
}
function ok(o: BoundaryOutcome) {
  if (!o.ok) throw new Error(`expected success, got ${JSON.stringify(o.errors.slice(0, 3))}`);
  return o.value;
}
function errors(o: BoundaryOutcome) {
  if (o.ok) throw new Error('expected errors');
  return o.errors;
}
/** The same file in RD New (EPSG:28992), as PDOK's own download would be. */
function toRd(fc: FeatureCollection, named: boolean): unknown {
  const project = (ring: Position[]) => ring.map(([lon, lat]) => toRdNew(lon!, lat!));
  return {
    type: 'FeatureCollection',
    ...(named ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } } } : {}),
    features: fc.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(project) }
          : { type: 'MultiPolygon', coordinates: (f.geometry as { coordinates: Position[][][] }).coordinates.map((p) => p.map(project)) },
    })),
  };
}

describe('readBoundaryFile: real wijk boundaries', () => {
  it('reads the real Rotterdam wijken (GeoJSON, WGS84) with every code from the register', async () => {
    expect(rotterdamWijken.features.length).toBeGreaterThan(10);
    const v = ok(await read(rotterdamWijken));
    expect(v).toMatchObject({ format: 'geojson', crs: 'EPSG:4326' });
    expect(v.features.map((f) => f.code)).toEqual(rotterdamWijken.features.map((f) => f.properties.statcode));
    for (const f of v.features) for (const [lon, lat] of positions(f.geometry)) {
      expect(lon).toBeGreaterThan(3.9);
      expect(lon).toBeLessThan(4.7);
      expect(lat).toBeGreaterThan(51.8);
      expect(lat).toBeLessThan(52.1);
    }
  });

  it('reads the real TopoJSON (one municipality\'s wijken taken from the national topology)', async () => {
    const topo = JSON.parse(readFileSync(REAL_WIJK_FILE, 'utf8')) as Topology & { objects: { wijk_2025: { geometries: { properties: { statcode: string } }[] } } };
    topo.objects.wijk_2025.geometries = topo.objects.wijk_2025.geometries.filter((g) => g.properties.statcode.startsWith('WK0518'));
    const v = ok(await read(topo));
    expect(v.format).toBe('topojson');
    expect(v.features.length).toBe(topo.objects.wijk_2025.geometries.length);
    expect(v.features.map((f) => f.code)).toContain('WK051829');
  });

  it('refuses the whole national 2025 wijk file: wijken new since the 2024 register are named', async () => {
    const es = errors(await readBoundaryFile(readFileSync(REAL_WIJK_FILE), known));
    expect(es.length).toBeGreaterThan(0);
    expect(es.every((e) => e.code === 'boundaries.feature.unknownCode')).toBe(true);
    expect(es[0]).toMatchObject({ feature: expect.any(Number), area: expect.stringMatching(/^WK/) });
    expect(es[0]!.message).toMatch(/^feature \d+ \(WK\w+\): WK\w+ is not in the area register$/);
  });
});

describe('readBoundaryFile: generated buurt file (strips of the real wijk polygons)', () => {
  it('has a buurt for most Rotterdam buurten and reads it in WGS84', async () => {
    expect(buurtFile.features.length).toBeGreaterThan(rotterdamBuurten.length * 0.8);
    const v = ok(await read(buurtFile));
    expect(v.features).toHaveLength(buurtFile.features.length);
    expect(v.features.every((f) => f.code.startsWith('BU0599'))).toBe(true);
  });

  it('reads the RD New variant (named CRS, and unnamed: told by the coordinates) within 2 m of the WGS84 file', async () => {
    const wgs = ok(await read(buurtFile));
    for (const named of [true, false]) {
      const rd = ok(await read(toRd(buurtFile, named)));
      expect(rd.crs).toBe('EPSG:28992');
      expect(rd.features.map((f) => f.code)).toEqual(wgs.features.map((f) => f.code));
      let worst = 0;
      rd.features.forEach((f, i) => {
        const a = positions(f.geometry);
        const b = positions(wgs.features[i]!.geometry);
        expect(a.length).toBe(b.length);
        a.forEach((p, j) => (worst = Math.max(worst, Math.abs(p[0]! - b[j]![0]!), Math.abs(p[1]! - b[j]![1]!))));
      });
      expect(worst).toBeLessThan(2e-5); // 5-decimal rounding on both sides: ≤ 1e-5 degrees ≈ 1 m
    }
  });

  it('puts the RD origin (Amersfoort, 155000 463000) where RDNAPTRANS puts it', async () => {
    const sq = (x: number, y: number) => [[x, y], [x + 100, y], [x + 100, y + 100], [x, y + 100], [x, y]];
    const v = ok(await read({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { statcode: 'GM0307' }, geometry: { type: 'Polygon', coordinates: [sq(155000, 463000)] } }] }, { crs: 'EPSG:28992' }));
    const [lon, lat] = positions(v.features[0]!.geometry)[0]!;
    // RDNAPTRANS 2018: 52.155174 N, 5.387206 E (the 7-parameter shift is good to about a metre).
    expect(Math.abs(lat! - 52.15517)).toBeLessThan(2e-5);
    expect(Math.abs(lon! - 5.38721)).toBeLessThan(3e-5);
  });
});

describe('readBoundaryFile: bad input gives a clear error naming the feature', () => {
  const base = () => JSON.parse(JSON.stringify(rotterdamWijken)) as FeatureCollection<Geometry, { statcode: string }>;

  it('unknown code', async () => {
    const fc = base();
    fc.features[2]!.properties.statcode = 'WK059999';
    expect(errors(await read(fc))).toEqual([
      { feature: 3, area: 'WK059999', code: 'boundaries.feature.unknownCode', params: { feature: 3, area: 'WK059999' }, message: 'feature 3 (WK059999): WK059999 is not in the area register' },
    ]);
  });

  it('open ring, short ring, non-finite coordinate, outside NL, duplicate, point geometry, no code', async () => {
    const fc = base();
    const poly = (i: number) => fc.features[i]!.geometry as { type: string; coordinates: unknown };
    const ring0 = (i: number) => (fc.features[i]!.geometry.type === 'Polygon' ? (poly(i).coordinates as Position[][])[0]! : (poly(i).coordinates as Position[][][])[0]![0]!);
    ring0(0).pop(); // open
    fc.features[1]!.geometry = { type: 'Polygon', coordinates: [[[4.4, 51.9], [4.5, 51.9], [4.4, 51.9]]] };
    ring0(2)[1] = ['4.4' as unknown as number, 51.9];
    ring0(3)[1] = [-74.0, 40.7]; // New York
    fc.features[4]!.properties.statcode = fc.features[5]!.properties.statcode;
    fc.features[6]!.geometry = { type: 'Point', coordinates: [4.4, 51.9] };
    fc.features[7]!.properties = {} as { statcode: string };
    const es = errors(await read(fc));
    expect(es.map((e) => [e.feature, e.code])).toEqual([
      [1, 'boundaries.feature.openRing'],
      [2, 'boundaries.feature.shortRing'],
      [3, 'boundaries.feature.badCoordinate'],
      [4, 'boundaries.feature.outsideNl'],
      [6, 'boundaries.feature.duplicate'],
      [7, 'boundaries.feature.geometryType'],
      [8, 'boundaries.feature.noCode'],
    ]);
    expect(es[0]!.area).toBe(fc.features[0]!.properties.statcode);
    expect(es[0]!.params).toMatchObject({ ring: 1 });
    expect(es[4]!.params).toMatchObject({ first: 5 });
    expect(es[5]!.params).toMatchObject({ type: 'Point' });
  });

  it('wrong CRS: a named unsupported one, and unnamed coordinates in neither WGS84 nor RD New', async () => {
    const named = { ...base(), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } };
    expect(errors(await read(named))).toEqual([expect.objectContaining({ feature: null, code: 'boundaries.file.crs', params: { crs: 'urn:ogc:def:crs:EPSG::3857' } })]);
    const mercator = base();
    for (const f of mercator.features) {
      const scale = (r: Position[]) => r.forEach((p) => { p[0] = p[0]! * 111_320; p[1] = p[1]! * 160_000; });
      if (f.geometry.type === 'Polygon') f.geometry.coordinates.forEach(scale);
      else if (f.geometry.type === 'MultiPolygon') f.geometry.coordinates.forEach((p) => p.forEach(scale));
    }
    expect(errors(await read(mercator))).toEqual([expect.objectContaining({ code: 'boundaries.file.crsUnknown' })]);
    // Lon/lat read as RD New (a wrong ?crs=) lands in the sea: every feature is named.
    const forced = errors(await read(base(), { crs: 'EPSG:28992' }));
    expect(forced.length).toBe(rotterdamWijken.features.length);
    expect(forced.every((e) => e.code === 'boundaries.feature.outsideNl')).toBe(true);
  });

  it('bad JSON, not geo, empty', async () => {
    expect(errors(await read('{"type": "FeatureCollection", "features": [')))
      .toEqual([expect.objectContaining({ feature: null, code: 'boundaries.file.badJson' })]);
    expect(errors(await read({ hello: 'world' }))).toEqual([expect.objectContaining({ code: 'boundaries.file.notGeo' })]);
    expect(errors(await read({ type: 'FeatureCollection', features: [] }))).toEqual([expect.objectContaining({ code: 'boundaries.file.empty' })]);
  });

  it('TopoJSON: a missing object is named, with the objects the file has', async () => {
    const topo = JSON.parse(readFileSync(REAL_WIJK_FILE, 'utf8')) as Topology;
    expect(errors(await read(topo, { object: 'buurt_2025' }))).toEqual([
      expect.objectContaining({ code: 'boundaries.file.topoObject', params: { object: 'buurt_2025', objects: 'wijk_2025' } }),
    ]);
    const broken = { ...topo, arcs: [] };
    (broken.objects['wijk_2025'] as { geometries: unknown[] }).geometries.splice(3);
    expect(errors(await read(broken))[0]!.code).toMatch(/^boundaries\.(file\.badTopology|feature\.\w+)$/);
  });
});
