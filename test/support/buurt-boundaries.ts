/**
 * Test boundary files made from the REAL wijk boundaries (test/fixtures/real/nl-boundaries,
 * CBS/PDOK via cartomap/nl): a wijk file for one municipality, and a generated buurt file that cuts
 * each wijk polygon into vertical strips, one per buurt of that wijk in the 2024 area register.
 * The buurt shapes are made up; their codes and their outer edges are real.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const REAL_WIJK_FILE = join(__dirname, '..', 'fixtures', 'real', 'nl-boundaries', 'wijk_2025.topojson');

/** The real wijk features (WGS84) of one municipality, e.g. GM0599 Rotterdam (null: every wijk). */
export function realWijken(municipality: string | null, file = REAL_WIJK_FILE): FeatureCollection<Geometry, { statcode: string; statnaam: string }> {
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const fc = feature(topo, topo.objects['wijk_2025'] as GeometryCollection<{ statcode: string; statnaam: string; gmCode?: string }>);
  return {
    type: 'FeatureCollection',
    features: fc.features
      .filter((f) => municipality === null || f.properties.statcode.startsWith(`WK${municipality.slice(2)}`))
      .map((f) => ({ type: 'Feature', properties: { statcode: f.properties.statcode, statnaam: f.properties.statnaam }, geometry: f.geometry })),
  };
}

/** The largest outer ring of a (Multi)Polygon. */
function outerRing(g: Geometry): Position[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let best: Position[] = [];
  let bestArea = -1;
  for (const p of polys) {
    const a = Math.abs(ringArea(p[0]!));
    if (a > bestArea) {
      bestArea = a;
      best = p[0]!;
    }
  }
  return best;
}

function ringArea(r: Position[]): number {
  let s = 0;
  for (let i = 0; i < r.length - 1; i++) s += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
  return s / 2;
}

/** Sutherland–Hodgman: the part of a ring with x between lo and hi (a convex strip). */
function clipStrip(ring: Position[], lo: number, hi: number): Position[] {
  const clip = (pts: Position[], inside: (p: Position) => boolean, cut: (a: Position, b: Position) => Position): Position[] => {
    const out: Position[] = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i]!;
      const prev = pts[(i + pts.length - 1) % pts.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    return out;
  };
  const atX = (x: number) => (a: Position, b: Position): Position => [x, a[1]! + ((b[1]! - a[1]!) * (x - a[0]!)) / (b[0]! - a[0]!)];
  let pts = ring.slice(0, -1);
  pts = clip(pts, (p) => p[0]! >= lo, atX(lo));
  pts = clip(pts, (p) => p[0]! <= hi, atX(hi));
  return pts.length >= 3 ? [...pts, pts[0]!] : [];
}

/**
 * A buurt file for the given buurten (code + parent wijk): each wijk's largest polygon cut into as
 * many vertical strips as it has buurten. WGS84 GeoJSON with PDOK-style properties.
 */
export function generatedBuurten(
  wijken: FeatureCollection<Geometry, { statcode: string }>,
  buurten: { code: string; name: string; parent: string }[],
): FeatureCollection<Polygon, { buurtcode: string; buurtnaam: string; wijkcode: string }> {
  const out: Feature<Polygon, { buurtcode: string; buurtnaam: string; wijkcode: string }>[] = [];
  for (const w of wijken.features) {
    const mine = buurten.filter((b) => b.parent === w.properties.statcode).sort((a, b) => a.code.localeCompare(b.code));
    if (!mine.length) continue;
    const ring = outerRing(w.geometry);
    const xs = ring.map((p) => p[0]!);
    const min = Math.min(...xs);
    const max = Math.max(...xs);
    const step = (max - min) / mine.length;
    mine.forEach((b, i) => {
      const part = clipStrip(ring, min + i * step, i === mine.length - 1 ? max : min + (i + 1) * step);
      if (part.length >= 4) {
        out.push({ type: 'Feature', properties: { buurtcode: b.code, buurtnaam: b.name, wijkcode: b.parent }, geometry: { type: 'Polygon', coordinates: [part] } });
      }
    });
  }
  return { type: 'FeatureCollection', features: out };
}
