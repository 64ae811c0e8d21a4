/**
 * Real boundaries for the area register, as GeoJSON geometries in WGS84 lon/lat.
 *
 * Sources (all in `seed/data/`):
 * - `nl-boundaries/gemeente_2026.topojson` → GM codes (342), `nl-boundaries/wijk_2025.topojson` → WK codes
 *   (3,423). CBS/PDOK via cartomap/nl, simplified; TopoJSON converted with topojson-client `feature`.
 * - `denhaag-wijkprofielen-elan/wijkgeo_file.json` (ELAN, CBS wijkindeling ~2023, CRS84 lon/lat) fills
 *   only codes the TopoJSON lacks. Its CRS is checked: anything but CRS84/EPSG:4326 is refused (no RD
 *   New conversion is implemented because the file is already lon/lat).
 *
 * Boundary years (2025 wijken, 2026 gemeenten) differ from the 2024 register: join on code, and use
 * `boundaryCoverage` to see which register codes have a geometry. Coordinates are rounded to 5 decimals
 * (~1 m) and consecutive duplicate points created by rounding are dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { AreaInput } from 'contracts';

export const BOUNDARY_SOURCES = {
  municipality: { dir: 'nl-boundaries', file: 'gemeente_2026.topojson', object: 'gemeente_2026', year: 2026 },
  district: { dir: 'nl-boundaries', file: 'wijk_2025.topojson', object: 'wijk_2025', year: 2025 },
  elan: { dir: 'denhaag-wijkprofielen-elan', file: 'wijkgeo_file.json', codeProperty: 'WK_CODE', year: 2023 },
} as const;

export type BoundarySourceName = 'gemeente_2026' | 'wijk_2025' | 'elan_wijkgeo';

export interface LoadedBoundaries {
  geometries: Map<string, Geometry>;
  /** Which file each code's geometry came from. */
  sourceOf: Map<string, BoundarySourceName>;
}

const DECIMALS = 5;
const FACTOR = 10 ** DECIMALS;
const round = (v: number): number => Math.round(v * FACTOR) / FACTOR;

function roundRing(ring: Position[], closed: boolean): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [round(p[0]!), round(p[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (closed && out.length > 1) {
    const first = out[0]!;
    const last = out[out.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0]!, first[1]!]);
  }
  return out;
}

/** Rounds every coordinate to 5 decimals; drops rings that collapse below 4 points (polygons). */
export function roundGeometry(g: Geometry): Geometry | null {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: [round(g.coordinates[0]!), round(g.coordinates[1]!)] };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map((p) => [round(p[0]!), round(p[1]!)]) };
    case 'LineString':
      return { type: 'LineString', coordinates: roundRing(g.coordinates, false) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => roundRing(l, false)) };
    case 'Polygon': {
      const rings = g.coordinates.map((r) => roundRing(r, true)).filter((r) => r.length >= 4);
      return rings.length ? { type: 'Polygon', coordinates: rings } : null;
    }
    case 'MultiPolygon': {
      const polys = g.coordinates
        .map((poly) => poly.map((r) => roundRing(r, true)).filter((r) => r.length >= 4))
        .filter((poly) => poly.length > 0);
      return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
    }
    case 'GeometryCollection': {
      const parts = g.geometries.map(roundGeometry).filter((x): x is Geometry => x !== null);
      return parts.length ? { type: 'GeometryCollection', geometries: parts } : null;
    }
  }
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function loadTopo(dataDir: string, dir: string, file: string, object: string): Map<string, Geometry> {
  const topo = readJson(join(dataDir, dir, file)) as Topology;
  const obj = topo.objects[object];
  if (!obj || obj.type !== 'GeometryCollection') throw new Error(`Boundaries: ${file} has no GeometryCollection "${object}"`);
  const fc = feature(topo, obj as GeometryCollection<{ statcode?: string }>);
  const out = new Map<string, Geometry>();
  for (const f of fc.features) {
    const code = String(f.properties?.statcode ?? f.id ?? '').trim();
    if (!code || !f.geometry) continue;
    const g = roundGeometry(f.geometry);
    if (g) out.set(code, g);
  }
  return out;
}

interface GeoJsonFile {
  type?: string;
  crs?: { properties?: { name?: string } };
  features?: Array<{ properties?: Record<string, unknown> | null; geometry?: Geometry | null }>;
}

const LONLAT_CRS = /^(urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:EPSG::4326|EPSG:4326)$/;

/** Reads a GeoJSON FeatureCollection in lon/lat, keyed by a code property. Refuses other CRSs. */
export function loadLonLatGeoJson(path: string, codeProperty: string): Map<string, Geometry> {
  const gj = readJson(path) as GeoJsonFile;
  const crs = gj.crs?.properties?.name;
  if (crs !== undefined && !LONLAT_CRS.test(crs)) {
    throw new Error(`Boundaries: ${path} is in ${crs}; only lon/lat (CRS84/EPSG:4326) is supported`);
  }
  const out = new Map<string, Geometry>();
  for (const f of gj.features ?? []) {
    const code = String(f.properties?.[codeProperty] ?? '').trim();
    if (!code || !f.geometry) continue;
    const g = roundGeometry(f.geometry);
    if (g) out.set(code, g);
  }
  return out;
}

/** All boundaries with their source: TopoJSON first, ELAN only for codes the TopoJSON lacks. */
export function loadBoundariesWithSource(dataDir: string): LoadedBoundaries {
  const geometries = new Map<string, Geometry>();
  const sourceOf = new Map<string, BoundarySourceName>();
  const add = (m: Map<string, Geometry>, source: BoundarySourceName): void => {
    for (const [code, g] of m) {
      if (geometries.has(code)) continue;
      geometries.set(code, g);
      sourceOf.set(code, source);
    }
  };
  const { municipality: gm, district: wk, elan } = BOUNDARY_SOURCES;
  add(loadTopo(dataDir, gm.dir, gm.file, gm.object), 'gemeente_2026');
  add(loadTopo(dataDir, wk.dir, wk.file, wk.object), 'wijk_2025');
  add(loadLonLatGeoJson(join(dataDir, elan.dir, elan.file), elan.codeProperty), 'elan_wijkgeo');
  return { geometries, sourceOf };
}

/** Map from area code (GM…/WK…) to its GeoJSON geometry (WGS84 lon/lat, ≤ 5 decimals). */
export function loadBoundaries(dataDir: string): Map<string, Geometry> {
  return loadBoundariesWithSource(dataDir).geometries;
}

export interface BoundaryCoverage {
  level: AreaInput['level'];
  registerCount: number;
  withBoundary: number;
  missing: string[];
}

/** How many register areas of each level have a boundary, and which do not. */
export function boundaryCoverage(register: readonly AreaInput[], boundaries: ReadonlyMap<string, Geometry>): BoundaryCoverage[] {
  const levels: AreaInput['level'][] = ['municipality', 'district', 'neighbourhood'];
  return levels.map((level) => {
    const codes = register.filter((a) => a.level === level).map((a) => a.code);
    const missing = codes.filter((c) => !boundaries.has(c));
    return { level, registerCount: codes.length, withBoundary: codes.length - missing.length, missing };
  });
}
