import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, login, screenshot, startServer, type Server } from './support';

/** Issue 16: upload → preview → confirm with the default settings, on the real Rotterdam Gezondheid file. */
const GEZONDHEID = join(__dirname, '../fixtures/real/rotterdam-krimpenerwaard-gezondheid/Gezondheid_per_wijk_en_buurt__2022_18062025_140356.csv');
const LONELY = 'Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)';

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

describe('Data page: preview before import (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ DEMO_DATA: 'false' });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'analyst@demo.local', password: 'demo' }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const catalogue = (await (await fetch(`${server.url}/api/v1/indicators`, { headers })).json()) as { code: string }[];
    const res = await fetch(`${server.url}/api/v1/indicators`, {
      method: 'POST', headers, body: JSON.stringify({ ...catalogue.find((i) => i.code === 'loneliness'), statlineColumn: LONELY }),
    });
    expect(res.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('previews the StatLine file with automatic format, confirms, and sees what changed in the history', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/data');
    expect(await page.locator('[data-testid=import-format]').inputValue()).toBe('auto');
    await page.locator('[data-testid=import-file]').setInputFiles(GEZONDHEID);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const preview = page.locator('[data-testid=import-preview-summary]');
    await preview.waitFor({ timeout: 60_000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toMatch(/formaat StatLine/);
    expect(text).toContain('Eenzaamheid'); // the indicator's name, not its code
    expect(text).toContain('2020');
    expect(text).toContain('Roker (%)');
    const fresh = Number(await page.locator('[data-testid=preview-new]').textContent());
    expect(fresh).toBeGreaterThan(100);
    expect(await page.locator('[data-testid=preview-replaced]').textContent()).toBe('0');
    // nothing written yet
    expect(await page.locator('[data-testid=import-history] tbody tr').count()).toBe(0);
    await expectAccessible(page, 'data-preview');

    await page.locator('[data-testid=import-confirm]').click();
    await page.getByText(new RegExp(`${fresh} rijen ingelezen`)).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=import-changed]', { hasText: new RegExp(`${fresh} nieuw, 0 overschreven; Eenzaamheid \\(2020\\)`) }).waitFor();
    const row = page.locator('[data-testid=import-history] tbody tr').first();
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toMatch(/\d{1,2}:\d{2}/);
    expect(await row.textContent()).toContain(`${fresh} nieuw`);
    await expectAccessible(page, 'data-preview-confirmed');

    // the history links to the figures the batch wrote
    await row.getByRole('link', { name: /Cijfers van .*bekijken/ }).click();
    await page.waitForURL(/\/verkenner\?indicator=loneliness/);

    // a second preview of the same file: every figure unchanged, and it says so
    await page.goto(`${server.url}/data`);
    await page.locator('[data-testid=import-file]').setInputFiles(GEZONDHEID);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await page.locator('[data-testid=import-preview-summary]', { hasText: 'al eerder ingelezen' }).waitFor({ timeout: 60_000 });
    expect(Number(await page.locator('[data-testid=preview-unchanged]').textContent())).toBe(fresh);
  });

  it('answers a StatLine file sent as long format with one Dutch message suggesting StatLine', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/data');
    await page.locator('[data-testid=import-format]').selectOption('long');
    await page.locator('[data-testid=import-file]').setInputFiles(GEZONDHEID);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/Dit is een CBS StatLine-download/);
    expect(await page.getByRole('table', { name: 'Fouten in het bestand' }).count()).toBe(0);
    await expectAccessible(page, 'data-statline-as-long');
  });

  it('takes period and source from the form for a file without a period column, and says in Dutch which format it assumed and why', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/data');
    const file = { name: 'wijkmonitor.csv', mimeType: 'text/csv', buffer: Buffer.from('indicator,subject,value\nloneliness,WK059901,12.5\nloneliness,WK059903,9.5\n') };
    await page.locator('[data-testid=import-file]').setInputFiles(file);
    await page.getByLabel('Periode (optioneel)').fill('twintig');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ongeldige periode “twintig”' }).waitFor({ timeout: 60_000 });

    await page.getByLabel('Periode (optioneel)').fill('2019');
    await page.getByLabel('Bron (optioneel)').fill('Wijkmonitor Rotterdam 2019');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const detected = page.locator('[data-testid=import-preview-summary] [data-testid=import-detected]');
    await detected.waitFor({ timeout: 60_000 });
    expect(await detected.textContent()).toBe('Aangenomen formaat: CSV (lang), omdat de kopregel indicator, subject, value noemt, maar niet indicator, subject en period elk in een eigen kolom.');
    expect(await page.locator('[data-testid=import-preview-summary]').textContent()).toContain('2019');
    await expectAccessible(page, 'data-upload-period-source');

    await page.locator('[data-testid=import-confirm]').click();
    await page.getByText(/2 rijen ingelezen/).waitFor({ timeout: 60_000 });
    const row = page.locator('[data-testid=import-history] tbody tr', { hasText: 'Wijkmonitor Rotterdam 2019' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('(2019)');
  });
});
