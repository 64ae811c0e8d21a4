import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, login, screenshot, startServer, type Server } from './support';

/**
 * A decision of the policy table appears on the charts that follow its indicator over time (issue 15):
 * the brief draws the agenda item's decision on the signal's evidence series at the meeting's period,
 * dotted and "na de laatste gegevens" when the meeting is later than the data. The brief renders its
 * charts as SVG, so the line's label is text in the page.
 */
describe('decision marks on charts (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function api<T>(token: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  it('the brief shows the decision on the evidence chart of its signal, after the latest data', async () => {
    const login_ = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.local', password: 'demo' }),
    });
    const token = ((await login_.json()) as { accessToken: string }).accessToken;
    const signals = await api<{ id: string; evidence: { kind?: string; points?: { value: number | null }[] } | null }[]>(token, '/api/v1/signals?include=members&limit=1000');
    // A series the manager may see: the brief draws no chart for evidence whose figures are all withheld.
    const withSeries = signals.body.find((s) => s.evidence?.kind === 'series' && s.evidence.points?.some((p) => typeof p.value === 'number'));
    expect(withSeries).toBeDefined();

    const meeting = await api<{ id: string }>(token, '/api/v1/meetings', 'POST', { date: '2026-12-10', title: 'Beleidstafel besluiten', area: 'GM0518' });
    expect(meeting.status).toBe(201);
    const withItem = await api<{ items: { id: string; signalId: string }[] }>(token, `/api/v1/meetings/${meeting.body.id}/items`, 'POST', { signalId: withSeries!.id });
    expect(withItem.status).toBe(201);
    const item = withItem.body.items.find((i) => i.signalId === withSeries!.id)!;
    const decided = await api(token, `/api/v1/meetings/${meeting.body.id}/items/${item.id}/decision`, 'PUT', { decision: 'Schuldhulp aan huis in de wijk' });
    expect(decided.status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await login(page, server.url, 'manager', `/beleidstafel/${meeting.body.id}/brief`);
    const mark = page.locator('.brief-item svg text', { hasText: 'Besluit: Schuldhulp aan huis in de wijk' });
    await mark.first().waitFor({ timeout: 30_000 });
    // The label wraps over several SVG text lines; read the chart's text as one.
    const chartText = (await page.locator('.brief-item svg text').allTextContents()).join('').replace(/\s+/g, ' ');
    expect(chartText).toContain('Besluit: Schuldhulp aan huis in de wijk (na de laatste gegevens)');
    await screenshot(page, 'brief-decision-mark-1440');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
