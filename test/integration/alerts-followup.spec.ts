import { Logger } from '@nestjs/common';
import { AlertsService } from '../../api/src/alerts/alerts.service';
import { startSmtp } from './alerts-helpers';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

/**
 * Issue 13, the parts the first alert tests left out: "Alleen mijn signalen" as a server filter
 * across pages, an SMTP outage longer than the attempt limit (nothing lost, nothing twice, one
 * warning line per round), the 28-day reminder, the effect-due reminder without an owner, the
 * digest's stale section, the council's monthly summary without small numbers, and (without
 * SMTP_URL) immediate mails in the outbox. Against a real SMTP server; time by direct tick calls.
 */
const MUNI = 'GM0518';
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Fixture {
  app: TestApp;
  hoods: string[];
  q(sql: string, params?: unknown[]): Promise<unknown[]>;
  userId(email: string): Promise<string>;
  /** A signal about one buurt, inserted as detection stores it. */
  signal(o: { hood: string; createdDaysAgo?: number; status?: string; severity?: string; ownerEmail?: string; explanation?: string; evidence?: unknown; period?: string }): Promise<string>;
  tick(at?: Date): Promise<unknown>;
}

let seq = 0;
async function fixture(app: TestApp): Promise<Fixture> {
  const q = (sql: string, params: unknown[] = []): Promise<unknown[]> => app.running.database.dataSource.query(sql, params);
  const rows = (await q(
    `SELECT code FROM area WHERE municipality_code = $1 AND level = 'neighbourhood' AND parent_code IS NOT NULL ORDER BY code LIMIT 12`,
    [MUNI],
  )) as { code: string }[];
  const userId = async (email: string) => ((await q(`SELECT id FROM app_user WHERE email = $1`, [email])) as { id: string }[])[0].id;
  return {
    app,
    hoods: rows.map((r) => r.code),
    q,
    userId,
    async signal(o) {
      const n = ++seq;
      const at = new Date(Date.now() - (o.createdDaysAgo ?? 0) * DAY);
      const title = { nl: `Testsignaal ${n} in ${o.hood}`, en: `Test signal ${n} in ${o.hood}` };
      const explanation = { nl: o.explanation ?? `Eenzaamheid stijgt in deze buurt (${n}).`, en: `Loneliness rises here (${n}).` };
      const [{ id }] = (await q(
        `INSERT INTO signal (dedupe_key, rule, quadrant, indicators, subjects, municipality_code, period, severity, status, title, explanation, question,
           strength, evidence, created_at, updated_at, last_seen_at, owner_id)
         VALUES ($1, 'rising-trend', 'I', ARRAY['loneliness'], ARRAY[$2], $3, $4, $5, $6, $7, $8, '{"nl":"Wat speelt hier?","en":"What is going on?"}',
           '{}', $9, $10, $10, $10, $11) RETURNING id`,
        [
          `test:${n}:${Math.random()}`, o.hood, MUNI, o.period ?? '2024-Q4', o.severity ?? 'medium', o.status ?? 'open', JSON.stringify(title),
          JSON.stringify(explanation), JSON.stringify(o.evidence ?? {}), at, o.ownerEmail ? await userId(o.ownerEmail) : null,
        ],
      )) as { id: string }[];
      return id;
    },
    tick: (at?: Date) => app.running.app.get(AlertsService).tick(at),
  };
}

/** Every demo account hears nothing until a test says otherwise. */
async function silenceAll(app: TestApp): Promise<void> {
  for (const role of ['admin', 'analyst', 'manager', 'council'] as const) {
    expect((await app.request('/api/v1/me/subscriptions', { method: 'PUT', role, json: { mode: 'off' } })).status).toBe(200);
  }
}

