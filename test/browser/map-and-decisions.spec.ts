import type { Browser, Page } from 'playwright-core';
import type { Signal } from 'contracts';
import { axeViolations, launchBrowser, login, pageOverflow, screenshot, startServer, type Server } from './support';

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
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
}

/**
 * Issue 15: a click on the map itself (the echarts canvas, not the table's link) opens the area;
 * a decision recorded at a policy table appears as a mark on the Verkenner's series, in words
 * too, "na de laatste gegevens" when the meeting is later than the data.
 */
describe('map clicks and decision marks in Chromium (demo data)', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens a wijk by clicking its area on the Overzicht map', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await login(page, server.url, 'analyst', '/overzicht/GM0518');
    const canvas = page.locator('.map-layout app-chart canvas').first();
    await canvas.waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    // The map's table: code → name, to check the page that opens is the clicked area's.
    const names = new Map(
      await page.locator('main table tbody tr').evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('td')?.textContent?.trim() ?? '', r.querySelector('th, td')?.textContent?.trim() ?? ''] as [string, string]),
      ),
    );
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    // A map fills most of its canvas: try points of a grid from the centre outwards until one is an area.
    const points: [number, number][] = [];
    for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7]) for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) points.push([fx, fy]);
    let opened = false;
    for (const [fx, fy] of points) {
      await canvas.click({ position: { x: box.width * fx, y: box.height * fy } });
      opened = await page
        .waitForURL(/\/wijk\/(WK|BU)\d+/, { timeout: 1_500 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
    }
    if (!opened) await screenshot(page, 'map-click-missed');
    expect(opened).toBe(true);
    // The wijk page names the area that was clicked (its heading reads the name once loaded).
    const code = /\/wijk\/(\w+)/.exec(page.url())![1];
    expect(names.get(code)).toMatch(/\p{L}{3,}/u);
    await page.getByRole('heading', { level: 1, name: names.get(code) }).waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'wijk-opened-from-map');
    await page.close();
  });

  it('opens the Verkenner without a chosen indicator on one that has figures for the municipality', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, server.url, 'manager', '/verkenner?area=GM0518');
    await page.locator('[data-testid=explorer-table] tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.textContent('main')).not.toContain('geen waarnemingen');
    expect(await page.locator('h2').first().textContent()).not.toMatch(/, –$/);
    await page.close();
  });

  it('shows a decision taken after the data as a mark on the Verkenner, "na de laatste gegevens"', async () => {
    const token = await apiToken(server, 'manager');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const signals = (await (await fetch(`${server.url}/api/v1/signals?status=open&area=GM0518&limit=1000`, { headers: auth })).json()) as Signal[];
    // A signal of several areas (or of the municipality itself) annotates the meeting's municipality.
    const signal = signals.find((s) => !s.groupId && (s.subjects.length !== 1 || s.subjects[0] === 'GM0518'));
    expect(signal).toBeDefined();
    const meeting = (await (
      await fetch(`${server.url}/api/v1/meetings`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ date: '2026-12-10', title: 'Beleidstafel besluit', area: 'GM0518' }),
      })
    ).json()) as { id: string };
    const withItem = await fetch(`${server.url}/api/v1/meetings/${meeting.id}/items`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ signalId: signal!.id }),
    });
    expect(withItem.status).toBe(201);
    const item = ((await withItem.json()) as { items: { id: string; signalId: string }[] }).items.find((i) => i.signalId === signal!.id)!;
    const decided = await fetch(`${server.url}/api/v1/meetings/${meeting.id}/items/${item.id}/decision`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ decision: 'Extra schuldhulp in de wijk', effectDueOn: '2027-06-30' }),
    });
    expect(decided.status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await login(page, server.url, 'analyst', `/verkenner?area=GM0518&indicator=${signal!.indicators[0]}`);
    const list = page.getByTestId('explorer-annotations');
    await list.waitFor({ timeout: 30_000 });
    const mark = list.locator('li', { hasText: 'Extra schuldhulp in de wijk' });
    await mark.waitFor();
    expect(await mark.textContent()).toContain('(na de laatste gegevens)');
    expect(await mark.textContent()).toContain('2026-12-10');
    // The series table (a column per period) scrolls in its own box: no page scroll even at 1440 px.
    await page.getByTestId('series-table').waitFor();
    expect((await pageOverflow(page)).culprits).toEqual([]);
    await expectAccessible(page, 'verkenner-decision-mark');
    await page.close();
  });
});
