import type { Browser, Page } from 'playwright-core';
import { recordedCbs } from '../support/cbs-recording';
import { axeViolations, DB_KINDS, launchBrowser, login, screenshot, startServer, type Server } from './support';

/**
 * Issue 16: an analyst links a CBS open-data table to an indicator on the Data page, fetches it,
 * fetches it again (unchanged: nothing imported) and sees a failed run explained in Dutch — against
 * a local recording of the CBS service built from the real KWB 2024 download. On both databases.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

describe.each(DB_KINDS)('Data page: CBS open-data sync on %s (Chromium)', (kind) => {
  const shot = (name: string) => (kind === 'embedded' ? name : `${name}-${kind}`);
  let browser: Browser;
  let server: Server;
  let cbs: Awaited<ReturnType<typeof recordedCbs>>;
  beforeAll(async () => {
    cbs = await recordedCbs();
    browser = await launchBrowser();
    server = await startServer({ DEMO_DATA: 'false', CBS_ODATA_URL: `${cbs.rec.base}/v4/CBS`, CBS_ODATA_TIMEOUT_MS: '1000' }, kind);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'analyst@demo.local', password: 'demo' }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const res = await fetch(`${server.url}/api/v1/indicators`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'inwoners', name: { nl: 'Aantal inwoners', en: 'Inhabitants' }, quadrant: 'III', measure: 'count', polarity: 'higher-is-worse', subjectKind: 'area' }),
    });
    expect(res.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    cbs?.server.close();
  });

  it('links a table, fetches it, fetches it unchanged, and explains a failure in Dutch', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/data');
    const section = page.locator('[data-testid=cbs-sources]');
    await section.getByText('Nog geen CBS-tabellen gekoppeld.').waitFor();

    // A wrong table id is named next to its field, in Dutch.
    await section.getByLabel('Tabel-ID van StatLine').fill('kerncijfers');
    await section.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await section.getByText('Geef een tabel-ID van StatLine, zoals 85984NED.').waitFor();

    await section.getByLabel('Tabel-ID van StatLine').fill('85984NED');
    await section.getByLabel('Naam (optioneel)').fill('Kerncijfers wijken en buurten 2024');
    await section.getByLabel('Periode (als de tabel er geen heeft)').fill('2024');
    await section.getByLabel('Kolom 1', { exact: true }).fill('T001036');
    await section.getByLabel('Indicator voor kolom 1').selectOption({ label: 'Aantal inwoners' });
    await section.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await section.locator('[data-testid=cbs-form-message]', { hasText: 'is gekoppeld' }).waitFor();
    const row = section.locator('tbody tr', { hasText: '85984NED' });
    await row.waitFor();
    expect(await row.textContent()).toContain('T001036 → Aantal inwoners');
    expect(await row.textContent()).toContain('nog niet opgehaald');

    await row.getByRole('button', { name: /nu ophalen/ }).click();
    const result = section.locator('[data-testid=cbs-result]');
    await result.filter({ hasText: `${cbs.expected.size.toLocaleString('nl-NL')} cijfers ingelezen` }).waitFor({ timeout: 60_000 });
    await row.filter({ hasText: 'ingelezen' }).waitFor();
    await expectAccessible(page, shot('data-cbs-sync'));

    await row.getByRole('button', { name: /nu ophalen/ }).click();
    await result.filter({ hasText: 'is niet veranderd sinds de vorige keer' }).waitFor({ timeout: 60_000 });

    cbs.rec.mode = 'garbage';
    await row.getByRole('button', { name: /nu ophalen/ }).click();
    await result.filter({ hasText: 'het CBS stuurde geen gegevens' }).waitFor({ timeout: 60_000 });
    await row.filter({ hasText: 'mislukt' }).waitFor();
    cbs.rec.mode = 'ok';
    await expectAccessible(page, shot('data-cbs-failed'));

    // The batch is in the history (refreshed after the run) with its provenance and format in words.
    const batch = page.locator('[data-testid=import-history] tbody tr', { hasText: 'CBS 85984NED' });
    await batch.waitFor({ timeout: 30_000 });
    expect(await batch.textContent()).toContain('CBS open data');
    expect(await batch.textContent()).not.toContain('odata');
  });
});
