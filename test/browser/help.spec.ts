import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, login, screenshot, startServer, type Server } from './support';

/**
 * Issue 15: "Hoe lees ik dit?" on every main page, a disclosure that opens with the keyboard; and the
 * council panel of a municipality without data says so instead of "Niets bijzonders".
 */
describe('page help and empty municipalities in Chromium (demo data, embedded database)', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens the page's help with the keyboard and checks what a screen reader hears. */
  async function openHelp(page: Page, name: string, words: RegExp): Promise<void> {
    const help = page.getByTestId('help-box');
    await help.waitFor();
    expect(await help.count()).toBe(1);
    const summary = help.locator('summary');
    expect((await summary.textContent())?.trim()).toBe('Hoe lees ik dit?');
    expect(await help.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await help.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const text = (await help.textContent()) ?? '';
    expect({ page: name, text }).toEqual({ page: name, text: expect.stringMatching(words) });
    expect(text).not.toMatch(/\bhelp\.[a-z]/);
    await screenshot(page, `help-${name}`);
    expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  }

  it('has the help on every page an admin can open, each about that page', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'admin', '/overzicht/GM0518');
    await openHelp(page, 'overzicht', /netwerkkwadrant/);
    const pages: [string, string, RegExp][] = [
      ['wijken', '/wijken?gemeente=GM0518', /buurten/],
      ['wijk', '/wijk/WK051801?gemeente=GM0518', /niet getoond \(minder dan N\)/i],
      ['verkenner', '/verkenner?area=GM0518', /trechter/],
      ['signalen', '/signalen', /geen signaal in een la/],
      ['beleidstafel', '/beleidstafel', /eigenaar, een uiterste datum/],
      ['raad', '/raad/GM0518', /zonder cijfers/],
      ['data', '/data', /voorbeeld/],
      ['meldingen', '/meldingen', /per dag, week of maand/],
      ['beheer', '/beheer', /thuisgemeente/],
    ];
    for (const [name, path, words] of pages) {
      await page.goto(`${server.url}${path}`);
      await openHelp(page, name, words);
    }
    // A signal's own page, reached from the list.
    await page.goto(`${server.url}/signalen`);
    await page.locator('main a[href^="/signalen/"]').first().click();
    await page.waitForURL(/\/signalen\/[0-9a-f-]{36}/);
    await page.locator('h1').waitFor();
    await openHelp(page, 'signaal', /De grafiek is het bewijs/);
  });

  it('tells the council there is no data for a municipality without figures, on the panel and the Overzicht', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'council', '/raad/GM0228');
    const none = page.getByTestId('raad-no-data');
    await none.waitFor();
    expect(await none.textContent()).toContain('Er is (nog) geen data voor Ede');
    // (The help explains the words, "Niets bijzonders" among them: the panel itself must not say it.)
    const panel = await page.locator('main').evaluate((m) => {
      const copy = m.cloneNode(true) as HTMLElement;
      copy.querySelector('[data-testid="help-box"]')?.remove();
      return copy.textContent ?? '';
    });
    expect(panel).not.toContain('Niets bijzonders');
    expect(await page.locator('main section.card').count()).toBe(0);
    await screenshot(page, 'raad-no-data');
    expect(await axeViolations(page)).toEqual([]);
    // The Overzicht of the same municipality says the same, not "0 open signalen".
    await page.goto(`${server.url}/overzicht/GM0228`);
    await page.getByTestId('no-data').waitFor();
    expect(await page.getByTestId('no-data').textContent()).toContain('Er is (nog) geen data voor Ede');
    expect(await page.getByTestId('quadrant-tile').count()).toBe(0);
    // A municipality with data still gets its panel.
    await page.goto(`${server.url}/raad/GM0518`);
    await page.locator('main section.card').first().waitFor();
    expect(await page.getByTestId('raad-no-data').count()).toBe(0);
  });
});
