/**
 * Reads an uploaded boundary file (issue 15): GeoJSON FeatureCollection or TopoJSON Topology, in
 * WGS84 lon/lat (CRS84/EPSG:4326) or RD New (EPSG:28992), and checks every feature. Pure: bytes in,
 * geometries (WGS84, ≤ 5 decimals) or errors out; the register check takes the set of known codes.
 *
 * Every error names the feature (1-based index and area code where known) and carries a stable
 * message key with parameters (`boundaries.*`), so the web app shows it in the user's language.
 */
import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { roundGeometry } from '../seed/boundaries';

/** RD New (Amersfoort / RD New), EPSG:28992, with the 7-parameter datum shift to WGS84. */
export const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel ' +
  '+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const WGS84 = 'EPSG:4326';
const rdToWgs = proj4(RD_NEW, WGS84);

export type BoundaryCrs = 'EPSG:4326' | 'EPSG:28992';
export type BoundaryFormat = 'geojson' | 'topojson';

/** Lon/lat box around the Netherlands with its coastal waters (Wadden, Zeeland, IJsselmeer). */
export const NL_LONLAT = { minLon: 3.0, maxLon: 7.5, minLat: 50.6, maxLat: 53.8 } as const;
/** RD New's box around the Netherlands (metres). */
const NL_RD = { minX: -10_000, maxX: 300_000, minY: 280_000, maxY: 640_000 } as const;

/** Feature properties that may hold the area code, most specific first (PDOK buurten carry all three). */
export const CODE_PROPERTIES = ['statcode', 'buurtcode', 'BU_CODE', 'wijkcode', 'WK_CODE', 'gemeentecode', 'GM_CODE', 'code', 'CODE'] as const;

export interface BoundaryError {
  /** 1-based position of the feature in the file; null for errors about the whole file. */
  feature: number | null;
  /** The feature's area code when it has one. */
  area: string | null;
  /** English text (fallback). */
  message: string;
  /** Stable message key, translated by the web app as `api.<code>`. */
  code: string;
  params: Record<string, string | number>;
}

export interface BoundaryFeature {
  index: number;
  code: string;
  geometry: Geometry;
}

export interface ParsedBoundaries {
  format: BoundaryFormat;
  crs: BoundaryCrs;
  features: BoundaryFeature[];
}

export type BoundaryOutcome = { ok: true; value: ParsedBoundaries } | { ok: false; errors: BoundaryError[] };

const fileError = (code: string, message: string, params: Record<string, string | number> = {}): BoundaryError => ({
  feature: null,
  area: null,
  message,
  code,
  params,
});

interface RawFeature {
  index: number;
  code: string | null;
  geometry: unknown;
}

/**
 * Reads, reprojects and checks a boundary file. `known` gets every code of the file at once and
 * answers which of them are in the area register (one query for the whole file).
 */
export async function readBoundaryFile(
  bytes: Uint8Array,
  known: (codes: string[]) => Promise<ReadonlySet<string>> | ReadonlySet<string>,
  options: { crs?: string; object?: string } = {},
): Promise<BoundaryOutcome> {
  let json: unknown;
  try {
    const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
    json = JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message)?.[1];
    return {
      ok: false,
      errors: [fileError('boundaries.file.badJson', `the file is not valid JSON${position ? ` (at character ${position})` : ''}`, { position: position ?? '?' })],
    };
  }
  const raw = rawFeatures(json, options.object);
  if (!raw.ok) return raw;
  if (raw.features.length === 0) return { ok: false, errors: [fileError('boundaries.file.empty', 'the file holds no features')] };

  const crs = decideCrs(raw.declaredCrs, options.crs, raw.features);
  if (!crs.ok) return { ok: false, errors: [crs.error] };

  const register = await known([...new Set(raw.features.flatMap((f) => (f.code ? [f.code] : [])))]);
  const errors: BoundaryError[] = [];
  const features: BoundaryFeature[] = [];
  const firstIndex = new Map<string, number>();
  for (const f of raw.features) {
    const err = (code: string, message: string, params: Record<string, string | number> = {}) =>
      errors.push({ feature: f.index, area: f.code, message: `feature ${f.index}${f.code ? ` (${f.code})` : ''}: ${message}`, code, params: { feature: f.index, area: f.code ?? '', ...params } });
    if (!f.code) {
      err('boundaries.feature.noCode', `has no area code (expected a property ${CODE_PROPERTIES.slice(0, 7).join(', ')} or code)`);
      continue;
    }
    const seen = firstIndex.get(f.code);
    if (seen !== undefined) err('boundaries.feature.duplicate', `${f.code} appears twice (also feature ${seen})`, { first: seen });
    else firstIndex.set(f.code, f.index);
    if (!register.has(f.code)) err('boundaries.feature.unknownCode', `${f.code} is not in the area register`);
    const geometry = checkGeometry(f.geometry, crs.value, (code, message, params) => err(code, message, params));
    if (geometry && seen === undefined) features.push({ index: f.index, code: f.code, geometry });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { format: raw.format, crs: crs.value, features } };
}

