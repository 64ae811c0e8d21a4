import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, login, screenshot, SCREENSHOTS, startServer, type Server } from './support';

/**
 * Issue 15, report-ready outputs: the Verkenner's CSV opens in Dutch Excel (BOM, `;`, decimal
 * comma, Dutch headers, names) and its PNG is rendered at report size (1200 px wide at pixel
 * ratio 2) with title, area, period, unit and source drawn in (see shared/png-export.ts and its spec).
 */
describe('exports in Chromium (demo data, embedded database)', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await d.path();
    return { name: d.suggestedFilename(), bytes: readFileSync(path) };
  }

  it.each([[1440], [390]])('downloads a Dutch Excel CSV and a PNG of report size at %i px', async (width) => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await login(page, server.url, 'analyst', '/verkenner?area=GM0599&indicator=loneliness');
    await page.getByTestId('export-csv').waitFor();
    await page.locator('[data-testid=explorer-table] tbody tr').first().waitFor();

    const csv = await download(page, () => page.getByTestId('export-csv').click());
    expect(csv.name).toMatch(/^loneliness-gm0599-.*\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8').slice(1);
    const [header, first] = text.split('\r\n');
    expect(header.split(';').slice(0, 5)).toEqual(['Gebied', 'Gebiedscode', 'Indicator', 'Periode', 'Waarde (%)']);
    expect(header).toContain(';Bron;');
    // A name, not only a code; the value with a decimal comma (or a whole number), never a point.
    const cells = first.split(';');
    expect(cells[0]).toMatch(/\p{L}{3,}/u);
    expect(cells[1]).toMatch(/^WK0599/);
    expect(cells[4]).toMatch(/^\d+(,\d)?$/);

    const png = await download(page, () => page.getByRole('button', { name: 'Rangorde als PNG' }).click());
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16–23. 1200 px at pixel ratio 2, whatever the screen.
    expect(png.bytes.readUInt32BE(16)).toBe(2400);
    expect(png.bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(1440);
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, `exports-ranking-png-${width}.png`), png.bytes); // to look at

    await screenshot(page, `exports-verkenner-${width}`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
