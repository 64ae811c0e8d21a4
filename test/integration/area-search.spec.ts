import type { MunicipalityCoverage, SearchResult } from 'contracts';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

describe.each(DB_KINDS)('area search and data coverage on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
    const indicator = { code: 's-prop', name: { nl: 'Zoektest schuldhulp', en: 'Search test debt help' }, quadrant: 'III', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area' };
    expect((await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: indicator })).status).toBeLessThan(300);
    // Three areas with data in Utrecht (GM0344), one in Ede (GM0228): Utrecht has the most data.
    const wijken = ((await (await app.request('/api/v1/areas?parent=GM0344', { role: 'analyst' })).json()) as { code: string }[]).map((a) => a.code);
    const subjects = [...wijken.slice(0, 3), 'GM0228'];
    const observations = subjects.map((subject) => ({ indicator: 's-prop', subject, period: '2024', numerator: 10, denominator: 100 }));
    expect((await app.request('/api/v1/observations', { method: 'POST', role: 'analyst', json: { source: 'search test', observations } })).status).toBe(201);
  });
  afterAll(() => app?.close());

  const search = async (q: string): Promise<SearchResult> => {
    const res = await app.request(`/api/v1/areas/search?q=${encodeURIComponent(q)}`, { role: 'manager' });
    expect(res.status).toBe(200);
    return res.json();
  };

  it('finds a municipality by its everyday name, case- and accent-insensitive', async () => {
    expect((await search('Den Haag')).areas[0]).toMatchObject({ code: 'GM0518', name: "'s-Gravenhage", level: 'municipality' });
    expect((await search('den bosch')).areas[0]).toMatchObject({ code: 'GM0796' });
    expect((await search('sudwest')).areas[0]).toMatchObject({ name: 'Súdwest-Fryslân', level: 'municipality' });
    expect((await search('UTRECHT')).areas[0]).toMatchObject({ code: 'GM0344' });
  });

  it('finds wijken and buurten by name, with their municipality, exact names first', async () => {
    const r = await search('Schilderswijk');
    // The exact names first, the wijk (Dijk en Waard) before the buurt (Baarn), then partial names.
    expect(r.areas[0]).toMatchObject({ name: 'Schilderswijk', level: 'district', municipality: 'GM1980', municipalityName: 'Dijk en Waard' });
    expect(r.areas[1]).toMatchObject({ code: 'BU03080103', level: 'neighbourhood', municipalityName: 'Baarn' });
    expect(r.areas.map((a) => a.name)).toContain('Bloemen-Schilderswijk');
    expect((await search('kop van zuid')).areas).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'neighbourhood', municipality: 'GM0599', municipalityName: 'Rotterdam' })]),
    );
    expect(r.areas.length).toBeLessThanOrEqual(10);
  });

  it('finds indicators by Dutch or English name, and treats % and _ as letters', async () => {
    expect((await search('schuldhulp')).indicators.map((i) => i.code)).toContain('s-prop');
    expect((await search('debt help')).indicators.map((i) => i.code)).toContain('s-prop');
    expect((await search('%%')).areas).toEqual([]);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const short = await app.request('/api/v1/areas/search?q=a', { role: 'manager' });
    expect(short.status).toBe(400);
    expect((await short.json()).errors).toEqual([expect.objectContaining({ field: 'q' })]);
    const limit = await app.request('/api/v1/areas/search?q=ede&limit=500', { role: 'manager' });
    expect(limit.status).toBe(400);
    expect((await limit.json()).errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    expect((await app.request(`/api/v1/areas/search?q=${'x'.repeat(101)}`, { role: 'manager' })).status).toBe(400);
    const limited = (await (await app.request('/api/v1/areas/search?q=wijk&limit=3', { role: 'manager' })).json()) as SearchResult;
    expect(limited.areas).toHaveLength(3);
  });

  it('lists municipalities with data, most data first', async () => {
    const res = await app.request('/api/v1/areas/coverage', { role: 'council' });
    expect(res.status).toBe(200);
    const coverage = (await res.json()) as MunicipalityCoverage[];
    expect(coverage.slice(0, 2)).toEqual([
      { code: 'GM0344', name: 'Utrecht', areasWithData: 3 },
      { code: 'GM0228', name: 'Ede', areasWithData: 1 },
    ]);
  });
});
