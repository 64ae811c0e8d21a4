import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, login, screenshot, startServer, type Server } from './support';

/**
 * Issue 13 in the browser: a manager sets a subscription on Meldingen and sees the badge on
 * Signalen (the "unread badge on Signalen for new signals matching my subscriptions": a
 * count next to the Signalen link, cleared when Signalen is opened); an admin registers a webhook
 * with a filter on Beheer. Axe-clean, with screenshots.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/** The unread count the API gives a demo account (a session of its own). */
async function unreadOf(url: string, role: 'manager'): Promise<number> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@demo.local`, password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${url}/api/v1/me/alerts/unread`, { headers: { authorization: `Bearer ${accessToken}` } });
  return ((await res.json()) as { count: number }).count;
}

describe('Alerts: Meldingen and Beheer webhooks (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ ALERTS_TICK_MS: '0' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a manager subscribes to a municipality, sees the badge on Signalen, and it clears when opened', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'manager', '/meldingen');
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    await page.getByLabel('Gemeente / Municipality').selectOption('GM0518');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('radio', { name: 'Direct, per signaal' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await expectAccessible(page, 'meldingen');

    // What the server counts as new for the saved subscription (asked outside the page, so the
    // test does not lean on the page's own timing). The badge follows the save at once, on
    // Meldingen itself, and keeps the count on the next page.
    const n = await unreadOf(server.url, 'manager');
    expect(n).toBeGreaterThan(0);
    const badge = page.locator('[data-testid=unread-badge]', { hasText: new RegExp(`^\\s*${n}\\s*$`) });
    await badge.waitFor();
    await page.locator('nav.main-nav a[data-section=overzicht]').click();
    await page.waitForURL(/\/overzicht\/GM\d{4}/);
    await badge.waitFor();
    // Screen readers hear the count in words; on screen only the number.
    expect(await page.locator('nav.main-nav a[data-section=signalen]').textContent()).toContain(`${n} nieuw voor uw meldingen`);
    expect((await page.locator('nav.main-nav .unread-text').boundingBox())!.width).toBeLessThanOrEqual(1);
    await screenshot(page, 'meldingen-badge');

    await page.locator('nav.main-nav a[data-section=signalen]').click();
    await page.waitForURL(/\/signalen/);
    await page.locator('[data-testid=unread-badge]').waitFor({ state: 'detached' });
    await page.close();
  });

  it('an admin registers a webhook with a filter; the URL error names the field; secret once; listed in words', async () => {
    const page = await browser.newPage();
    await login(page, server.url, 'admin', '/beheer');
    const form = page.locator('[data-testid=webhook-form]');
    await form.waitFor();
    await form.getByLabel('URL').fill('ftp://example.org/hook');
    await form.getByRole('button', { name: 'Webhook toevoegen' }).click();
    await page.locator('[data-testid=webhook-error]', { hasText: 'Het veld URL is ongeldig' }).waitFor();

    await form.getByLabel('URL').fill('https://teams.example.org/hook');
    await form.getByLabel('Naam', { exact: true }).fill('Team Den Haag');
    await form.getByLabel('Formaat').selectOption('teams');
    await form.getByLabel('Gebied zoeken (naam)').fill('Gravenhage');
    await form.locator('.hits button', { hasText: 'Gravenhage' }).first().click();
    await form.getByRole('checkbox', { name: 'Kwadrant II', exact: true }).check();
    await form.getByLabel('Minimale ernst').selectOption('medium');
    await form.getByRole('button', { name: 'Webhook toevoegen' }).click();
    const secret = page.locator('[data-testid=webhook-secret]');
    await secret.waitFor();
    expect(await secret.getByRole('button', { name: 'Kopiëren' }).count()).toBe(1);
    const row = page.locator('section[aria-labelledby=wh-h] tbody tr', { hasText: 'Team Den Haag' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Microsoft Teams');
    expect(text).toContain('Gravenhage');
    expect(text).toContain('Kwadrant II');
    expect(text).toContain('middel');
    expect(text).toContain('nog geen');
    expect(text).not.toMatch(/GM0518/);
    await page.locator('section[aria-labelledby=wh-h]').scrollIntoViewIfNeeded();
    await expectAccessible(page, 'beheer-webhooks');

    // The delivery log after a round (no SMTP_URL: the mails land in the outbox): kinds and channels in words.
    await page.getByRole('button', { name: 'Nu versturen' }).click();
    const log = page.locator('section[aria-labelledby=dl-h] tbody tr');
    await log.first().waitFor();
    const logText = (await page.locator('section[aria-labelledby=dl-h]').textContent()) ?? '';
    expect(logText).toMatch(/E-mail/);
    expect(logText).toMatch(/Dagelijks overzicht|Wekelijks overzicht|Maandelijkse samenvatting|Nieuw signaal/);
    expect(logText).not.toMatch(/digest\.|signal\.created|effect-due|\bemail\b|\d{4}-\d{2}-\d{2}T/);
    await page.locator('section[aria-labelledby=dl-h]').scrollIntoViewIfNeeded();
    await expectAccessible(page, 'beheer-deliveries');
    await page.close();
  });
});
