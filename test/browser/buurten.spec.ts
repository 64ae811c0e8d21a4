import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generatedBuurten, realWijken } from '../support/buurt-boundaries';
import { axeViolations, launchBrowser, login, pageOverflow, screenshot, startServer, type Server } from './support';

/**
 * Issue 15, "Buurten first-class": an analyst uploads buurt boundaries on the Data page (a file made
 * from the real Rotterdam wijk polygons), opens a wijk on the Wijken page, expands it to its buurten,
 * opens a buurt and sees the buurt map, coloured by the demo's real buurt figures (Gezondheid 2022).
 */
describe('analyst uploads buurt boundaries and sees the buurt map (real Chromium, demo data)', () => {
  let server: Server;
  let browser: Browser;
  let dir: string;
  let good: string;
  let bad: string;
  let wijk: { code: string; name: string };
  let buurt: { code: string; name: string };
  let indicator: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const token = (
      (await (await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'analyst@demo.local', password: 'demo' }) })).json()) as { accessToken: string }
    ).accessToken;
    const get = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<T>;
    const register = await get<{ code: string; name: string; parent: string }[]>('/api/v1/areas?parent=GM0599&level=neighbourhood');
    const fc = generatedBuurten(realWijken('GM0599'), register);
    // A wijk whose buurten have figures in the demo data (the Gezondheid StatLine files).
    const indicators = await get<{ code: string; subjectKind: string }[]>('/api/v1/indicators?area=GM0599&level=neighbourhood');
    expect(indicators.length).toBeGreaterThan(0);
    indicator = indicators[0]!.code;
    const observations = await get<{ subject: string; value: number | null }[]>(`/api/v1/observations?indicator=${indicators[0]!.code}&area=GM0599&level=neighbourhood`);
    const withData = new Set(observations.filter((o) => o.value != null).map((o) => o.subject));
    const inFile = fc.features.map((f) => (f.properties as { buurtcode: string }).buurtcode).filter((c) => withData.has(c));
    const chosen = register.find((b) => b.code === inFile[0])!;
    buurt = { code: chosen.code, name: chosen.name };
    const wijken = await get<{ code: string; name: string }[]>('/api/v1/areas?parent=GM0599');
    wijk = wijken.find((w) => w.code === chosen.parent)!;
    dir = mkdtempSync(join(tmpdir(), 'wijksignaal-buurten-'));
    good = join(dir, 'rotterdam-buurten.geojson');
    writeFileSync(good, JSON.stringify(fc));
    const broken = JSON.parse(JSON.stringify(fc)) as typeof fc;
    broken.features[0]!.properties.buurtcode = 'BU05999999';
    const ring = broken.features[1]!.geometry.coordinates[0]!;
    ring[ring.length - 1] = [ring[0]![0]! + 0.01, ring[0]![1]!];
    bad = join(dir, 'rotterdam-buurten-fout.geojson');
    writeFileSync(bad, JSON.stringify(broken));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (page: Page, file: string) => {
    await page.getByTestId('boundary-file').setInputFiles(file);
    await page.getByTestId('boundary-submit').click();
  };

  it('uploads on the Data page: a bad file is refused per feature in Dutch, the good one is stored', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await login(page, server.url, 'analyst', '/data');
    await page.getByRole('heading', { name: 'Grenzen van wijken en buurten' }).waitFor();
    await upload(page, bad);
    await page.getByTestId('boundary-errors').waitFor();
    const rows = await page.locator('[data-testid="boundary-errors"] tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('nr. 1 · BU05999999');
    expect(rows[0]).toContain('BU05999999 staat niet in het gebiedenregister.');
    expect(rows[1]).toContain('rand 1 is niet gesloten');
    expect(await page.getByTestId('boundary-error').textContent()).toContain('2 fouten in het grenzenbestand; er is niets opgeslagen.');
    await screenshot(page, 'buurten-upload-errors-1440');
    expect(await axeViolations(page)).toEqual([]);

    await upload(page, good);
    const result = page.getByTestId('boundary-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/\d+ grenzen opgeslagen \(\d+ buurten\) in Rotterdam; gelezen als GeoJSON in WGS84/);
    await page.getByRole('link', { name: 'Buurtkaart van Rotterdam bekijken' }).waitFor();
    await screenshot(page, 'buurten-upload-done-1440');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  for (const width of [1440, 390]) {
    it(`opens a wijk on the Wijken page, expands it to buurten, opens a buurt and sees the buurt map (${width} px)`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
      await login(page, server.url, 'analyst', '/wijken/GM0599');
      const summary = page.locator('summary', { hasText: wijk.name }).first();
      await summary.click();
      const link = page.getByRole('link', { name: buurt.name, exact: true });
      await link.waitFor();
      await screenshot(page, `buurten-wijken-expanded-${width}`);
      await link.click();
      await page.waitForURL(new RegExp(`/wijk/${buurt.code}`));
      const map = page.getByTestId('buurt-map');
      await map.waitFor();
      expect(await map.getByRole('heading').textContent()).toBe(`Buurtkaart van ${wijk.name}`);
      await map.locator('app-chart canvas, app-chart svg').first().waitFor();
      // The peers follow the level on a buurt page.
      await page.getByRole('columnheader', { name: 'Buurten (mediaan)' }).first().waitFor();
      // The table alternative lists the buurten by name, this one in bold, the others as links.
      await map.getByRole('button', { name: 'Toon als tabel' }).click();
      const table = map.getByTestId('buurt-map-table');
      expect(await table.locator('strong').textContent()).toBe(buurt.name);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
      expect(await table.locator('tbody td').first().textContent()).not.toBe('–');
      const legend = await map.locator('.legend li').allTextContents();
      expect(legend.length).toBeGreaterThan(1);
      expect(legend.join(' ')).not.toMatch(/(\d+(,\d+)?) – \1(?!\d)/); // never "0 – 0"
      if (width === 390) expect((await pageOverflow(page)).culprits).toEqual([]);
      await screenshot(page, `buurten-buurt-page-${width}`);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('draws the buurt map on the Overzicht and the Verkenner; a click opens the buurt', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await login(page, server.url, 'analyst', '/overzicht/GM0599?level=neighbourhood');
    await page.getByLabel('Kaart van').waitFor();
    expect(await page.getByLabel('Kaart van').inputValue()).toBe('neighbourhood');
    await page.getByRole('heading', { name: /per buurt in Rotterdam/ }).waitFor();
    await page.locator('app-chart canvas, app-chart svg').first().waitFor();
    expect(await page.getByRole('columnheader', { name: 'Buurt', exact: true }).count()).toBe(1);
    await screenshot(page, 'buurten-overzicht-1440');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: buurt.name, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/wijk/${buurt.code}`));

    await page.goto(`${server.url}/verkenner?area=GM0599&level=neighbourhood&indicator=${indicator}`);
    await page.locator('#map-heading').waitFor();
    await page.locator('section[aria-labelledby="map-heading"] app-chart').waitFor();
    await screenshot(page, 'buurten-verkenner-1440');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
