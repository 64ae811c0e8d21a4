import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, login, screenshot, startServer, type Server } from './support';

describe('analyst sees the districts of a municipality (real Chromium, built app, embedded database)', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ DEMO_DATA: 'false' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in, picks a municipality and lists its districts with an accessible page', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/wijken/GM0518');
    await page.waitForURL(/\/wijken\/GM0518/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Wijk 28 Centrum').first().waitFor();
    const body = await page.textContent('main');
    expect(body).toContain('Wijk 01 Oostduinen');
    await screenshot(page, 'wijken-GM0518');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('deep links fall back to the app and an unknown API path stays JSON', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${server.url}/wijken/GM0363`);
    expect(res?.status()).toBe(200);
    expect(await page.content()).toContain('<app-root');
    const api = await fetch(`${server.url}/api/v1/nope`);
    expect(api.status).toBe(404);
  });
});
