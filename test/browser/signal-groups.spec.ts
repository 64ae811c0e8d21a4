import type { Browser, Page } from 'playwright-core';
import type { Signal } from 'contracts';
import { axeViolations, launchBrowser, login, screenshot, startServer, type Server } from './support';

async function apiToken(server: Server, role: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@demo.local`, password: 'demo' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/**
 * Issue 11: the inbox lists groups; a group opens to its members, each keeping its own status.
 */
describe('signal groups in Chromium against the built product (demo data)', () => {
  let browser: Browser;
  let server: Server;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('manager opens a group in the inbox, sees a member already interpreted, opens that member and its group', async () => {
    const token = await apiToken(server, 'manager');
    const auth = { authorization: `Bearer ${token}` };
    const all: Signal[] = [];
    for (let url: string | null = '/api/v1/signals?limit=1000'; url; ) {
      const res: Response = await fetch(`${server.url}${url}`, { headers: auth });
      expect(res.status).toBe(200);
      all.push(...((await res.json()) as Signal[]));
      url = /<([^>]*)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
    }
    // Top level only: no listed signal is a member of another.
    expect(all.every((s) => !s.groupId)).toBe(true);
    const groups = all.filter((s) => (s.memberCount ?? 0) > 0);
    expect(groups.length).toBeGreaterThan(0);
    const group = [...groups].sort((a, b) => (b.memberCount ?? 0) - (a.memberCount ?? 0))[0];
    const member = group.members![0];

    // A person interprets one member; the group shows it as such.
    const patch = await fetch(`${server.url}/api/v1/signals/${member.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'interpreted', comment: 'Bekend bij het wijkteam.' }),
    });
    expect(patch.status).toBe(200);

    const page = await browser.newPage();
    await login(page, server.url, 'manager', `/signalen?area=${encodeURIComponent(group.subjects[0])}`);
    const row = page.locator(`[data-testid=signal-row][data-signal-id="${group.id}"]`);
    await row.waitFor({ timeout: 60_000 });
    const seenIn = await row.locator('[data-testid=seen-in]').textContent();
    expect(seenIn).toMatch(/ook gezien in|onderliggende? signa(a)?l/);
    await expectAccessible(page, 'signalen-groups-inbox');

    const toggle = row.locator('[data-testid=group-toggle]');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const memberRow = page.locator(`#members-${group.id} [data-testid=member-row][data-signal-id="${member.id}"]`);
    await memberRow.waitFor();
    expect(await memberRow.locator('[data-testid=member-status]').textContent()).toContain('al geïnterpreteerd');
    expect(await page.locator(`#members-${group.id} [data-testid=member-row]`).count()).toBe(group.members!.length);
    await expectAccessible(page, 'signalen-group-open');

    await memberRow.locator('th a').click();
    await page.waitForURL((u) => u.pathname === `/signalen/${member.id}`);
    const partOf = page.locator('[data-testid=part-of] a');
    await partOf.waitFor();
    expect(await page.locator('#bewijs').count()).toBe(1);
    expect(await page.getByText('Bekend bij het wijkteam.').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'signaal-member');

    await partOf.click();
    await page.waitForURL((u) => u.pathname === `/signalen/${group.id}`);
    await page.locator('app-signal-members [data-testid=member-row]').first().waitFor();
    await expectAccessible(page, 'signaal-group');
    await page.close();
  });

  it('wijk page shows which individual signals feed a collective signal', async () => {
    const token = await apiToken(server, 'manager');
    const res = await fetch(`${server.url}/api/v1/signals?limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const all = (await res.json()) as Signal[];
    const escalation = all.find(
      (s) => (s.quadrant === 'III' || s.quadrant === 'IV') && (s.members ?? []).some((m) => m.quadrant === 'I' || m.quadrant === 'II') && /^WK/.test(s.subjects[0]),
    );
    const page = await browser.newPage();
    const wijk = escalation?.subjects[0] ?? 'WK051801';
    await login(page, server.url, 'manager', `/wijk/${wijk}`);
    await page.locator('[data-testid=wijk-build-up]').waitFor({ timeout: 60_000 });
    if (escalation) {
      await page.locator(`[data-testid=escalation][data-signal-id="${escalation.id}"] [data-testid=member-row]`).first().waitFor();
    } else {
      await page.locator('[data-testid=no-build-up]').waitFor();
    }
    await expectAccessible(page, 'wijk-build-up');
    await page.close();
  });
});
