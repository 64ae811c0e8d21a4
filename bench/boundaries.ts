/**
 * Boundary-upload benchmark (issue 15).
 *
 *   npm run bench:boundaries            (or: node dist/api/bench/boundaries.js [--runs 3])
 *
 * Times reading and checking a national buurt file, the work `POST /api/v1/areas/boundaries` does
 * before its one write: JSON parse, code look-up (in memory here), ring and coordinate checks,
 * rounding, and for RD New the proj4 reprojection of every position. The file is made from the
 * real 2025 wijk boundaries (test/fixtures/real/nl-boundaries): each wijk cut into strips, one per
 * buurt of the 2024 register (as the tests do), so it has the real number of buurten.
 */
import { join } from 'node:path';
import type { Position } from 'geojson';
import { readBoundaryFile, toRdNew } from '../api/src/areas/boundary-file';
import { loadAreaRegister } from '../api/src/seed/areas';
import { generatedBuurten, realWijken } from '../test/support/buurt-boundaries';
import { arg, ROOT } from './support';

async function main(): Promise<void> {
  const runs = arg('runs', 3);
  const register = loadAreaRegister(join(ROOT, 'seed', 'data'));
  const codes = new Set(register.map((a) => a.code));
  const buurten = register.filter((a) => a.level === 'neighbourhood').map((a) => ({ code: a.code, name: a.name, parent: a.parent! }));
  const fc = generatedBuurten(realWijken(null, join(ROOT, 'test', 'fixtures', 'real', 'nl-boundaries', 'wijk_2025.topojson')), buurten); // every wijk in the country
  const positions = fc.features.reduce((n, f) => n + f.geometry.coordinates[0]!.length, 0);
  const wgs = Buffer.from(JSON.stringify(fc));
  const project = (r: Position[]) => r.map(([lon, lat]) => toRdNew(lon!, lat!).map((v) => Math.round(v * 1000) / 1000));
  const rd = Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: fc.features.map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map(project) } })),
    }),
  );
  console.log(`buurt file: ${fc.features.length} features, ${positions} positions; WGS84 ${(wgs.length / 1e6).toFixed(1)} MB, RD New ${(rd.length / 1e6).toFixed(1)} MB`);
  for (const [name, bytes] of [['WGS84', wgs], ['RD New', rd]] as const) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = process.hrtime.bigint();
      const out = await readBoundaryFile(bytes, (asked) => new Set(asked.filter((c) => codes.has(c))));
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (!out.ok) throw new Error(`refused: ${JSON.stringify(out.errors.slice(0, 2))}`);
    }
    times.sort((a, b) => a - b);
    console.log(`${name}: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  }
}

void main();
