import { inflateSync } from 'node:zlib';
import type { BriefModel } from 'contracts';
import { DB_KINDS, startTestApp, type TestApp } from './harness';
import { modelTexts } from '../support/brief-texts';

/**
 * Issue 15, report-ready outputs: a decision has an owner, a deadline and a follow-up date
 * (`effectDueOn`), validated with stable message keys, persisted, shown in the brief (HTML and
 * PDF) and carried by the decision's annotation on the indicator charts.
 */
const MUNI = 'GM0518';
const QUARTERS = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
const startOf = (label: string): string => {
  const [y, q] = label.split('-Q');
  return `${y}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
};

/** The text a PDF shows, read from its (deflated) content streams: PDFKit writes WinAnsi (Windows-1252) hex strings. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      for (const hex of tj[1].matchAll(/<([0-9a-fA-F]*)>/g)) out += win1252(Buffer.from(hex[1], 'hex'));
      out += ' ';
    }
  }
  return out.replace(/\s+/g, ' ');
}

/** Windows-1252 where it differs from Latin-1 (0x80–0x9f): the quotes, dashes and bullet PDFKit's fonts write. */
const WIN1252: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—' };
const win1252 = (bytes: Buffer): string => [...bytes].map((b) => WIN1252[b] ?? String.fromCharCode(b)).join('');

/** Text compared without its layout: no white space (PDF lines wrap), dashes as the PDF's font writes them. */
const flat = (s: string): string => s.replace(/[\u2212\u2012\u2013]/g, '-').replace(/\s+/g, '');

/** The words of an HTML document: no style, no tags, entities read back. */
function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** API values that must never reach a reader: rule and status names, indicator codes, bare area and unit codes. */
const RAW = /peer-outlier|on-agenda|youth-care-referrals|debt-signals|\b(GM|WK|BU)\d{4}\w*|\bDSCH\d/;

describe.each(DB_KINDS)('decisions: owner, deadline, follow-up on %s', (kind) => {
  let app: TestApp;
  let meetingId: string;
  let itemId: string;
  let hood: string;
  let analyst: { id: string; name: string };
  const q = (sql: string, params: unknown[] = []): Promise<unknown[]> => app.running.database.dataSource.query(sql, params);
  const decide = (json: unknown, role: 'manager' | 'council' = 'manager'): Promise<Response> =>
    app.request(`/api/v1/meetings/${meetingId}/items/${itemId}/decision`, { method: 'PUT', role, json });

  beforeAll(async () => {
    app = await startTestApp(kind);
    const hoods = ((await q(`SELECT code FROM area WHERE municipality_code = $1 AND level = 'neighbourhood' ORDER BY code LIMIT 10`, [MUNI])) as { code: string }[]).map((r) => r.code);
    hood = hoods[0];
    for (let i = 0; i < 10; i++) await q(`INSERT INTO unit (code, name, kind, area_code) VALUES ($1, $2, 'school', $3)`, [`DSCH${i}`, `School ${i}`, hoods[i]]);
    // Ten schools at about 5 % referrals, one at 20 %: a peer-outlier signal for DSCH0.
    for (const [k, period] of QUARTERS.entries())
      for (let i = 0; i < 10; i++) {
        const num = i === 0 ? 80 : 18 + ((i * 3 + k) % 5);
        await q(
          `INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
           VALUES ('youth-care-referrals', $1, 'quarter', $2, $3, $4, 400, gen_random_uuid())`,
          [`DSCH${i}`, startOf(period), (num / 400) * 100, num],
        );
      }
    expect((await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' })).status).toBe(200);
    const signals = (await (await app.request('/api/v1/signals?rule=peer-outlier', { role: 'analyst' })).json()) as { id: string; subjects: string[] }[];
    const signal = signals.find((s) => s.subjects.includes('DSCH0'))!;
    expect(signal).toBeDefined();
    const meeting = (await (await app.request('/api/v1/meetings', { method: 'POST', role: 'manager', json: { date: '2025-01-15', title: 'Beleidstafel Zuid', area: MUNI } })).json()) as { id: string };
    meetingId = meeting.id;
    const withItem = (await (await app.request(`/api/v1/meetings/${meetingId}/items`, { method: 'POST', role: 'manager', json: { signalId: signal.id } })).json()) as { items: { id: string }[] };
    itemId = withItem.items[0].id;
    const people = (await (await app.request('/api/v1/signal-owners', { role: 'manager' })).json()) as { id: string; name: string; role: string }[];
    analyst = people.find((p) => p.role === 'analyst')!;
  });
  afterAll(() => app?.close());

  it('refuses a bad owner, deadline or follow-up with a stable message key per field; nothing is stored', async () => {
    const council = ((await q(`SELECT id::text AS id FROM app_user WHERE role = 'council' LIMIT 1`)) as { id: string }[])[0];
    const cases: [unknown, string, string, Record<string, string>?][] = [
      [{ decision: 'x', ownerId: 'nobody' }, 'ownerId', 'decision.owner'],
      [{ decision: 'x', ownerId: council.id }, 'ownerId', 'decision.owner'],
      [{ decision: 'x', ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId', 'decision.owner'],
      [{ decision: 'x', deadline: '2025-02-30' }, 'deadline', 'decision.date', { field: 'deadline' }],
      [{ decision: 'x', deadline: '2025-01-14' }, 'deadline', 'decision.deadlineBeforeMeeting', { date: '2025-01-15' }],
      [{ decision: 'x', effectDueOn: '2025-01-15' }, 'effectDueOn', 'decision.followUpBeforeMeeting', { date: '2025-01-15' }],
      [{ decision: 'x', deadline: '2025-06-01', effectDueOn: '2025-05-01' }, 'effectDueOn', 'decision.followUpBeforeDeadline', { date: '2025-06-01' }],
      [{ decision: '  ', deadline: '2025-06-01' }, 'decision', 'decision.text'],
    ];
    for (const [json, field, code, params] of cases) {
      const res = await decide(json);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; params?: Record<string, string>; errors: { field: string; code: string }[] };
      expect(body.code).toBe(code);
      if (params) expect(body.params).toEqual(params);
      expect(body.errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect((await decide({ decision: 'x' }, 'council')).status).toBe(403);
    expect(await q(`SELECT decision, owner_id, deadline FROM agenda_item WHERE id = $1`, [itemId])).toEqual([{ decision: null, owner_id: null, deadline: null }]);
  });

  it('stores owner, deadline and follow-up; the meeting, the annotation and the brief show them', async () => {
    const res = await decide({ decision: 'Afspraken met het schoolbestuur', ownerId: analyst.id, deadline: '2025-03-01', effectDueOn: '2025-09-01' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ owner: { id: analyst.id, name: analyst.name }, deadline: '2025-03-01', effectDueOn: '2025-09-01' });
    const meeting = (await (await app.request(`/api/v1/meetings/${meetingId}`, { role: 'council' })).json()) as { items: unknown[] };
    expect(meeting.items[0]).toMatchObject({ owner: { name: analyst.name }, deadline: '2025-03-01', effectDueOn: '2025-09-01' });

    const annotations = (await (await app.request(`/api/v1/annotations?indicator=youth-care-referrals&area=${hood}`, { role: 'council' })).json()) as unknown[];
    expect(annotations).toEqual([
      expect.objectContaining({ date: '2025-01-15', decision: { text: 'Afspraken met het schoolbestuur', owner: analyst.name, deadline: '2025-03-01', followUp: '2025-09-01' } }),
    ]);

    const html = await (await app.request(`/api/v1/meetings/${meetingId}/brief`, { role: 'manager' })).text();
    expect(html).toContain(`Eigenaar: ${analyst.name}`);
    expect(html).toContain('Uitgevoerd uiterlijk: 2025-03-01');
    expect(html).toContain('Opvolging (effect meten): 2025-09-01');
    const en = await (await app.request(`/api/v1/meetings/${meetingId}/brief?lang=en`, { role: 'manager' })).text();
    expect(en).toContain(`Owner: ${analyst.name}`);
    expect(en).toContain('Carried out by: 2025-03-01');
    const pdf = Buffer.from(await (await app.request(`/api/v1/meetings/${meetingId}/brief?format=pdf`, { role: 'manager' })).arrayBuffer());
    const words = pdfText(pdf);
    expect(words).toContain('Uitgevoerd uiterlijk: 2025-03-01');

    for (const lang of ['nl', 'en'] as const) {
      // One brief (issue 15): the model the print page draws, and the server's HTML and PDF, carry the same content.
      const res = await app.request(`/api/v1/meetings/${meetingId}/brief?format=json&lang=${lang}`, { role: 'manager' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const model = (await res.json()) as BriefModel;
      expect(model.items).toHaveLength(1);
      expect(model.items[0].decision).toMatchObject({ owner: analyst.name, deadline: '2025-03-01', followUp: '2025-09-01' });
      expect(model.items[0].effect?.text).toBe(lang === 'nl' ? 'nog niet te meten' : 'not measurable yet');
      expect(model.items[0].evidence?.table?.rows[0]).toMatchObject({ label: 'School 0', mark: true });
      const texts = modelTexts(model);
      expect(texts.join('\n')).not.toMatch(RAW);
      const doc = flat(htmlText(await (await app.request(`/api/v1/meetings/${meetingId}/brief?lang=${lang}`, { role: 'manager' })).text()));
      const pdfBytes = Buffer.from(await (await app.request(`/api/v1/meetings/${meetingId}/brief?format=pdf&lang=${lang}`, { role: 'manager' })).arrayBuffer());
      const pdfWords = flat(pdfText(pdfBytes));
      const missing = { html: texts.filter((t) => !doc.includes(flat(t))), pdf: texts.filter((t) => !pdfWords.includes(flat(t))) };
      expect(missing).toEqual({ html: [], pdf: [] });
      expect(htmlText(await (await app.request(`/api/v1/meetings/${meetingId}/brief?lang=${lang}`, { role: 'manager' })).text())).not.toMatch(RAW);
      expect(pdfText(pdfBytes)).not.toMatch(RAW);
    }
    // The council may read the meeting, not print its brief, in any format.
    expect((await app.request(`/api/v1/meetings/${meetingId}/brief?format=json`, { role: 'council' })).status).toBe(403);

    // Correcting the decision can clear the owner; the account's removal leaves the decision without owner.
    const cleared = await decide({ decision: 'Afspraken met het schoolbestuur', ownerId: null, deadline: '2025-03-01' });
    expect(await cleared.json()).toMatchObject({ owner: null, deadline: '2025-03-01', effectDueOn: null });
  });
});
