import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, login, pageOverflow, screenshot, startServer, type Server } from './support';

/**
 * Issue 15: landing, header search and phone width, against the built product with demo data.
 */
describe('orientation in Chromium (demo data, embedded database)', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  }

  it('lands a manager on a municipality with data, not on an empty page', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'manager', '/');
    // The demo data covers 's-Gravenhage and Rotterdam: the home municipality or the one with most data.
    await page.waitForURL(/\/overzicht\/GM(0518|0599)/);
    await page.getByTestId('quadrant-tile').first().waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    const main = (await page.textContent('main')) ?? '';
    expect(main).not.toContain('Niets bijzonders');
    expect(await page.getByTestId('no-data').count()).toBe(0);
    await page.getByText('Hoe lees ik dit?').click();
    expect(await page.textContent('main')).toContain('netwerkkwadrant');
    // The chosen municipality travels with the section links.
    const code = /\/overzicht\/(GM\d{4})/.exec(page.url())![1];
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verkenner' }).getAttribute('href')).toContain(`area=${code}`);
    await expectAccessible(page, 'ux-landing-manager');
  });

  it('finds a wijk by name from the header search and opens it, with the keyboard', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'manager', '/overzicht/GM0518');
    const box = page.getByRole('combobox', { name: 'Zoeken' });
    await box.fill('oostduinen');
    const option = page.getByRole('option').filter({ hasText: "wijk in 's-Gravenhage" }).first();
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'ux-search-open');
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((t) => t.includes("wijk in 's-Gravenhage"));
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`header-search-opt-${index}`);
    await box.press('Enter');
    await page.waitForURL(/\/wijk\/WK051801\?gemeente=GM0518/);
    // The heading shows the code until the area's name has arrived.
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Oostduinen'), undefined, { timeout: 15_000 });
    expect(await page.textContent('h1')).toContain('Oostduinen');
    await expectAccessible(page, 'ux-search-wijk');
  });

  it('shows honest figures: own periods, the base with small ones marked, worst first, names on the map table', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, server.url, 'analyst', '/overzicht/GM0518');
    const table = page.getByTestId('district-table');
    await table.locator('tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('table-order').textContent()).toContain('ongunstigste');
    const bases = await table.getByTestId('base').allTextContents();
    expect(bases.length).toBeGreaterThan(0);
    await screenshot(page, 'ux-honest-overzicht-1280');
    // The legend never reads "0 – 0".
    expect((await page.locator('.legend').textContent()) ?? '').not.toMatch(/(\d+(,\d+)?) – \1(?!\d)/);

    await page.goto(`${server.url}/wijk/WK051837?gemeente=GM0518`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const pagePeriod = /(\d{4}(-Q\d)?)/.exec((await page.locator('main p.hint').first().textContent()) ?? '')?.[1];
    const own = await page.getByTestId('own-period').allTextContents();
    // Rows of another period (yearly health figures under a quarterly page) say their own period.
    expect(own.length).toBeGreaterThan(0);
    for (const t of own) expect(t).not.toContain(pagePeriod!);
    await screenshot(page, 'ux-honest-wijk-1280');
    await page.close();
  });

  it('accepts an everyday name in the picker', async () => {
    const page = await browser.newPage();
    // A slow server: the list of municipalities arrives after the user has typed and submitted.
    // Her choice is carried out when it arrives (CI once submitted before the list was there and
    // nothing happened).
    await page.route('**/api/v1/areas/coverage', async (route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    });
    await login(page, server.url, 'analyst', '/overzicht/GM0599');
    await page.getByLabel('Gemeente').fill('Den Haag');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL(/\/overzicht\/GM0518/);
    await page.waitForFunction(() => (document.getElementById('municipality-input') as HTMLInputElement | null)?.value === "'s-Gravenhage (GM0518)");
  });

  // Each role's main pages (its own navigation, plus a wijk page) at phone width: wide tables
  // scroll inside themselves, the page never scrolls sideways. The global stylesheet must load
  // under the Content-Security-Policy (an inline onload swap was refused, leaving it unapplied).
  it('shows the main pages of every role at 390 px without horizontal page scroll', async () => {
    for (const role of ['analyst', 'manager', 'council', 'admin'] as const) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await login(page, server.url, role, '/overzicht/GM0518');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate(() => document.querySelectorAll('link[rel=stylesheet][media=print]').length)).toBe(0);
      const links = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links.length).toBeGreaterThan(2);
      for (const path of [...links, '/wijk/WK051837?gemeente=GM0518']) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = await pageOverflow(page);
        await screenshot(page, `ux-390-${role}${path.replace(/[/?=&]+/g, '-')}`);
        expect({ role, path, overflow: overflow.scroll > overflow.client, culprits: overflow.culprits }).toEqual({ role, path, overflow: false, culprits: [] });
      }
      await context.close();
    }
  });
});
