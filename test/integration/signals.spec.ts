import { mkdirSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { QUADRANT_INFO } from 'contracts';
import { DomainEvents } from '../../api/src/common/domain-events';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

const MUNI = 'GM0518';
const QUARTERS = (from: number, to: number): string[] => {
  const out: string[] = [];
  for (let y = from; y <= to; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`);
  return out;
};
const startOf = (label: string): string => {
  const [y, q] = label.split('-Q');
  return `${y}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`;
};
const SCHOOL_NAMES = ['De Eik', 'De Linde', 'Het Anker', 'De Regenboog', 'De Klimop', 'Het Kompas', 'De Wilg', 'De Esdoorn', 'De Berk', 'De Kastanje'];

interface Sig {
  id: string;
  rule: string;
  quadrant: string;
  indicators: string[];
  subjects: string[];
  status: string;
  title: { nl: string; en: string };
  explanation: { nl: string; en: string };
  question: { nl: string; en: string };
  evidence: unknown;
  patternActive: boolean;
  effect: { direction: string } | null;
  history?: { actor: string; from: string | null; to: string; comment: string | null }[];
}

describe.each(DB_KINDS)('signals, policy table and summaries on %s', (kind) => {
  let app: TestApp;
  let hoods: string[];
  const q = (sql: string, params: unknown[] = []): Promise<unknown[]> => app.running.database.dataSource.query(sql, params);
  const put = async (indicator: string, subject: string, period: string, num: number, den: number): Promise<void> => {
    await q(
      `INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
       VALUES ($1, $2, 'quarter', $3, $4, $5, $6, gen_random_uuid())
       ON CONFLICT (indicator_code, subject_code, granularity, period_start)
       DO UPDATE SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator`,
      [indicator, subject, startOf(period), indicator === 'evictions' ? (num / den) * 1000 : (num / den) * 100, num, den],
    );
  };
  const signals = async (query = ''): Promise<Sig[]> => {
    const res = await app.request(`/api/v1/signals${query}`, { role: 'analyst' });
    expect(res.status).toBe(200);
    return res.json();
  };
  const run = (): Promise<Response> => app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' });
  const patch = (id: string, role: 'admin' | 'analyst' | 'manager' | 'council', json: unknown): Promise<Response> =>
    app.request(`/api/v1/signals/${id}`, { method: 'PATCH', role, json });

  beforeAll(async () => {
    app = await startTestApp(kind);
    hoods = ((await q(`SELECT code FROM area WHERE municipality_code = $1 AND level = 'neighbourhood' ORDER BY code LIMIT 12`, [MUNI])) as { code: string }[]).map((r) => r.code);
    for (let i = 0; i < 10; i++)
      await q(`INSERT INTO unit (code, name, kind, area_code) VALUES ($1, $2, 'school', $3)`, [`TSCH${i}`, `Basisschool ${SCHOOL_NAMES[i]}`, hoods[i]]);
    // Ten schools at about 5 % referrals; "De Eik" (TSCH0) at 20 %.
    for (const [k, period] of QUARTERS(2023, 2024).entries())
      for (let i = 0; i < 10; i++) await put('youth-care-referrals', `TSCH${i}`, period, i === 0 ? 80 : 18 + ((i * 3 + k) % 5), 400);
    // Loneliness in one neighbourhood: flat for ten quarters, then a clear rise.
    for (const [k, period] of QUARTERS(2022, 2024).entries()) await put('loneliness', hoods[0], period, k < 10 ? 198 + ((k * 7) % 5) : 300 + (k - 10) * 40, 2000);
    // A small count that must never be shown outside the analyst's view.
    await put('evictions', hoods[0], '2024-Q4', 2, 3000);
  });
  afterAll(() => app?.close());

  it('creates signals from planted patterns, with texts in Dutch and English and a history', async () => {
    const res = await run();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ created: expect.any(Number), updated: 0, resolved: 0 });
    expect(body.created).toBeGreaterThanOrEqual(2);

    const outliers = await signals('?rule=peer-outlier');
    const eik = outliers.find((s) => s.subjects.includes('TSCH0'));
    expect(eik).toBeDefined();
    expect(eik!.quadrant).toBe('III');
    expect(outliers.filter((s) => s.subjects.some((c) => c !== 'TSCH0' && c.startsWith('TSCH')))).toHaveLength(0);
    expect(eik!.title).toEqual({ nl: expect.stringContaining('De Eik'), en: expect.stringContaining('De Eik') });
    expect(eik!.status).toBe('open');

    const rising = await signals('?rule=rising-trend&indicator=loneliness');
    expect(rising.map((s) => s.subjects[0])).toContain(hoods[0]);

    const detail = await (await app.request(`/api/v1/signals/${eik!.id}`, { role: 'manager' })).json();
    expect(detail.history).toEqual([expect.objectContaining({ actor: 'system', from: null, to: 'open' })]);

    // Area filter: the school's neighbourhood and the municipality find it; another municipality does not.
    expect((await signals(`?area=${hoods[0]}`)).map((s) => s.id)).toContain(eik!.id);
    expect((await signals(`?area=${MUNI}`)).map((s) => s.id)).toContain(eik!.id);
    expect((await signals('?area=GM0363')).map((s) => s.id)).not.toContain(eik!.id);
    expect((await app.request('/api/v1/signals?status=nonsense', { role: 'analyst' })).status).toBe(400);
  });

  it('updates rather than duplicates on a re-run, and never lets two runs write at once', async () => {
    const before = await signals();
    const again = await (await run()).json();
    expect(again.created).toBe(0);
    expect(again.updated).toBe(before.length);

    const [a, b] = await Promise.all([run(), run()]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([200, 409]).toContain(statuses[1]);
    const conflict = [a, b].find((r) => r.status === 409);
    if (conflict) expect((await conflict.json()).message).toMatch(/in progress/);
    const after = await signals();
    expect(after).toHaveLength(before.length);
    const rows = (await q(`SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS d FROM signal`)) as { n: number; d: number }[];
    expect(rows[0].n).toBe(rows[0].d);
  });

  it('guards the lifecycle: roles, comments and allowed transitions', async () => {
    const [eik] = (await signals('?rule=peer-outlier')).filter((s) => s.subjects.includes('TSCH0'));
    expect((await patch(eik.id, 'council', { status: 'interpreted', comment: 'x' })).status).toBe(403);
    expect((await patch(eik.id, 'analyst', { status: 'interpreted', comment: 'x' })).status).toBe(403);
    const noComment = await patch(eik.id, 'manager', { status: 'dismissed' });
    expect(noComment.status).toBe(400);
    expect((await noComment.json()).errors).toEqual([expect.objectContaining({ field: 'comment' })]);
    expect((await patch(eik.id, 'manager', { status: 'decided', comment: 'too early' })).status).toBe(409);
    expect((await patch(eik.id, 'manager', { status: 'bogus' })).status).toBe(400);
    expect((await patch('00000000-0000-0000-0000-000000000000', 'manager', { status: 'interpreted' })).status).toBe(404);
  });

  it('validates signal settings per field', async () => {
    const got = await (await app.request('/api/v1/signal-settings', { role: 'manager' })).json();
    expect(got.peerOutlier.coverage).toBe(0.998);
    const bad = await app.request('/api/v1/signal-settings', { method: 'PUT', role: 'analyst', json: { peerOutlier: { coverage: 2 } } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ field: 'peerOutlier.coverage' })]);
    expect((await app.request('/api/v1/signal-settings', { method: 'PUT', role: 'manager', json: { fdrQ: 0.05 } })).status).toBe(403);
    const ok = await app.request('/api/v1/signal-settings', { method: 'PUT', role: 'analyst', json: { fdrQ: 0.05, monitoring: { persistPeriods: 2 } } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).monitoring.persistPeriods).toBe(2);
  });

  it('follows a signal from interpretation to the policy table, a decision, an annotation and a brief', async () => {
    const [eik] = (await signals('?rule=peer-outlier')).filter((s) => s.subjects.includes('TSCH0'));
    const interpreted = await patch(eik.id, 'manager', { status: 'interpreted', comment: 'Gesprek met de school <script>alert(1)</script> gepland' });
    expect(interpreted.status).toBe(200);
    expect((await interpreted.json()).status).toBe('interpreted');

    const created = await app.request('/api/v1/meetings', { method: 'POST', role: 'manager', json: { date: '2025-01-15', title: 'Beleidstafel <b>Zuid</b>', area: MUNI } });
    expect(created.status).toBe(201);
    const meeting = await created.json();
    const badMeeting = await app.request('/api/v1/meetings', { method: 'POST', role: 'manager', json: { date: '2025-02-30', title: 'x', area: MUNI } });
    expect(badMeeting.status).toBe(400);
    expect((await badMeeting.json()).errors).toEqual([expect.objectContaining({ field: 'date' })]);

    const added = await app.request(`/api/v1/meetings/${meeting.id}/items`, { method: 'POST', role: 'manager', json: { signalId: eik.id, notes: 'Graag bespreken' } });
    expect(added.status).toBe(201);
    const withItem = await added.json();
    expect(withItem.items).toHaveLength(1);
    expect((await (await app.request(`/api/v1/signals/${eik.id}`, { role: 'manager' })).json()).status).toBe('on-agenda');
    expect((await app.request(`/api/v1/meetings/${meeting.id}/items`, { method: 'POST', role: 'manager', json: { signalId: eik.id } })).status).toBe(409);

    const itemId = withItem.items[0].id;
    const decided = await app.request(`/api/v1/meetings/${meeting.id}/items/${itemId}/decision`, {
      method: 'PUT', role: 'manager', json: { decision: 'Afspraken met het schoolbestuur <script>x</script> over vroeg overleg' },
    });
    expect(decided.status).toBe(200);
    expect((await decided.json()).decision).toMatch(/schoolbestuur/);
    const sig = await (await app.request(`/api/v1/signals/${eik.id}`, { role: 'manager' })).json();
    expect(sig.status).toBe('decided');
    expect(sig.history.map((h: { to: string }) => h.to)).toEqual(['open', 'interpreted', 'on-agenda', 'decided']);

    const annotations = await (await app.request(`/api/v1/annotations?indicator=youth-care-referrals&area=${hoods[0]}`, { role: 'council' })).json();
    expect(annotations).toEqual([expect.objectContaining({ date: '2025-01-15', indicators: ['youth-care-referrals'], area: hoods[0], meetingId: meeting.id })]);
    expect(annotations[0].text.nl).toMatch(/schoolbestuur/);

    const brief = await app.request(`/api/v1/meetings/${meeting.id}/brief`, { role: 'manager' });
    expect(brief.status).toBe(200);
    expect(brief.headers.get('content-type')).toContain('text/html');
    const html = await brief.text();
    expect(html).toContain('De Eik');
    expect(html).toContain(QUADRANT_INFO.III.inclusionQuestion.nl);
    expect(html).toContain('<svg');
    expect(html).toContain('@page');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Zuid</b>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('schoolbestuur');
    const en = await (await app.request(`/api/v1/meetings/${meeting.id}/brief?lang=en`, { role: 'manager' })).text();
    expect(en).toContain('Question for the policy table');
    expect((await q(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'meetings.brief.export'`)) as { n: number }[]).toEqual([{ n: 2 }]);

    // The same brief as a PDF (docs/design.md §4b): A4, one page per agenda item, the same texts, in the reader's language.
    const pdf = await app.request(`/api/v1/meetings/${meeting.id}/brief?format=pdf`, { role: 'manager' });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="brief-.*\.pdf"$/);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    mkdirSync('test-output', { recursive: true });
    writeFileSync(`test-output/brief-${kind}.pdf`, bytes); // to look at
    const pdfText = pdfTexts(bytes);
    expect(pdfText).toContain('Notitie voor de beleidstafel');
    expect(pdfText).toContain('De Eik');
    expect(pdfText).toContain('Afwijkend van vergelijkbare gebieden'); // the rule's name, not peer-outlier
    expect(pdfText).not.toContain('peer-outlier');
    expect(pdfText).toContain('Gebied of school Waarde Basisschool De Eik'); // the top-ten table, the school first
    expect(pdfPages(bytes)).toBe(1);
    expect((await app.request(`/api/v1/meetings/${meeting.id}/brief?format=docx`, { role: 'manager' })).status).toBe(400);
    expect((await app.request(`/api/v1/meetings/${meeting.id}/brief?format=pdf`, { role: 'council' })).status).toBe(403);

    // Monitoring: data after the decision, re-run, effect measured and shown.
    for (const period of ['2025-Q1', '2025-Q2', '2025-Q3']) await put('youth-care-referrals', 'TSCH0', period, 22, 400);
    for (const period of ['2025-Q1', '2025-Q2', '2025-Q3']) for (let i = 1; i < 10; i++) await put('youth-care-referrals', `TSCH${i}`, period, 20, 400);
    expect((await patch(eik.id, 'manager', { status: 'monitoring', comment: 'We volgen het' })).status).toBe(200);
    expect((await run()).status).toBe(200);
    const monitored = await (await app.request(`/api/v1/signals/${eik.id}`, { role: 'manager' })).json();
    expect(monitored.status).toBe('monitoring');
    expect(monitored.effect).toEqual(expect.objectContaining({ direction: 'improved', decidedAt: '2025-01-15' }));
    const m2 = await (await app.request(`/api/v1/meetings/${meeting.id}`, { role: 'council' })).json();
    expect(m2.items[0].effect).toEqual(expect.objectContaining({ direction: 'improved' }));

    const close = await patch(eik.id, 'manager', { status: 'closed' });
    expect(close.status).toBe(400);
    expect((await patch(eik.id, 'manager', { status: 'closed', comment: 'Effect bereikt' })).status).toBe(200);
  });

  it('resolves a signal when its pattern is gone, keeping it in history', async () => {
    const [rising] = await signals(`?rule=rising-trend&indicator=loneliness&area=${hoods[0]}`);
    expect(rising.status).toBe('open');
    for (const period of ['2024-Q3', '2024-Q4']) await put('loneliness', hoods[0], period, 200, 2000);
    const r = await (await run()).json();
    expect(r.resolved).toBeGreaterThanOrEqual(1);
    const after = await (await app.request(`/api/v1/signals/${rising.id}`, { role: 'analyst' })).json();
    expect(after.status).toBe('closed');
    expect(after.patternActive).toBe(false);
    expect(after.history[after.history.length - 1]).toEqual(expect.objectContaining({ actor: 'system', from: 'open', to: 'closed', comment: expect.stringMatching(/pattern ended/) }));
  });

  it('shows the quadrant view with suppression for non-analysts', async () => {
    const res = await app.request(`/api/v1/areas/${hoods[0]}/quadrants`, { role: 'manager' });
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view.area.code).toBe(hoods[0]);
    expect(view.quadrants.map((x: { quadrant: string }) => x.quadrant)).toEqual(['I', 'II', 'III', 'IV']);
    const lonely = view.quadrants[0].indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'loneliness');
    expect(lonely).toEqual(expect.objectContaining({ period: '2024-Q4', value: 10, display: '10,0 %', suppressed: false, trend: 'flat' }));
    expect(lonely.series.length).toBeGreaterThan(1);
    // No published municipal figure: pooled from the counts of its neighbourhoods.
    expect(lonely.municipality).toEqual({ code: MUNI, value: expect.any(Number) });
    expect(lonely.municipality.value).toBeGreaterThan(0);
    const evictions = view.quadrants[1].indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'evictions');
    expect(evictions).toEqual(expect.objectContaining({ value: null, display: '< 5', suppressed: true }));
    const asAnalyst = await (await app.request(`/api/v1/areas/${hoods[0]}/quadrants`, { role: 'analyst' })).json();
    expect(asAnalyst.quadrants[1].indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'evictions').suppressed).toBe(false);
    const referrals = view.quadrants[2].indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'youth-care-referrals');
    expect(referrals.value).not.toBeNull();
    expect((await app.request(`/api/v1/areas/${hoods[0]}/quadrants?period=2024-X`, { role: 'manager' })).status).toBe(400);
    expect((await app.request('/api/v1/areas/GM9999/quadrants', { role: 'manager' })).status).toBe(404);
    // The municipality publishes no figure of its own: its view pools the counts of its areas.
    const municipal = await (await app.request(`/api/v1/areas/${MUNI}/quadrants`, { role: 'manager' })).json();
    const pooledLonely = municipal.quadrants[0].indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'loneliness');
    expect(pooledLonely.value).toBeCloseTo(lonely.municipality.value, 6);
    const atPeriod = await (await app.request(`/api/v1/areas/${hoods[0]}/quadrants?period=2024-Q3`, { role: 'manager' })).json();
    expect(atPeriod.period).toBe('2024-Q3');
  });

  it('gives the council a plain summary without small numbers and with the agenda outcome', async () => {
    // A fresh rise so something stands out in quadrant I's collective side, and a change in words.
    await put('loneliness', hoods[0], '2024-Q4', 400, 2000);
    await run();
    const res = await app.request(`/api/v1/summary/${MUNI}`, { role: 'council' });
    expect(res.status).toBe(200);
    const summary = await res.json();
    expect(summary.quadrants.map((x: { quadrant: string }) => x.quadrant)).toEqual(['I', 'II', 'III', 'IV']);
    expect(summary.agenda).toEqual([expect.objectContaining({ status: 'closed', outcome: expect.stringMatching(/schoolbestuur.*verbeterd/) })]);
    const hood = await (await app.request(`/api/v1/summary/${hoods[0]}`, { role: 'council' })).json();
    const texts = hood.quadrants.flatMap((x: { standsOut: { nl: string; en: string }[]; changed: { nl: string; en: string }[] }) => [...x.standsOut, ...x.changed]);
    expect(texts.length).toBeGreaterThan(0);
    expect(hood.quadrants[0].changed.map((t: { nl: string }) => t.nl).join(' ')).toMatch(/Eenzaamheid is sterk gestegen/);
    for (const t of texts) {
      // No figures at all apart from period labels.
      expect(t.nl.replace(/\d{4}(-Q\d)?/g, '')).not.toMatch(/\d/);
      expect(t.en.replace(/\d{4}(-Q\d)?/g, '')).not.toMatch(/\d/);
    }
    expect(JSON.stringify(hood)).not.toMatch(/< ?5|evictions.*\b2\b/);
    expect((await app.request(`/api/v1/summary/GM9999`, { role: 'council' })).status).toBe(404);
    expect(summary.hasData).toBe(true);
    // A municipality in the register without any figure: "no data", not an empty "nothing notable" panel.
    const [empty] = (await q(
      `SELECT a.code FROM area a WHERE a.level = 'municipality' AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.subject_code = a.code) ORDER BY a.code LIMIT 1`,
    )) as { code: string }[];
    const none = await (await app.request(`/api/v1/summary/${empty.code}`, { role: 'council' })).json();
    expect(none).toEqual(expect.objectContaining({ hasData: false, period: null, agenda: [] }));
    // Council never sees numbers in evidence.
    const councilSignals = await (await app.request('/api/v1/signals', { role: 'council' })).json();
    expect(JSON.stringify(councilSignals.map((s: { evidence: unknown }) => s.evidence))).not.toMatch(/:\s*-?\d/);
  });

  it('runs detection in the background after completed imports (debounced into one run)', async () => {
    const events = app.running.app.get(DomainEvents);
    events.importCompleted.next({ batchId: 'b1', indicators: ['loneliness'], actor: 'analyst@demo.local' });
    events.importCompleted.next({ batchId: 'b2', indicators: ['loneliness'], actor: 'analyst@demo.local' });
    let runs: { trigger: string; finished: boolean }[] = [];
    for (let i = 0; i < 100 && !runs.some((r) => r.finished); i++) {
      await new Promise((r) => setTimeout(r, 100));
      runs = (await q(`SELECT trigger, finished_at IS NOT NULL AS finished FROM signal_run WHERE trigger LIKE 'import:%'`)) as typeof runs;
    }
    expect(runs).toEqual([{ trigger: 'import:b1,import:b2', finished: true }]);
  });
});

/** Page count of a PDF: its page objects. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/** The text a PDF shows, read from its (deflated) content streams: PDFKit writes WinAnsi hex strings. */
function pdfTexts(pdf: Buffer): string {
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
      for (const hex of tj[1].matchAll(/<([0-9a-fA-F]*)>/g)) out += Buffer.from(hex[1], 'hex').toString('latin1');
      out += ' ';
    }
  }
  return out.replace(/\s+/g, ' ');
}