describe.each(DB_KINDS)('alerts follow-up against a real SMTP server on %s', (kind) => {
  let app: TestApp;
  let f: Fixture;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const bounce = `bounce-${kind}@example.nl`;
  const mailsTo = (email: string, subject: string) => smtp.mails.filter((m) => m.to.includes(email) && m.subject.includes(subject));

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp(kind, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'https://wijksignaal.example.nl',
      ALERTS_TICK_MS: '0',
      ALERTS_RETRY_BASE_MS: '1',
      ALERTS_RETRY_MAX_MS: '20',
      ALERTS_MAX_ATTEMPTS: '2',
    });
    f = await fixture(app);
    await silenceAll(app);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await app?.close();
    await smtp?.close();
  });

  it('GET /signals?owner=me lists only my signals, page after page, combined with the other filters', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push(await f.signal({ hood: f.hoods[i], ownerEmail: i < 4 ? 'analyst@demo.local' : undefined }));
    // One more through the API (the owner endpoint, as the signal page does).
    const people = (await (await app.request('/api/v1/signal-owners', { role: 'manager' })).json()) as { id: string; role: string }[];
    const analyst = people.find((p) => p.role === 'analyst')!;
    expect((await app.request(`/api/v1/signals/${mine[4]}/owner`, { method: 'PUT', role: 'manager', json: { userId: analyst.id } })).status).toBe(200);
    const managers = [await f.signal({ hood: f.hoods[5], ownerEmail: 'manager@demo.local' })];
    await f.signal({ hood: f.hoods[6] });

    const all = (await (await app.request('/api/v1/signals?limit=1000', { role: 'analyst' })).json()) as { id: string }[];
    expect(all.length).toBeGreaterThanOrEqual(7);

    // Two per page: the filter is in the database, so every page is full and the Link keeps owner=me.
    const seen: string[] = [];
    let url: string | null = '/api/v1/signals?owner=me&limit=2';
    let pages = 0;
    while (url) {
      const res = await app.request(url, { role: 'analyst' });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { id: string }[];
      if (res.headers.get('link')) expect(page).toHaveLength(2);
      seen.push(...page.map((s) => s.id));
      url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
      if (url) expect(url).toContain('owner=me');
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...mine].sort());

    const managerMine = (await (await app.request('/api/v1/signals?owner=me', { role: 'manager' })).json()) as { id: string }[];
    expect(managerMine.map((s) => s.id)).toEqual(managers);
    // With the other filters: status and area.
    await f.q(`UPDATE signal SET status = 'interpreted' WHERE id = $1`, [mine[1]]);
    const interpreted = (await (await app.request('/api/v1/signals?owner=me&status=interpreted', { role: 'analyst' })).json()) as { id: string }[];
    expect(interpreted.map((s) => s.id)).toEqual([mine[1]]);
    const inHood = (await (await app.request(`/api/v1/signals?owner=me&area=${f.hoods[2]}`, { role: 'analyst' })).json()) as { id: string }[];
    expect(inHood.map((s) => s.id)).toEqual([mine[2]]);
    expect((await (await app.request('/api/v1/signals?owner=me', { role: 'council' })).json()) as unknown[]).toEqual([]);

    const bad = await app.request('/api/v1/signals?owner=someone', { role: 'analyst' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('owner');
  });

  it('an SMTP server down for more rounds than the attempt limit: digests wait, one warning line per round, then arrive once; a 5xx recipient fails', async () => {
    for (const role of ['analyst', 'manager'] as const) {
      expect((await app.request('/api/v1/me/subscriptions', { method: 'PUT', role, json: { mode: 'daily', areas: [MUNI] } })).status).toBe(200);
    }
    const made = await app.request('/api/v1/users', { method: 'POST', role: 'admin', json: { email: bounce, name: 'Bounce', role: 'manager', password: 'een lang genoeg wachtwoord' } });
    expect(made.status).toBe(201);
    await f.q(`INSERT INTO alert_subscription (user_id, areas, mode) VALUES ($1, $2, 'daily')`, [await f.userId(bounce), [MUNI]]);

    const port = smtp.port;
    await smtp.close();
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const tomorrow = new Date(Date.now() + DAY);
    const ROUNDS = 6; // more than ALERTS_MAX_ATTEMPTS here (2) and the default (5)
    for (let i = 0; i < ROUNDS; i++) {
      warn.mockClear();
      await f.tick(tomorrow);
      const lines = warn.mock.calls.map((c) => String(c[0]));
      expect(lines.filter((l) => l.includes('SMTP'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes('digest:'))).toHaveLength(0);
      expect(lines.find((l) => l.includes('SMTP'))).toContain('3 mail(s) stay pending');
      await sleep(30); // past the capped back-off (ALERTS_RETRY_MAX_MS = 20)
    }
    warn.mockRestore();
    const waiting = (await f.q(`SELECT status, attempts, last_error, last_error_code FROM alert_delivery WHERE kind = 'digest.daily'`)) as { status: string; attempts: number; last_error: string; last_error_code: string }[];
    expect(waiting).toHaveLength(3);
    // Why, for the Beheer page: the one that was tried found the server down, the others were not tried.
    expect(waiting.map((d) => d.last_error_code).sort()).toEqual(['delivery.mail.notTried', 'delivery.mail.notTried', 'delivery.mail.unreachable']);
    expect(waiting.every((d) => d.status === 'pending' && d.last_error.length > 0)).toBe(true);
    // One connection attempt per round: the first mail carries the attempts, the others wait untried.
    expect(Math.max(...waiting.map((d) => d.attempts))).toBe(ROUNDS);
    expect(waiting.map((d) => d.attempts).reduce((a, b) => a + b, 0)).toBe(ROUNDS);

    smtp = await startSmtp({ port, reject: [bounce] });
    await sleep(30);
    await f.tick(tomorrow);
    await f.tick(tomorrow);
    await sleep(30);
    await f.tick(tomorrow);
    for (const email of ['analyst@demo.local', 'manager@demo.local']) expect(mailsTo(email, 'Dagoverzicht')).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.to.includes(bounce))).toHaveLength(0);
    expect(smtp.mails).toHaveLength(2);
    const done = (await f.q(`SELECT recipient, status, last_error, last_error_code, last_error_params FROM alert_delivery WHERE kind = 'digest.daily' ORDER BY recipient`)) as { recipient: string; status: string; last_error: string | null; last_error_code: string | null; last_error_params: unknown }[];
    expect(done.map((d) => [d.recipient, d.status])).toEqual([
      ['analyst@demo.local', 'sent'],
      [bounce, 'failed'],
      ['manager@demo.local', 'sent'],
    ].sort((a, b) => a[0].localeCompare(b[0])));
    expect(done.find((d) => d.recipient === bounce)!.last_error).toContain('550');
    expect(done.find((d) => d.recipient === bounce)).toMatchObject({ last_error_code: 'delivery.mail.rejected', last_error_params: { reply: 550 } });
    // A mail that went through keeps no reason of an earlier failure.
    expect(done.filter((d) => d.status === 'sent').every((d) => d.last_error_code === null && d.last_error === null)).toBe(true);

    await f.q(`UPDATE app_user SET active = false WHERE email = $1`, [bounce]);
    await app.request('/api/v1/me/subscriptions', { method: 'PUT', role: 'analyst', json: { mode: 'off' } });
    await app.request('/api/v1/me/subscriptions', { method: 'PUT', role: 'manager', json: { mode: 'weekly', areas: [MUNI], includeStale: true } });
  });

  let owned: string;
  let unowned: string;
  it('a signal open longer than REMINDER_DAYS reminds its owner, or without one the managers (and admins); once per period', async () => {
    smtp.mails.length = 0;
    owned = await f.signal({ hood: f.hoods[7], createdDaysAgo: 40, ownerEmail: 'analyst@demo.local' });
    unowned = await f.signal({ hood: f.hoods[8], createdDaysAgo: 35, status: 'interpreted' });
    await f.signal({ hood: f.hoods[9], createdDaysAgo: 10 });
    await f.tick();
    await f.tick();
    const subject = 'Herinnering: signaal wacht op actie';
    const toAnalyst = mailsTo('analyst@demo.local', subject);
    const toManager = mailsTo('manager@demo.local', subject);
    expect(toAnalyst).toHaveLength(1);
    expect(toAnalyst[0].text).toContain(`https://wijksignaal.example.nl/signalen/${owned}`);
    expect(toAnalyst[0].text).toContain('langer dan 28 dagen open zonder actie');
    const [{ name }] = (await f.q(`SELECT name FROM area WHERE code = $1`, [f.hoods[7]])) as { name: string }[];
    expect(toAnalyst[0].text).toContain(name);
    expect(toManager).toHaveLength(1);
    expect(toManager[0].text).toContain(`/signalen/${unowned}`);
    expect(toManager[0].text).not.toContain(`/signalen/${owned}`);
    // The policy's `signals.remindUnowned`: managers and admins; nobody else, and only signals idle that long.
    const toAdmin = mailsTo('admin@demo.local', subject);
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0].text).toContain(`/signalen/${unowned}`);
    expect(smtp.mails.filter((m) => m.subject.includes(subject))).toHaveLength(3);
  });

  it("the weekly digest lists new signals and, in its own section, those without action for REMINDER_DAYS", async () => {
    smtp.mails.length = 0;
    await f.tick(new Date(Date.now() + 7 * DAY));
    const [mail] = mailsTo('manager@demo.local', 'Weekoverzicht');
    expect(mailsTo('manager@demo.local', 'Weekoverzicht')).toHaveLength(1);
    // The plain-text part (the HTML part repeats it).
    const text = mail.text.slice(0, mail.text.indexOf('<!doctype'));
    const staleAt = text.indexOf('Langer dan 28 dagen zonder actie');
    const newAt = text.indexOf('Nieuwe signalen');
    expect(newAt).toBeGreaterThanOrEqual(0);
    expect(staleAt).toBeGreaterThan(newAt);
    const newPart = text.slice(newAt, staleAt);
    const stalePart = text.slice(staleAt);
    for (const id of [owned, unowned]) {
      expect(stalePart).toContain(`/signalen/${id}`);
      expect(newPart).not.toContain(`/signalen/${id}`);
    }
    const [fresh] = (await f.q(`SELECT id FROM signal WHERE created_at > now() - interval '1 day' AND group_id IS NULL ORDER BY id LIMIT 1`)) as { id: string }[];
    expect(newPart).toContain(`/signalen/${fresh.id}`);
    expect(stalePart).not.toContain(`/signalen/${fresh.id}`);
  });

  it('a decision in monitoring without an owner reminds the managers (and admins) when its effect is due (decision day + EFFECT_REVIEW_DAYS); once', async () => {
    smtp.mails.length = 0;
    const s = await f.signal({ hood: f.hoods[10], createdDaysAgo: 120, status: 'monitoring' });
    const [{ id: meeting }] = (await f.q(
      `INSERT INTO meeting (date, title, area_code, created_by) VALUES (current_date - 101, 'Beleidstafel najaar', $1, 'test') RETURNING id`,
      [MUNI],
    )) as { id: string }[];
    await f.q(
      `INSERT INTO agenda_item (meeting_id, signal_id, position, decision, decided_at, decided_by) VALUES ($1, $2, 1, 'Buurtteam uitbreiden', now() - interval '100 days', 'manager@demo.local')`,
      [meeting, s],
    );
    await f.tick();
    await f.tick();
    const mails = smtp.mails.filter((m) => m.subject.includes('effect van een besluit meten'));
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['admin@demo.local', 'manager@demo.local']);
    for (const m of mails) {
      expect(m.text).toContain('"Buurtteam uitbreiden"');
      expect(m.text).toContain('Beleidstafel najaar');
      expect(m.text).toContain('Het effect moet nu worden gemeten');
      expect(m.text).toContain(`/signalen/${s}`);
    }
  });

  it('reminds again after a new period without action, not after a recent action', async () => {
    smtp.mails.length = 0;
    await f.q(`UPDATE alert_subscription SET mode = 'off'`);
    // The owner acted 30 days ago (a new period, itself too old by now); the unowned one was picked up yesterday.
    await f.q(`INSERT INTO signal_event (signal_id, actor, from_status, to_status, comment, at) VALUES ($1, 'analyst@demo.local', 'open', 'open', 'gebeld', now() - interval '30 days')`, [owned]);
    await f.q(`INSERT INTO signal_event (signal_id, actor, from_status, to_status, comment, at) VALUES ($1, 'manager@demo.local', 'interpreted', 'interpreted', 'opgepakt', now() - interval '1 day')`, [unowned]);
    await f.tick();
    await f.tick();
    const subject = 'Herinnering: signaal wacht op actie';
    expect(mailsTo('analyst@demo.local', subject).filter((m) => m.text.includes(owned))).toHaveLength(1);
    expect(mailsTo('manager@demo.local', subject).filter((m) => m.text.includes(unowned))).toHaveLength(0);
    // 28 days after that action it is idle again.
    await f.tick(new Date(Date.now() + 28 * DAY));
    expect(mailsTo('manager@demo.local', subject).filter((m) => m.text.includes(unowned))).toHaveLength(1);
  });

  it("the council's monthly summary shows no small numbers; the analyst's mail of the same signal does", async () => {
    smtp.mails.length = 0;
    // Last in this file: the import below runs detection, which ends the test signals' patterns.
    const hood = f.hoods[11];
    // A cell of 3 people, imported (so disclosure decides its pattern again): below the minimum.
    const imported = await app.request('/api/v1/observations', {
      method: 'POST', role: 'analyst',
      json: { source: 'test', observations: [{ indicator: 'loneliness', subject: hood, period: '2024-Q4', numerator: 3, denominator: 40 }] },
    });
    expect(imported.status).toBeLessThan(300);
    const s = await f.signal({
      hood, severity: 'high', explanation: 'Eenzaamheid in deze buurt was 7,5% (3 van 40 inwoners). Dat is hoger dan elders.',
      evidence: { subject: hood, indicator: 'loneliness', period: '2024-Q4' },
    });
    for (const role of ['council', 'analyst'] as const) {
      expect((await app.request('/api/v1/me/subscriptions', { method: 'PUT', role, json: { mode: 'monthly', areas: [MUNI], minSeverity: 'medium' } })).status).toBe(200);
    }
    const now = new Date();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 6));
    await f.tick(nextMonth);
    await f.tick(nextMonth);
    const council = mailsTo('council@demo.local', 'Maandoverzicht');
    expect(council).toHaveLength(1);
    expect(council[0].text).toContain(`/signalen/${s}`);
    expect(council[0].text).toContain('worden niet getoond');
    expect(council[0].text).not.toContain('3 van 40');
    expect(council[0].text).not.toContain('7,5');
    const analyst = mailsTo('analyst@demo.local', 'Maandoverzicht');
    expect(analyst).toHaveLength(1);
    expect(analyst[0].text).toContain('3 van 40');
  });
});

