import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, login, screenshot, startServer, type Server } from './support';

const GEZONDHEID = join(__dirname, '../fixtures/statline/Gezondheid_per_wijk_en_buurt__2022_18062025_140356.csv');

async function apiToken(server: Server, role: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@demo.local`, password: 'demo' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

describe('user journeys in Chromium against the built product', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  describe('analyst loads a real StatLine file', () => {
    let server: Server;
    beforeAll(async () => {
      server = await startServer({ DEMO_DATA: 'false' });
      // The analyst maps the catalogue's loneliness indicator to the file's column (catalogue upkeep).
      const token = await apiToken(server, 'analyst');
      const catalogue = (await (await fetch(`${server.url}/api/v1/indicators`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        code: string;
      }[];
      const loneliness = catalogue.find((i) => i.code === 'loneliness');
      const res = await fetch(`${server.url}/api/v1/indicators`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...loneliness, statlineColumn: 'Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)' }),
      });
      expect(res.status).toBeLessThan(300);
    });
    afterAll(() => server?.stop());

    it('uploads the unmodified file on the Data page and sees loneliness on the map of Rotterdam', async () => {
      const page = await browser.newPage();
      await login(page, server.url, 'analyst', '/data');
      await page.locator('[data-testid=import-format]').selectOption('statline');
      await page.locator('[data-testid=import-file]').setInputFiles(GEZONDHEID);
      await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
      await page.getByText(/\d+ rijen ingelezen/).waitFor({ timeout: 60_000 });
      await expectAccessible(page, 'data-upload');

      await page.goto(`${server.url}/overzicht/GM0599?indicator=loneliness`);
      await page.locator('canvas').first().waitFor({ timeout: 30_000 });
      const row = page.locator('table tr', { hasText: 'WK059901' });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/Rotterdam Centrum\s*WK059901\s*\d+(,\d)?/);
      await expectAccessible(page, 'overzicht-GM0599-loneliness');

      // provenance: the explorer's table names the file each figure came from
      await page.goto(`${server.url}/verkenner?area=GM0599&indicator=loneliness`);
      const explorerRow = page.locator('[data-testid=explorer-table] tr', { hasText: 'WK059901' });
      await explorerRow.locator('[data-testid=provenance]', { hasText: basename(GEZONDHEID) }).waitFor({ timeout: 30_000 });
      await expectAccessible(page, 'verkenner-provenance');
    });

    it('gets a validation report with line and column, and nothing written, for a broken file', async () => {
      const page = await browser.newPage();
      await login(page, server.url, 'analyst', '/data');
      await page.locator('[data-testid=import-format]').selectOption('long');
      await page.locator('[data-testid=import-file]').setInputFiles({
        name: 'kapot.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('indicator,subject,period,value\nloneliness,GM0599,2024,12\nloneliness,GM9999,2024,3\nloneliness,GM0599,2023,abc\n'),
      });
      await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
      const report = page.getByRole('table', { name: 'Fouten in het bestand' });
      await report.waitFor();
      const text = (await report.textContent()) ?? '';
      expect(text).toMatch(/3\s*subject/);
      expect(text).toMatch(/4\s*value/);
      await expectAccessible(page, 'data-validation-report');
      // the rejected file is in the history, its errors behind a disclosure
      const failed = page.locator('[data-testid=import-history] tr[data-status=failed]').filter({ hasText: 'kapot.csv' });
      await failed.waitFor();
      await failed.locator('summary').click();
      expect(await failed.locator('details').textContent()).toMatch(/regel 3, subject: Onbekend gebied “GM9999”/);
      await expectAccessible(page, 'data-history-errors');
    });
  });

  describe('with the demo data', () => {
    let server: Server;
    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(() => server?.stop());

    it('manager interprets a signal, puts it on a meeting agenda and opens the brief', async () => {
      const token = await apiToken(server, 'manager');
      const meeting = await fetch(`${server.url}/api/v1/meetings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ date: '2026-12-10', title: 'Beleidstafel Den Haag december', area: 'GM0518' }),
      });
      expect(meeting.status).toBe(201);

      const page = await browser.newPage();
      await login(page, server.url, 'manager', '/signalen?status=open&area=GM0518');
      await page.locator('[data-testid=signal-row]').first().waitFor({ timeout: 30_000 });
      await expectAccessible(page, 'signalen-inbox');
      await page.locator('[data-testid=signal-row] a').first().click();
      await page.locator('[data-testid=interpret-comment]').waitFor();
      await expectAccessible(page, 'signaal-detail');

      await page.locator('[data-testid=interpret-comment]').fill('Herkenbaar: het team ziet dit ook in de wijk.');
      await page.locator('[data-testid=interpret-submit]').click();
      await page.getByText('Herkenbaar: het team ziet dit ook in de wijk.').first().waitFor();

      const option = page.locator('[data-testid=agenda-select] option', { hasText: 'Beleidstafel Den Haag december' });
      await page.locator('[data-testid=agenda-select]').selectOption((await option.first().getAttribute('value'))!);
      await page.locator('[data-testid=agenda-submit]').click();
      await page.getByText(/op de agenda/i).first().waitFor();

      await page.goto(`${server.url}/beleidstafel`);
      await page.locator('[data-testid=meeting-row] a').first().click();
      await page.locator('[data-testid=agenda-item]').first().waitFor();
      await expectAccessible(page, 'beleidstafel-vergadering');
      // The brief downloads as a PDF (rendered by the server from the same content).
      const [download, response] = await Promise.all([
        page.waitForEvent('download'),
        page.waitForResponse((r) => /\/api\/v1\/meetings\/[^/]+\/brief\?.*format=pdf/.test(r.url())),
        page.locator('[data-testid=brief-pdf]').click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
      expect(download.suggestedFilename()).toMatch(/^Beleidstafel-Den-Haag-december-2026-12-10\.pdf$/);
      const pdf = readFileSync((await download.path())!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.locator('[data-testid=brief-link]').click();
      await page.getByText('Herkenbaar: het team ziet dit ook in de wijk.').first().waitFor();
      await page.getByText(/Hebben we het eerlijk ingericht|Kunnen we omgaan met variatie/).first().waitFor();
      await expectAccessible(page, 'beleidstafel-brief');
    });

    it('council member sees the plain-language panel and cannot reach Data', async () => {
      const page = await browser.newPage();
      await login(page, server.url, 'council', '/raad/GM0518');
      await page.locator('[data-testid=raad-heading]').waitFor();
      // The quadrant's heading on the panel (the collapsed help names the quadrants too).
      await page.locator('main section.card h3', { hasText: 'In de wijk' }).waitFor();
      expect(await page.locator('nav a[data-section="data"]').count()).toBe(0);
      await expectAccessible(page, 'raad-GM0518');

      await page.goto(`${server.url}/data`);
      await page.waitForURL((u) => !u.pathname.startsWith('/data'));
      const forbidden = await fetch(`${server.url}/api/v1/imports`, { headers: { authorization: `Bearer ${await apiToken(server, 'council')}` } });
      expect(forbidden.status).toBe(403);
    });

    it('every page of the analyst is accessible and has a screenshot', async () => {
      const page = await browser.newPage();
      await login(page, server.url, 'analyst', '/overzicht/GM0518');
      const pages: [string, string, string][] = [
        ['/overzicht/GM0518', 'overzicht-GM0518', '[data-testid=quadrant-tile]'],
        ['/wijk/WK051837', 'wijk-WK051837', 'h1'],
        ['/verkenner?indicator=debt-signals&area=GM0518', 'verkenner-debt-signals', '#explorer-indicator'],
        ['/wijken/GM0518', 'wijken-GM0518-demo', 'h1'],
        ['/data', 'data-catalogue', '[data-testid=indicator-catalogue]'],
        ['/signalen', 'signalen-analyst', '[data-testid=signal-row]'],
      ];
      for (const [path, name, ready] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor({ timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, name);
      }
      const admin = await browser.newPage();
      await login(admin, server.url, 'admin', '/beheer');
      await admin.locator('[data-testid=users-table]').waitFor();
      await expectAccessible(admin, 'beheer');
    });
  });
});
