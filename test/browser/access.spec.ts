import type { Browser, Page } from 'playwright-core';
import { freePort, startTestIdp, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestIdp } from '../support/oidc';
import { join } from 'node:path';
import { axeViolations, launchBrowser, login, pageOverflow, screenshot, SCREENSHOTS, startServer, type Server } from './support';

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/**
 * Sessions and single sign-on in Chromium against the built product (issue 12): sign-in through
 * a real OpenID provider, a save after the access token expired (renewed and repeated), a save
 * after the session ended (typed text kept), and the admin's access and audit views.
 */
describe('access and sessions in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let idp: TestIdp;

  beforeAll(async () => {
    const port = await freePort();
    server = await startServer({
      OIDC_ISSUER: `http://127.0.0.1:${port}`,
      OIDC_CLIENT_ID: TEST_CLIENT_ID,
      OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
      OIDC_ROLE_MAP: JSON.stringify({ 'ws-managers': 'manager' }),
      OIDC_MUNICIPALITY_MAP: JSON.stringify({ 'gemeente-denhaag': ['GM0518'] }),
      OIDC_LABEL: 'Gemeente Den Haag',
    });
    idp = await startTestIdp(port, `${server.url}/api/v1/auth/oidc/callback`);
    await idp.setAccounts({ 'm-1': { email: 'm.de.vries@denhaag.nl', name: 'M. de Vries', groups: ['ws-managers', 'gemeente-denhaag'] } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    idp?.close();
    await server?.stop();
  });

  it('signs in with "Inloggen met <organisatie>" through the provider and opens the app as that user', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    const sso = page.getByRole('link', { name: 'Inloggen met Gemeente Den Haag' });
    await sso.waitFor();
    await expectAccessible(page, 'login-sso');
    await sso.click();
    await page.getByLabel('Gebruiker').fill('m-1');
    await page.getByRole('button', { name: 'Inloggen bij de test-IdP' }).click();
    await page.waitForURL((u) => u.origin === server.url && !u.pathname.startsWith('/login'));
    await page.getByText('M. de Vries').first().waitFor({ timeout: 20_000 });
    // A second tab shares the session (refresh cookie) without signing in again.
    const tab = await context.newPage();
    await tab.goto(`${server.url}/signalen`);
    await tab.getByText('M. de Vries').first().waitFor({ timeout: 20_000 });
    expect(new URL(tab.url()).pathname).toBe('/signalen');
  });

  async function openSignal(page: Page): Promise<void> {
    await login(page, server.url, 'manager', '/signalen?status=open&area=GM0518');
    await page.locator('[data-testid=signal-row] a').first().click({ timeout: 60_000 });
    await page.locator('[data-testid=interpret-comment]').waitFor();
  }

  it('a save after the access token expired renews the session and goes through', async () => {
    const page = await browser.newPage();
    await openSignal(page);
    const text = 'Na een lange pauze opgeslagen: het team herkent dit.';
    await page.locator('[data-testid=interpret-comment]').fill(text);
    // The access token in this tab is no longer accepted (as after 15 minutes); the cookie still is.
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('wijksignaal.session')!);
      sessionStorage.setItem('wijksignaal.session', JSON.stringify({ ...s, token: `${s.token}x` }));
    });
    await page.reload();
    await page.locator('[data-testid=interpret-comment]').fill(text);
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('wijksignaal.session')!);
      sessionStorage.setItem('wijksignaal.session', JSON.stringify({ ...s, token: `${s.token}x` }));
    });
    await page.locator('[data-testid=interpret-submit]').click();
    await page.getByText(text).first().waitFor({ timeout: 20_000 }); // in the history
    expect(new URL(page.url()).pathname).toMatch(/^\/signalen\//);
  });

  it('a save after the session ended keeps the typed text on the page', async () => {
    const page = await browser.newPage();
    await openSignal(page);
    const text = 'Deze tekst mag niet verloren gaan.';
    await page.locator('[data-testid=interpret-comment]').fill(text);
    // The session ends on the server (as by logout elsewhere or deactivation).
    await page.evaluate(() => fetch('/api/v1/auth/logout', { method: 'POST' }));
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('wijksignaal.session')!);
      sessionStorage.setItem('wijksignaal.session', JSON.stringify({ ...s, token: `${s.token}x` }));
    });
    await page.locator('[data-testid=interpret-submit]').click();
    await page.getByText('Je invoer staat er nog').first().waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/signalen\//);
    expect(await page.locator('[data-testid=interpret-comment]').inputValue()).toBe(text);
    await screenshot(page, 'session-ended-text-kept');
  });

  it('admin sees scopes by name, and the audit log with the sign-ins', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'admin', '/beheer');
    await page.locator('[data-testid=audit-table] tbody tr').first().waitFor();
    // The sign-in by its name, the code only as secondary text; details as labelled words, no `key: JSON`.
    const signIn = page.locator('[data-testid=audit-table] tbody tr', { has: page.locator('th code', { hasText: /^auth\.login$/ }) }).first();
    await signIn.waitFor();
    expect(await signIn.locator('th').innerText()).toMatch(/^Aangemeld\s+auth\.login$/);
    expect(await signIn.locator('.audit-details').innerText()).toMatch(/manier: (wachtwoord|account van de organisatie)/);
    expect(await page.locator('[data-testid=audit-table]').innerText()).not.toMatch(/\w: [[{"]/);
    await page.getByRole('button', { name: 'Toegang wijzigen van M. de Vries' }).waitFor();
    await expect(page.locator('[data-testid=user-scope]').allTextContents()).resolves.toContain("'s-Gravenhage");
    await expectAccessible(page, 'beheer-toegang-logboek');
    const log = page.locator('section[aria-labelledby=audit-heading]');
    await log.screenshot({ path: join(SCREENSHOTS, 'beheer-logboek-1280.png') });
    // On a phone the log wraps instead of making the page scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await log.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'beheer-logboek-390.png') });
    const table = (await page.locator('[data-testid=audit-table]').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(391);
    expect((await pageOverflow(page)).culprits).toEqual([]);
  });
});
