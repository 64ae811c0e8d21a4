import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, DB_KINDS, launchBrowser, login, screenshot, startServer, type Server } from './support';

/**
 * Issue 16, "done when": the real Rotterdam Gezondheid StatLine file with the default settings,
 * preview, one ignored column mapped to a new indicator, confirm, the new indicator on a wijk
 * page; the next file of the same table imports with the mapping applied. Also: editing the
 * catalogue on the Data page, with a refusal explained in Dutch. Both databases (the "done
 * when"): the embedded one and a fresh PostgreSQL database.
 */
const DIR = join(__dirname, '../fixtures/real/rotterdam-krimpenerwaard-gezondheid');
const FILE_2020 = join(DIR, 'Gezondheid_per_wijk_en_buurt__2022_18062025_140356.csv');
const FILE_2022 = join(DIR, 'Gezondheid_per_wijk_en_buurt__2022_18062025_140404.csv');
const COLUMN = 'Ervaren gezondheid (goed/zeer goed) (%)';

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

describe.each(DB_KINDS)('Data page: column mapping and catalogue editing on %s (Chromium)', (kind) => {
  let browser: Browser;
  let server: Server;
  /** Screenshots of the embedded run keep their names; the PostgreSQL run's get a suffix. */
  const shot = (name: string) => (kind === 'embedded' ? name : `${name}-${kind}`);
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ DEMO_DATA: 'false' }, kind);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('maps an ignored column to a new indicator from the preview; the next year imports with the mapping', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/data');
    await page.locator('[data-testid=import-file]').setInputFiles(FILE_2020);
    await page.getByLabel('Bron (optioneel)').fill('GGD Rotterdam-Rijnmond, gezondheidsmonitor');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const preview = page.locator('[data-testid=import-preview-summary]');
    await preview.waitFor({ timeout: 60_000 });
    const mapping = preview.locator('[data-testid=column-mapping]');
    await mapping.waitFor();
    await mapping.getByLabel(`Inlezen als, kolom ${COLUMN}`).selectOption({ label: 'nieuwe indicator…' });
    await mapping.getByLabel(`Naam van de nieuwe indicator voor ${COLUMN}`).fill('Ervaren gezondheid');
    await mapping.getByLabel(`Richting voor ${COLUMN}`).selectOption({ label: 'hoger is beter' });
    expect(await mapping.getByLabel(`Maat voor ${COLUMN}`).inputValue()).toBe('proportion'); // from "(%)"
    // the minimum count, checked by the server against the floor
    await mapping.getByLabel(`Minimum aantal voor ${COLUMN}`).fill('3');
    await mapping.locator('[data-testid=mapping-apply]').click();
    await mapping.getByText('Het minimum aantal moet een geheel getal van 5 tot en met 1000 zijn').waitFor({ timeout: 60_000 });
    await mapping.getByLabel(`Minimum aantal voor ${COLUMN}`).fill('10');
    await expectAccessible(page, shot('data-mapping'));
    await mapping.locator('[data-testid=mapping-apply]').click();

    await preview.getByText('Koppeling opgeslagen').waitFor({ timeout: 60_000 });
    // The summary names the new indicator (not its code).
    await preview.locator('tr', { hasText: 'Indicatoren' }).filter({ hasText: 'Ervaren gezondheid' }).waitFor();
    const fresh = Number(await page.locator('[data-testid=preview-new]').textContent());
    expect(fresh).toBeGreaterThan(150);
    await page.locator('[data-testid=import-confirm]').click();
    await page.getByText(new RegExp(`${fresh} rijen ingelezen`)).waitFor({ timeout: 60_000 });
    // the source from the form is the batch's provenance in the history
    await page.locator('[data-testid=import-history] tbody tr', { hasText: 'GGD Rotterdam-Rijnmond, gezondheidsmonitor' }).first().waitFor({ timeout: 30_000 });

    // The new indicator on a wijk page.
    await page.goto(`${server.url}/wijk/WK059901`);
    await page.getByText('Ervaren gezondheid').first().waitFor({ timeout: 60_000 });
    await screenshot(page, shot('wijk-new-indicator'));

    // Next year's file of the same table: read with the remembered mapping, no choice needed.
    await page.goto(`${server.url}/data`);
    await page.locator('[data-testid=import-file]').setInputFiles(FILE_2022);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await preview.locator('tr', { hasText: 'Indicatoren' }).filter({ hasText: 'Ervaren gezondheid' }).waitFor({ timeout: 60_000 });
    expect(Number(await page.locator('[data-testid=preview-new]').textContent())).toBeGreaterThan(150);
    await page.locator('[data-testid=import-confirm]').click();
    await page.getByText(/rijen ingelezen/).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=import-changed]', { hasText: 'Ervaren gezondheid (2022)' }).waitFor();
  });

  it('edits the catalogue: a new indicator is saved; a measure with figures stays fixed, said in Dutch', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/data');
    await page.locator('[data-testid=indicator-new]').click();
    const editor = page.locator('[data-testid=indicator-editor]');
    await editor.getByLabel('Code').fill('Schuld hulp');
    await editor.getByLabel('Naam (Nederlands)').fill('Aanmeldingen schuldhulp');
    await editor.getByLabel('Naam (Engels)').fill('Debt help requests');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await editor.getByText('Gebruik kleine letters, cijfers').first().waitFor();
    await editor.getByLabel('Code').fill('schuldhulp');
    await editor.getByLabel('Maat').selectOption({ label: 'tempo (per …)' });
    await editor.getByLabel('Per (bij een tempo)').fill('1000');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('[data-testid=catalogue-saved]', { hasText: 'Aanmeldingen schuldhulp is opgeslagen' }).waitFor();
    const row = page.locator('[data-testid=indicator-catalogue] tbody tr', { hasText: 'Aanmeldingen schuldhulp' });
    expect(await row.textContent()).toContain('tempo (per 1.000)');
    // the indicator made from the column kept the minimum count chosen in the preview
    const made = page.locator('[data-testid=indicator-catalogue] tbody tr', { hasText: 'ervaren-gezondheid' });
    expect(await made.locator('td.num').textContent()).toBe('10');

    // "Ervaren gezondheid" has figures: its measure cannot change.
    await page.getByRole('button', { name: 'Ervaren gezondheid bewerken' }).click();
    const edit = page.locator('[data-testid=indicator-editor]');
    await edit.getByLabel('Maat').selectOption({ label: 'gemiddelde' });
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.getByText('Er zijn al cijfers als aandeel (%); de maat kan niet meer veranderen.').waitFor();
    await expectAccessible(page, shot('data-catalogue-edit'));
  });
});
