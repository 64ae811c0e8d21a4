import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, screenshot, startServer, type Server } from './support';

/**
 * Issue 15, names not codes: every page each role can open, in Dutch and in English, must show
 * names. A failure lists the page and the offending text.
 */

/** An area code standing alone: "WK051802" without a name (a code in brackets or after "·" is secondary text). */
const AREA_CODE = /(?<![(\w·] ?)\b(GM|WK|BU)\d{4,8}\b(?! ?\))/;
/** A kebab-case API value (`debt-signals`, `on-agenda`). Dutch hyphenated words are allowed below. */
const KEBAB = /(?<![\w'’/.@-])[a-z]{2,}(?:-[a-z0-9]{2,})+(?![\w/.@-])/g;
const ALLOWED_KEBAB = new Set(['e-mailadres', 'e-mail', 'e-mailadressen', 'niet-westerse', 'niet-westers', 'e-mails', 'sign-ins', 'sign-in', 'self-rated', 'follow-up', 'look-back', 'open-data', 'funnel-plot',
  // Dutch compounds with an abbreviation: the indicator name "Wmo-gebruik" lower-cased inside a sentence.
  'wmo-gebruik', 'ggd-gezondheidsmonitor']);
/** A dotted settings key (`peerOutlier.coverage`): camelCase words joined by a dot. */
const DOTTED = /\b[a-z]+(?:[A-Z][a-z]*)*\.[a-z]+(?:[A-Z][a-z]*)*\b/g;
/**
 * A lower-case dotted API value (`digest.weekly`, `signal.created`, `auth.login`): the delivery and
 * audit logs once showed these. Not part of an address, a host name or a file name.
 */
const DOTTED_VALUE = /(?<![\w@/.:-])[a-z]+(?:\.[a-z]+(?:-[a-z]+)*)+(?![\w/.@:-])/g;
const NOT_A_VALUE = /\.(nl|org|com|net|eu|local|csv|json|html|pdf|png|svg|xlsx?|zip|txt|js)$|^(bijv|o\.a|d\.w\.z|e\.g|i\.e|etc)\b/;
/** Raw API enum values that must never be a piece of Dutch text on their own (in English some are the right word). */
const RAW_WORDS = new Set(['proportion', 'rate', 'count', 'mean', 'interpreted', 'decided', 'dismissed', 'high', 'medium', 'low', 'district', 'neighbourhood', 'municipality']);

/** Every visible text node (and form control value) of the page's main content, trimmed. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.querySelector('main') ?? document.body;
    const visible = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || e.hasAttribute('hidden')) return false;
      }
      return true;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = n.parentElement;
      if (!t || !parent || ['SCRIPT', 'STYLE', 'CODE', 'OPTION'].includes(parent.tagName)) continue;
      if (!visible(parent)) continue;
      // A code on its own (a table cell, a meta span) is secondary text when its row or list item
      // also names the area; alone, it is what the reader gets instead of a name.
      if (/^(GM|WK|BU)\d+$/.test(t)) {
        const context = (parent.closest('tr, li') ?? parent).textContent ?? '';
        if (/\p{L}{3,}/u.test(context.replace(/\b(GM|WK|BU)\d+\b/g, ''))) continue;
      }
      out.push(t);
    }
    for (const el of Array.from(root.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select'))) {
      if (!visible(el)) continue;
      if (el instanceof HTMLSelectElement) out.push(el.selectedOptions[0]?.textContent?.trim() ?? '');
      else out.push((el as HTMLInputElement).value.trim());
    }
    // The header's name of the page (document title) and the headings' aria-labels are text too.
    out.push(document.title);
    return out.filter(Boolean);
  });
}

/** The raw codes in a page's texts; exported logic kept here so the test can fail on a planted one. */
export function rawCodes(texts: string[], lang: 'nl' | 'en' = 'nl'): string[] {
  const found: string[] = [];
  for (const t of texts) {
    if (AREA_CODE.test(t)) found.push(`area code: "${t}"`);
    for (const m of t.matchAll(KEBAB)) if (!ALLOWED_KEBAB.has(m[0])) found.push(`kebab: "${m[0]}" in "${t.slice(0, 80)}"`);
    for (const m of t.matchAll(DOTTED)) if (/[A-Z]/.test(m[0])) found.push(`setting key: "${m[0]}" in "${t.slice(0, 80)}"`);
    for (const m of t.matchAll(DOTTED_VALUE)) if (!NOT_A_VALUE.test(m[0])) found.push(`dotted value: "${m[0]}" in "${t.slice(0, 80)}"`);
    if (lang === 'nl' && RAW_WORDS.has(t)) found.push(`raw value: "${t}"`);
  }
  return found;
}

async function apiToken(server: Server, role: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@demo.local`, password: 'demo' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe('names, not codes, on every page for every role (demo data)', () => {
  let server: Server;
  let browser: Browser;
  let meetingId = '';
  let signalId = '';
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const token = await apiToken(server, 'manager');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const meeting = await fetch(`${server.url}/api/v1/meetings`, {
      method: 'POST', headers, body: JSON.stringify({ date: '2026-12-10', title: 'Beleidstafel december', area: 'GM0518' }),
    });
    meetingId = ((await meeting.json()) as { id: string }).id;
    const signals = (await (await fetch(`${server.url}/api/v1/signals?area=GM0518&status=open`, { headers })).json()) as { id: string; memberCount?: number }[];
    // The manager's signal page is a grouped signal: its members are listed by name too (issue 15's done-when).
    const grouped = signals.find((s) => (s.memberCount ?? 0) > 0);
    expect(grouped).toBeDefined();
    signalId = grouped!.id;
    const item = await fetch(`${server.url}/api/v1/meetings/${meetingId}/items`, { method: 'POST', headers, body: JSON.stringify({ signalId: signals[1]!.id }) });
    expect(item.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('recognises raw codes (the check itself can fail)', () => {
    expect(rawCodes(['WK051802', 'debt-signals', 'peerOutlier.coverage', 'proportion', 'digest.weekly', 'Soort: signal.created'])).toHaveLength(6);
    expect(rawCodes(['Oostduinen (WK051801)', "'s-Gravenhage", 'Wijk 37 · WK051837', 'e-mailadres', 'analist@demo.local', 'https://teams.example.org/hook', 'wijkprofielen.csv', 'Dit is een zin. En nog een.'])).toEqual([]);
  });

  it('gives the council a ranked plain-language panel: at most three linked sentences per list, the period once', async () => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await login(page, server.url, 'council', '/raad/GM0518');
      await page.getByTestId('raad-basis').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `ux-raad-GM0518-${width}`);
      const lists = await page.locator('section.card ol.items').evaluateAll((ols) => ols.map((ol) => ({
        items: ol.children.length,
        linked: Array.from(ol.children).filter((li) => li.querySelector('a[href]')).length,
        texts: Array.from(ol.children).map((li) => li.textContent?.trim() ?? ''),
      })));
      expect(lists.length).toBeGreaterThan(0);
      for (const l of lists) {
        expect(l.items).toBeLessThanOrEqual(3);
        expect(l.linked).toBe(l.items);
        // One sentence each, no figures (area names such as "Wijk 37" aside), no period repeated per line.
        for (const t of l.texts) {
          expect(t).toMatch(/^[^.]+[.]$/);
          expect(t).not.toMatch(/\d{4}(-Q\d)?|\d+ ?%/);
        }
      }
      const main = (await page.textContent('main')) ?? '';
      expect(main.match(/tot en met \d{4}/g)?.length ?? 0).toBe(1);
      // An item opens the same panel for the area it is about (the council's own page).
      await page.locator('section.card ol.items a').first().click();
      await page.waitForURL(/\/raad\/(WK|BU|GM)\d+/);
      await page.getByTestId('raad-basis').waitFor();
      expect(page.url()).not.toContain('geen-toegang');
      await context.close();
    }
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`shows names only on every page of every role (${lang})`, async () => {
      const problems: string[] = [];
      for (const role of ['manager', 'analyst', 'council', 'admin'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await login(page, server.url, role, '/overzicht/GM0518');
        await page.evaluate((l) => localStorage.setItem('wijksignaal.lang', l), lang);
        await page.locator('nav.main-nav a').first().waitFor();
        const nav = await page.locator('nav.main-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        const extra = ['/wijk/WK051837?gemeente=GM0518', `/signalen?area=WK051802`, '/raad/WK051837?gemeente=GM0518'];
        if (role !== 'council') extra.push(`/signalen/${signalId}`, `/beleidstafel/${meetingId}`);
        if (role === 'manager' || role === 'admin') extra.push(`/beleidstafel/${meetingId}/brief`);
        for (const path of [...nav, ...extra]) {
          await page.goto(`${server.url}${path}`);
          try {
            await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
          } catch {
            await screenshot(page, `names-no-heading-${role}-${lang}`);
            problems.push(`${role} ${lang} ${path}: no page heading`);
            continue;
          }
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(300);
          for (const p of rawCodes(await visibleTexts(page), lang)) problems.push(`${role} ${lang} ${path}: ${p}`);
        }
        if (lang === 'nl') await screenshot(page, `names-${role}-last`);
        await context.close();
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }
});
