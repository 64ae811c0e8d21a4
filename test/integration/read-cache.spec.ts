import { createApp, type RunningApp } from '../../api/src/bootstrap';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../api/src/config/app-config';
import { DetectionService } from '../../api/src/signals/detection.service';
import { DB_KINDS, startTestApp, type TestApp } from './harness';
import { QuadrantsService } from '../../api/src/quadrants/quadrants.service';

type Row = { subject: string; numerator: number | null; suppressed?: boolean };

describe.each(DB_KINDS)('read cache and ETags on %s', (kind) => {
  let app: TestApp;
  let wijken: string[];
  const query = '/api/v1/observations?indicator=loneliness&area=GM0518&level=district&from=2024&to=2024';

  const load = async (numerators: number[], via: TestApp | { url: string; token: string } = app) => {
    const body = 'indicator,subject,period,value,numerator,denominator\n' + wijken.map((w, i) => `loneliness,${w},2024,,${numerators[i]},200`).join('\n');
    const res = 'request' in via
      ? await via.request('/api/v1/imports?format=long', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body })
      : await fetch(`${via.url}/api/v1/imports?format=long`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${via.token}` }, body });
    expect([200, 201]).toContain(res.status); // 200: the same file again (a duplicate) changes nothing
  };
  /** The detection run an import starts (debounced, in the background) writes signals and so moves the data version: let it finish. */
  const settle = async () => {
    const detection = app.running.app.get(DetectionService);
    await new Promise((r) => setTimeout(r, 1_000)); // past the debounce
    while (detection.busy) await new Promise((r) => setTimeout(r, 100));
  };
  const numeratorOf = (rows: Row[], subject: string) => rows.find((r) => r.subject === subject)?.numerator;

  beforeAll(async () => {
    app = await startTestApp(kind);
    const areas = (await (await app.request('/api/v1/areas?parent=GM0518', { role: 'analyst' })).json()) as { code: string }[];
    wijken = areas.slice(0, 3).map((a) => a.code);
  });
  afterAll(() => app?.close());

  it('answers the same read with an ETag, and 304 while the data is unchanged', async () => {
    await load([40, 50, 60]);
    await settle();
    const first = await app.request(query, { role: 'manager' });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await app.request(query, { role: 'manager', headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves the new figures at once after an import, under a new ETag', async () => {
    await load([40, 50, 60]);
    const before = await app.request(query, { role: 'manager' });
    const etag = before.headers.get('etag') as string;
    expect(numeratorOf(await before.json(), wijken[0])).toBe(40);
    await load([41, 50, 60]);
    const after = await app.request(query, { role: 'manager', headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(numeratorOf(await after.json(), wijken[0])).toBe(41);
  });

  it('computes an answer once for many concurrent requests after a change (single flight), and each gets it', async () => {
    await load([42, 50, 60]);
    await settle();
    const quadrants = app.running.app.get(QuadrantsService);
    const original = quadrants.view.bind(quadrants);
    // A slow view (as under load) makes every request arrive while the first is still computing.
    const spy = jest.spyOn(quadrants, 'view').mockImplementation(async (...args: Parameters<typeof original>) => {
      await new Promise((r) => setTimeout(r, 300));
      return original(...args);
    });
    try {
      const answers = await Promise.all(Array.from({ length: 25 }, () => app.request(`/api/v1/areas/${wijken[0]}/quadrants`, { role: 'manager' })));
      expect(answers.map((r) => r.status)).toEqual(Array(25).fill(200));
      const bodies = await Promise.all(answers.map((r) => r.text()));
      expect(new Set(bodies).size).toBe(1);
      // Without single flight each of the 25 concurrent misses computes the view; with it, one per
      // data version (a background write settling in the window may move the version once).
      expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('never serves one role’s cached answer to another (disclosure differs per role)', async () => {
    await load([2, 50, 60]);
    for (let i = 0; i < 2; i++) {
      const manager = (await (await app.request(query, { role: 'manager' })).json()) as Row[];
      const analyst = (await (await app.request(query, { role: 'analyst' })).json()) as Row[];
      expect(manager.find((r) => r.subject === wijken[0])).toMatchObject({ numerator: null, suppressed: true });
      expect(numeratorOf(analyst, wijken[0])).toBe(2);
    }
  });

  it('sees a catalogue change at once', async () => {
    const url = '/api/v1/indicators';
    const names = async () => ((await (await app.request(url, { role: 'manager' })).json()) as { code: string; name: { nl: string } }[]).find((i) => i.code === 'loneliness')?.name.nl;
    const original = await names();
    const all = (await (await app.request(url, { role: 'analyst' })).json()) as { code: string }[];
    const lonely = all.find((i) => i.code === 'loneliness') as Record<string, unknown>;
    const { updatedAt: _u, ...rest } = lonely as Record<string, unknown>;
    const res = await app.request(url, { method: 'POST', role: 'analyst', json: { ...rest, name: { nl: 'Eenzaamheid (nieuw)', en: 'Loneliness (new)' } } });
    expect(res.status).toBeLessThan(300);
    expect(await names()).toBe('Eenzaamheid (nieuw)');
    expect(original).not.toBe('Eenzaamheid (nieuw)');
  });

  if (kind === 'postgres') {
    it('stays correct across two processes on one PostgreSQL: an import through one is seen by the other at once', async () => {
      const config = app.running.app.get<AppConfig>(APP_CONFIG);
      let second: RunningApp | null = null;
      try {
        second = await createApp(loadConfig({
          PORT: '0', DATA_DIR: config.dataDir, LOG_LEVEL: 'warn', WEB_DIR: config.webDir, DEMO_DATA: 'false',
          DATABASE_URL: config.databaseUrl as string, JWT_SECRET: config.jwtSecret,
        }));
        const token = await app.token('analyst');
        await load([70, 50, 60]);
        const viaFirst = async () => numeratorOf((await (await app.request(query, { role: 'manager' })).json()) as Row[], wijken[0]);
        expect(await viaFirst()).toBe(70);
        expect(await viaFirst()).toBe(70); // cached in the first process now
        await load([71, 50, 60], { url: second.url, token });
        expect(await viaFirst()).toBe(71);
      } finally {
        await second?.close();
      }
    });
  }
});
