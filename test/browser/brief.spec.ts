import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BriefModel } from 'contracts';
import { axeViolations, launchBrowser, login, repoRoot, screenshot, startServer, type Server } from './support';
import { modelTexts } from '../support/brief-texts';

/**
 * One brief (issue 15, report-ready outputs): the print page shows what the API's brief model says —
 * the same agenda items, facts, top-ten rows, decision owner, deadline and follow-up and measured
 * effect that the server's HTML and PDF carry — in the reader's language, without buttons on paper,
 * at most one A4 page per agenda item, and the PDF downloads from it.
 */
const OUT = join(repoRoot(), 'test-output');

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** API values that must never reach a reader: rule and status names, indicator codes, bare area codes. */
const RAW = /peer-outlier|rising-trend|leading-indicator|systemic-pattern|stacked-problems|on-agenda|debt-signals|youth-care-referrals|\b(GM|WK|BU)\d{4}\w*\b/;

describe('one brief: the print page draws the API brief model (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  let meetingId = '';
  let token = '';
  let owner = '';

  async function api<T>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.local', password: 'demo' }),
    });
    token = ((await res.json()) as { accessToken: string }).accessToken;
    const signals = await api<{ id: string; status: string; evidence: { kind?: string; points?: { value: number | null }[] } | null }[]>('/api/v1/signals?area=GM0518&status=open&limit=1000');
    // A series whose figures the manager may see (the decision is drawn on it), and any other signal.
    const series = signals.body.find((s) => s.evidence?.kind === 'series' && s.evidence.points?.some((p) => typeof p.value === 'number'));
    const other = signals.body.find((s) => s.id !== series?.id && s.evidence?.kind && s.evidence.kind !== 'series');
    expect(series && other).toBeTruthy();
    const meeting = await api<{ id: string }>('/api/v1/meetings', 'POST', { date: '2026-12-10', title: 'Beleidstafel één notitie', area: 'GM0518' });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
    const interpreted = await api(`/api/v1/signals/${series!.id}`, 'PATCH', { status: 'interpreted', comment: 'Het wijkteam herkent dit beeld.' });
    expect(interpreted.status).toBe(200);
    for (const s of [series!, other!]) expect((await api(`/api/v1/meetings/${meetingId}/items`, 'POST', { signalId: s.id })).status).toBe(201);
    const items = (await api<{ items: { id: string; signalId: string }[] }>(`/api/v1/meetings/${meetingId}`)).body.items;
    const owners = await api<{ id: string; name: string; role: string }[]>('/api/v1/signal-owners');
    const analyst = owners.body.find((o) => o.role === 'analyst')!;
    owner = analyst.name;
    const decided = await api(`/api/v1/meetings/${meetingId}/items/${items.find((i) => i.signalId === series!.id)!.id}/decision`, 'PUT', {
      decision: 'Schuldhulp aan huis in de wijk', ownerId: analyst.id, deadline: '2027-03-01', effectDueOn: '2027-09-01',
    });
    expect(decided.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openBrief(lang: 'nl' | 'en', viewport = { width: 1280, height: 900 }): Promise<{ page: Page; model: BriefModel }> {
    const model = (await api<BriefModel>(`/api/v1/meetings/${meetingId}/brief?format=json&lang=${lang}`)).body;
    const page = await browser.newPage({ viewport });
    await login(page, server.url, 'manager', '/overzicht/GM0518');
    await page.evaluate((l) => localStorage.setItem('wijksignaal.lang', l), lang);
    await page.goto(`${server.url}/beleidstafel/${meetingId}/brief`);
    await page.locator('[data-testid=brief-item]').nth(model.items.length - 1).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=brief-item] svg').first().waitFor({ timeout: 30_000 });
    return { page, model };
  }

  for (const lang of ['nl', 'en'] as const) {
    it(`shows every item, fact, figure and decision of the model, and no raw codes (${lang})`, async () => {
      const { page, model } = await openBrief(lang);
      expect(model.items).toHaveLength(2);
      const decided = model.items.find((i) => i.decision)!;
      expect(decided.decision).toMatchObject({ owner, deadline: '2027-03-01', followUp: '2027-09-01' });
      expect(decided.effect?.text).toBe(lang === 'nl' ? 'nog niet te meten' : 'not measurable yet');

      expect(await page.locator('[data-testid=brief-item] h2').allTextContents()).toEqual(model.items.map((i) => i.heading));
      const decision = flat((await page.locator('[data-testid=brief-decision]').textContent()) ?? '');
      for (const f of decided.decision!.facts) expect(decision).toContain(f);
      expect(decision).toContain(lang === 'nl' ? `Eigenaar: ${owner}` : `Owner: ${owner}`);
      expect(await page.locator('[data-testid=brief-effect]').allTextContents()).toEqual([decided.effect!.text]);
      const rows = await page.locator('[data-testid=brief-top]').first().locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((td) => td.textContent?.trim())));
      expect(rows).toEqual(model.items[0].evidence!.table!.rows.map((r) => [r.label, r.value]));

      // innerText: what is rendered (the kicker is set in capitals by CSS, so compare without case).
      const main = flat((await page.locator('main').innerText()) ?? '');
      expect(modelTexts(model).filter((t) => !main.toLowerCase().includes(flat(t).toLowerCase()))).toEqual([]);
      expect(main).not.toMatch(RAW);
      expect(modelTexts(model).join('\n')).not.toMatch(RAW);
      // The decision is drawn on the series chart at its meeting, after the latest data.
      const chartText = flat((await page.locator('[data-testid=brief-item] svg text').allTextContents()).join(''));
      expect(chartText).toContain(`${decided.evidence!.marks[0]!.text} (${lang === 'nl' ? 'na de laatste gegevens' : 'after the latest data'})`);

      await screenshot(page, `brief-screen-${lang}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('prints without buttons, one A4 page per agenda item, and downloads the server PDF', async () => {
    const { page, model } = await openBrief('nl', { width: 700, height: 1000 });
    expect(await page.locator('button:visible').count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button:visible').count()).toBe(0);
    expect(await page.locator('a:visible').count()).toBe(0);
    // The brief's own title and meeting line print (the shell's header does not).
    expect(await page.getByRole('heading', { level: 1, name: model.meeting.title }).isVisible()).toBe(true);
    expect(await page.locator('[data-testid=brief-meta]').isVisible()).toBe(true);
    await screenshot(page, 'brief-print-media-nl');
    expect(await axeViolations(page)).toEqual([]);

    // What the browser prints: one A4 page per agenda item.
    const printed = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'brief-print-page.pdf'), printed);
    const printedPages = printed.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    expect(printedPages).toBe(model.items.length);

    await page.emulateMedia({ media: 'screen' });
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => /\/api\/v1\/meetings\/[^/]+\/brief\?.*format=pdf/.test(r.url())),
      page.locator('[data-testid=brief-pdf]').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(download.suggestedFilename()).toBe('Beleidstafel-één-notitie-2026-12-10.pdf');
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(OUT, 'brief-server.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0).toBe(model.items.length);
    await page.close();
  });
});
