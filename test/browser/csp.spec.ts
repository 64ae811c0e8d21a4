import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, startServer, type Server } from './support';

/**
 * Issue 9, item 7: the app and its charts work under the Content-Security-Policy (script-src
 * 'self', no inline scripts): every main page, for every role, logs no CSP violation, and echarts
 * draws. Violations are caught two ways: the `securitypolicyviolation` event (installed before any
 * script runs) and Chromium's console report ("Refused to …").
 */
const PAGES = ['/overzicht', '/wijken', '/wijk/WK051828', '/verkenner', '/signalen', '/beleidstafel', '/meldingen', '/raad', '/data', '/beheer'];
const ROLES = ['analyst', 'manager', 'council', 'admin'] as const;

async function watch(page: Page): Promise<string[]> {
  const found: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|create)/i.test(text)) found.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  return found;
}

async function eventsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

describe('Content-Security-Policy holds on every page (Chromium)', () => {
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

  it('sends the policy with script-src self and no inline scripts or handlers in the page', async () => {
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(res.headers.get('x-powered-by')).toBeNull();
    // The built page itself carries no inline handler (Angular's critical-CSS loader used one: off).
    expect(await res.text()).not.toMatch(/\son[a-z]+="/i);
  });

  it.each(ROLES)('%s: no CSP violation on any main page', async (role) => {
    const page = await browser.newPage();
    const console = await watch(page);
    await login(page, server.url, role, '/overzicht');
    const violations: string[] = [];
    for (const path of PAGES) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await page.locator('h1').first().waitFor({ timeout: 30_000 });
      for (const v of await eventsOf(page)) violations.push(`${path}: ${v}`);
    }
    expect({ role, violations, console }).toEqual({ role, violations: [], console: [] });
    await page.close();
  });

  it('echarts draws under the policy (the Overzicht map)', async () => {
    const page = await browser.newPage();
    const console = await watch(page);
    await login(page, server.url, 'analyst', '/overzicht');
    await page.locator('[_echarts_instance_] canvas, [_echarts_instance_] svg').first().waitFor({ timeout: 60_000 });
    const drawn = await page.locator('[_echarts_instance_] canvas').first().evaluate((c) => (c as HTMLCanvasElement).width > 0 && (c as HTMLCanvasElement).height > 0).catch(() => true);
    expect(drawn).toBe(true);
    expect({ events: await eventsOf(page), console }).toEqual({ events: [], console: [] });
  });
});
