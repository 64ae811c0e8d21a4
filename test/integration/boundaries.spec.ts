import type { AreaDetail, BoundaryError, BoundaryUploadResult } from 'contracts';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { generatedBuurten, realWijken } from '../support/buurt-boundaries';
import { toRdNew } from '../../api/src/areas/boundary-file';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

/** Boundary upload (issue 15) on PostgreSQL and PGlite: real Rotterdam wijken, generated buurten. */
describe.each(DB_KINDS)('boundary upload on %s', (kind) => {
  let app: TestApp;
  let buurten: FeatureCollection;
  beforeAll(async () => {
    app = await startTestApp(kind);
    const register = (await (await app.request('/api/v1/areas?parent=GM0599&level=neighbourhood', { role: 'analyst' })).json()) as { code: string; name: string; parent: string }[];
    buurten = generatedBuurten(realWijken('GM0599'), register);
  });
  afterAll(() => app?.close());

  const upload = (body: unknown, role: 'analyst' | 'admin' | 'manager' = 'analyst', query = '') => {
    const form = new FormData();
    form.append('file', new Blob([typeof body === 'string' ? body : JSON.stringify(body)], { type: 'application/geo+json' }), 'buurten.geojson');
    return app.request(`/api/v1/areas/boundaries${query}`, { method: 'POST', role, body: form });
  };
  const buurtMap = async (code: string) =>
    (await (await app.request(`/api/v1/areas/${code}/boundaries?level=neighbourhood`, { role: 'manager' })).json()) as FeatureCollection;

  it('stores a generated buurt file (multipart) all at once, audited, and serves it per municipality and per wijk', async () => {
    expect((await buurtMap('GM0599')).features).toHaveLength(0);
    const res = await upload(buurten);
    expect(res.status).toBe(201);
    const body = (await res.json()) as BoundaryUploadResult;
    expect(body).toMatchObject({ updated: buurten.features.length, byLevel: { neighbourhood: buurten.features.length }, municipalities: ['GM0599'], format: 'geojson', crs: 'EPSG:4326' });
    const map = await buurtMap('GM0599');
    expect(map.features).toHaveLength(buurten.features.length);
    expect(map.features[0]).toMatchObject({ type: 'Feature', properties: { level: 'neighbourhood' } });
    const wijk = (buurten.features[0]!.properties as { wijkcode: string }).wijkcode;
    const children = (await (await app.request(`/api/v1/areas/${wijk}/boundaries`, { role: 'council' })).json()) as FeatureCollection;
    expect(children.features.length).toBeGreaterThan(0);
    expect(children.features.every((f) => String(f.properties!.code).startsWith(`BU${wijk.slice(2)}`))).toBe(true);
    const detail = (await (await app.request('/api/v1/areas/GM0599', { role: 'manager' })).json()) as AreaDetail;
    expect(detail.boundaryCounts).toMatchObject({ district: expect.any(Number), neighbourhood: buurten.features.length });
    const audit = await (await app.request('/api/v1/audit?action=areas.boundaries&limit=1', { role: 'admin' })).json();
    const entries = (Array.isArray(audit) ? audit : audit.items) as { actor: string; details: Record<string, unknown> }[];
    expect(entries[0]).toMatchObject({ details: expect.objectContaining({ count: buurten.features.length, crs: 'EPSG:4326', fileName: 'buurten.geojson' }) });
  });

  it('takes the RD New file as a raw body and stores the same boundaries within a metre', async () => {
    const before = await buurtMap('GM0599');
    const project = (r: Position[]) => r.map(([lon, lat]) => toRdNew(lon!, lat!));
    const rd = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: buurten.features.map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: (f.geometry as { coordinates: Position[][] }).coordinates.map(project) } })),
    };
    const res = await app.request('/api/v1/areas/boundaries', { method: 'POST', role: 'admin', body: JSON.stringify(rd), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ crs: 'EPSG:28992', updated: buurten.features.length });
    const after = await buurtMap('GM0599');
    const pts = (g: Geometry) => (g as { coordinates: Position[][] }).coordinates.flat();
    let worst = 0;
    after.features.forEach((f, i) => pts(f.geometry).forEach((p, j) => (worst = Math.max(worst, Math.abs(p[0]! - pts(before.features[i]!.geometry)[j]![0]!)))));
    expect(worst).toBeLessThan(2e-5);
  });

  it('refuses bad files with errors naming the feature and writes nothing', async () => {
    const snapshot = JSON.stringify(await buurtMap('GM0599'));
    const bad = JSON.parse(JSON.stringify(buurten)) as FeatureCollection<Geometry, { buurtcode: string }>;
    bad.features[1]!.properties.buurtcode = 'BU05999999';
    const ring = (bad.features[3]!.geometry as { coordinates: Position[][] }).coordinates[0]!;
    ring[ring.length - 1] = [ring[0]![0]! + 0.001, ring[0]![1]!]; // open: the last position is not the first
    bad.features[0]!.geometry = { type: 'Polygon', coordinates: [[[4.4, 51.9], [4.5, 51.9], [4.5, 52.0], [4.4, 51.9]]] }; // valid, but must not land
    const res = await upload(bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { code: string; params: Record<string, number>; errors: BoundaryError[]; errorCount: number };
    expect(body).toMatchObject({ code: 'boundaries.invalid', params: { count: 2 }, errorCount: 2 });
    expect(body.errors).toEqual([
      expect.objectContaining({ feature: 2, area: 'BU05999999', code: 'boundaries.feature.unknownCode' }),
      expect.objectContaining({ feature: 4, area: bad.features[3]!.properties.buurtcode, code: 'boundaries.feature.openRing', params: expect.objectContaining({ ring: 1 }) }),
    ]);
    const single = await upload('{"type":"FeatureCollection",', 'analyst');
    expect(single.status).toBe(422);
    expect(await single.json()).toMatchObject({ code: 'boundaries.file.badJson', errors: [expect.objectContaining({ feature: null })] });
    const crs = await upload({ ...buurten, crs: { type: 'name', properties: { name: 'EPSG:3857' } } });
    expect(await crs.json()).toMatchObject({ code: 'boundaries.file.crs', params: { crs: 'EPSG:3857' } });
    expect(JSON.stringify(await buurtMap('GM0599'))).toBe(snapshot);
  });

  it('is for analysts and admins only', async () => {
    expect((await upload(buurten, 'manager')).status).toBe(403);
    expect((await app.request('/api/v1/areas/GM0599/boundaries?level=street', { role: 'manager' })).status).toBe(400);
  });
});
