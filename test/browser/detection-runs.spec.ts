import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, login, pageOverflow, screenshot, startServer, type Server } from './support';

/**
 * Issue 9 in the browser: the Data page lists the detection runs in words (the demo data's run
 * among them), an interrupted run would read "Onderbroken". Axe-clean, no page-level scroll on a
 * phone, with a screenshot.
 */
describe('Data: detection runs (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an analyst sees the demo data run as completed, in words', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/data');
    const section = page.locator('[data-testid=detection-runs]');
    await page.getByRole('heading', { name: 'Detectieruns', level: 2 }).waitFor();
    const demo = section.locator('tbody tr', { hasText: 'Bij het laden van de demodata' });
    await demo.first().waitFor();
    await demo.first().getByText('Voltooid').waitFor();
    expect(await demo.first().locator('td').last().textContent()).toMatch(/\d+ nieuw, \d+ bijgewerkt, \d+ opgelost/);
    expect(await section.textContent()).not.toMatch(/demo-data|completed|manual:|import:/);

    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'data-detection-runs');
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    expect((await pageOverflow(page)).culprits).toEqual([]);
    await page.close();
  });
});