function rawFeatures(
  json: unknown,
  object: string | undefined,
): { ok: true; format: BoundaryFormat; declaredCrs: string | null; features: RawFeature[] } | { ok: false; errors: BoundaryError[] } {
  const doc = json as { type?: unknown; features?: unknown; objects?: unknown; crs?: { properties?: { name?: unknown } } } | null;
  const declaredCrs = typeof doc?.crs?.properties?.name === 'string' ? doc.crs.properties.name : null;
  if (doc && doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    const features = (doc.features as unknown[]).map((f, i): RawFeature => {
      const feat = f as { id?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown } | null;
      return { index: i + 1, code: codeOf(feat?.properties ?? null, feat?.id), geometry: feat?.geometry ?? null };
    });
    return { ok: true, format: 'geojson', declaredCrs, features };
  }
  if (doc && doc.type === 'Topology' && doc.objects && typeof doc.objects === 'object') {
    const objects = doc.objects as Record<string, { type?: string }>;
    const names = Object.keys(objects).filter((n) => objects[n]?.type === 'GeometryCollection');
    const chosen = object ?? (names.length === 1 ? names[0] : undefined);
    if (!chosen || !names.includes(chosen)) {
      return {
        ok: false,
        errors: [
          fileError(
            'boundaries.file.topoObject',
            object ? `the TopoJSON has no object "${object}" (it has: ${names.join(', ') || 'none'})` : `the TopoJSON has ${names.length} objects (${names.join(', ') || 'none'}); name one with ?object=`,
            { object: object ?? '', objects: names.join(', ') || '–' },
          ),
        ],
      };
    }
    let fc: { features: { id?: unknown; properties?: Record<string, unknown> | null; geometry: unknown }[] };
    try {
      fc = topoFeature(json as Topology, objects[chosen] as GeometryCollection) as unknown as typeof fc;
    } catch (e) {
      return { ok: false, errors: [fileError('boundaries.file.badTopology', `the TopoJSON cannot be decoded: ${(e as Error).message}`)] };
    }
    const features = fc.features.map((f, i): RawFeature => ({ index: i + 1, code: codeOf(f.properties ?? null, f.id), geometry: f.geometry }));
    return { ok: true, format: 'topojson', declaredCrs, features };
  }
  return { ok: false, errors: [fileError('boundaries.file.notGeo', 'the file is neither a GeoJSON FeatureCollection nor a TopoJSON Topology')] };
}