describe.each(DB_KINDS)('alerts without SMTP_URL: the outbox on %s', (kind) => {
  let app: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    app = await startTestApp(kind, { PUBLIC_URL: 'https://wijksignaal.example.nl', ALERTS_TICK_MS: '0' });
    f = await fixture(app);
    await silenceAll(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('immediate mode: one mail per new signal, kept in the outbox the admin reads through the API; nothing twice', async () => {
    // A wijk and two of its buurten; a buurt of another wijk is outside the subscription.
    const [{ wijk }] = (await f.q(`SELECT parent_code AS wijk FROM area WHERE code = $1`, [f.hoods[0]])) as { wijk: string }[];
    const inside = (await f.q(`SELECT code FROM area WHERE parent_code = $1 AND level = 'neighbourhood' ORDER BY code LIMIT 2`, [wijk])) as { code: string }[];
    const [{ code: elsewhere }] = (await f.q(
      `SELECT code FROM area WHERE municipality_code = $1 AND level = 'neighbourhood' AND parent_code <> $2 ORDER BY code LIMIT 1`,
      [MUNI, wijk],
    )) as { code: string }[];
    expect((await app.request('/api/v1/me/subscriptions', { method: 'PUT', role: 'analyst', json: { mode: 'immediate', areas: [wijk] } })).status).toBe(200);
    await sleep(5);
    const a = await f.signal({ hood: inside[0].code });
    const b = await f.signal({ hood: inside[inside.length - 1].code, severity: 'high' });
    const other = await f.signal({ hood: elsewhere });
    await f.tick();
    await f.tick();
    const log = (await (await app.request('/api/v1/deliveries?limit=1000', { role: 'admin' })).json()) as {
      kind: string; recipient: string; status: string; subject: string; text: string; signalIds: string[];
    }[];
    const mails = log.filter((d) => d.kind === 'signal.created' && d.recipient === 'analyst@demo.local');
    expect(mails.map((d) => d.signalIds[0]).sort()).toEqual([a, b].sort());
    expect(mails.every((d) => d.status === 'outbox')).toBe(true);
    const mailB = mails.find((d) => d.signalIds[0] === b)!;
    const [{ title }] = (await f.q(`SELECT title->>'nl' AS title FROM signal WHERE id = $1`, [b])) as { title: string }[];
    expect(mailB.subject).toBe(`Wijksignaal: Nieuw signaal — ${title}`);
    expect(mailB.text).toContain(`https://wijksignaal.example.nl/signalen/${b}`);
    expect(mailB.text).toContain('/api/v1/unsubscribe?token=');
    expect(log.some((d) => d.signalIds.includes(other))).toBe(false);
    expect((await app.request('/api/v1/deliveries', { role: 'analyst' })).status).toBe(403);
  });
});