function codeOf(properties: Record<string, unknown> | null, id: unknown): string | null {
  for (const p of CODE_PROPERTIES) {
    const v = properties?.[p];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return typeof id === 'string' && id.trim() ? id.trim() : null;
}

const LONLAT_NAMES = /^(urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:OGC::CRS84|urn:ogc:def:crs:EPSG::4326|EPSG:4326|CRS84|WGS84)$/i;
const RD_NAMES = /^(urn:ogc:def:crs:EPSG::28992|EPSG:28992|RD|RD New)$/i;

function decideCrs(
  declared: string | null,
  requested: string | undefined,
  features: RawFeature[],
): { ok: true; value: BoundaryCrs } | { ok: false; error: BoundaryError } {
  const name = requested ?? declared;
  if (name) {
    if (LONLAT_NAMES.test(name.trim())) return { ok: true, value: 'EPSG:4326' };
    if (RD_NAMES.test(name.trim())) return { ok: true, value: 'EPSG:28992' };
    return {
      ok: false,
      error: fileError('boundaries.file.crs', `coordinate system ${name} is not supported: use WGS84 (EPSG:4326/CRS84) or RD New (EPSG:28992)`, { crs: name }),
    };
  }
  // No CRS named (TopoJSON, RFC 7946 GeoJSON): the coordinates decide.
  let lonlat = 0;
  let rd = 0;
  let other = 0;
  for (const f of features) {
    const p = firstPosition(f.geometry);
    if (!p) continue;
    const [x, y] = p;
    if (x >= NL_LONLAT.minLon && x <= NL_LONLAT.maxLon && y >= NL_LONLAT.minLat && y <= NL_LONLAT.maxLat) lonlat++;
    else if (x >= NL_RD.minX && x <= NL_RD.maxX && y >= NL_RD.minY && y <= NL_RD.maxY) rd++;
    else other++;
  }
  if (lonlat > 0 && rd === 0 && other === 0) return { ok: true, value: 'EPSG:4326' };
  if (rd > 0 && lonlat === 0 && other === 0) return { ok: true, value: 'EPSG:28992' };
  return {
    ok: false,
    error: fileError(
      'boundaries.file.crsUnknown',
      'the coordinate system cannot be recognised: the coordinates are not in the Netherlands in WGS84 lon/lat or in RD New (EPSG:28992)',
    ),
  };
}

function firstPosition(g: unknown): [number, number] | null {
  let c = (g as { coordinates?: unknown } | null)?.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : null;
}

type Report = (code: string, message: string, params?: Record<string, string | number>) => void;

/** Checks a (Multi)Polygon, reprojects it to WGS84 and rounds it; null (after reporting) when invalid. */
function checkGeometry(g: unknown, crs: BoundaryCrs, report: Report): Geometry | null {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || typeof geom !== 'object') {
    report('boundaries.feature.noGeometry', 'has no geometry');
    return null;
  }
  if (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') {
    report('boundaries.feature.geometryType', `geometry ${String(geom.type)} is not a Polygon or MultiPolygon`, { type: String(geom.type) });
    return null;
  }
  const polygons = geom.type === 'Polygon' ? [geom.coordinates] : Array.isArray(geom.coordinates) ? geom.coordinates : null;
  if (!polygons || polygons.length === 0) {
    report('boundaries.feature.noGeometry', 'has no coordinates');
    return null;
  }
  let ok = true;
  let ringNo = 0;
  const out: Position[][][] = [];
  for (const poly of polygons) {
    if (!Array.isArray(poly) || poly.length === 0) {
      report('boundaries.feature.noGeometry', 'has an empty polygon');
      return null;
    }
    const rings: Position[][] = [];
    for (const ring of poly as unknown[]) {
      ringNo++;
      const checked = checkRing(ring, ringNo, crs, report);
      if (!checked) ok = false;
      else rings.push(checked);
      if (!ok) break;
    }
    if (!ok) return null;
    out.push(rings);
  }
  const reprojected: Geometry = geom.type === 'Polygon' ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
  const rounded = roundGeometry(reprojected);
  if (!rounded) {
    report('boundaries.feature.degenerate', 'collapses to nothing at 1 m precision');
    return null;
  }
  return rounded;
}

function checkRing(ring: unknown, ringNo: number, crs: BoundaryCrs, report: Report): Position[] | null {
  if (!Array.isArray(ring) || ring.length < 4) {
    report('boundaries.feature.shortRing', `ring ${ringNo} has fewer than 4 positions`, { ring: ringNo });
    return null;
  }
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as unknown;
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      report('boundaries.feature.badCoordinate', `ring ${ringNo}, position ${i + 1} is not a pair of finite numbers`, { ring: ringNo, position: i + 1 });
      return null;
    }
    const [lon, lat] = crs === 'EPSG:28992' ? rdToWgs.forward([p[0], p[1]]) : [p[0], p[1]];
    if (!(lon! >= NL_LONLAT.minLon && lon! <= NL_LONLAT.maxLon && lat! >= NL_LONLAT.minLat && lat! <= NL_LONLAT.maxLat)) {
      report('boundaries.feature.outsideNl', `ring ${ringNo}, position ${i + 1} (${p[0]}, ${p[1]}) lies outside the Netherlands`, {
        ring: ringNo,
        position: i + 1,
        x: String(p[0]),
        y: String(p[1]),
      });
      return null;
    }
    out.push([lon!, lat!]);
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    report('boundaries.feature.openRing', `ring ${ringNo} is not closed (its first and last positions differ)`, { ring: ringNo });
    return null;
  }
  return out;
}

/** Converts WGS84 lon/lat to RD New (for tests and for files made by hand). */
export function toRdNew(lon: number, lat: number): [number, number] {
  const [x, y] = rdToWgs.inverse([lon, lat]);
  return [x!, y!];
}
