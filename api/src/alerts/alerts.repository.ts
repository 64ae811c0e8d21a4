import { Injectable } from '@nestjs/common';
import { rolesWith, type Role } from 'contracts';
import { DataSource } from 'typeorm';
import type { SignalRow } from '../signals/signals.repository';
import type { AlertFilter, DeliveryReason, Subscription, WebhookFormat } from './core';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  /** The user's home municipality (set by an admin), the centre of the role's default subscription. */
  home: string | null;
  /** The municipalities a scoped account may see (issue 12); null = all. */
  scope: string[] | null;
}

/** A filter as one user may receive it: the account's scope bounds whatever the subscription asks. */
export type ScopedFilter = AlertFilter & { scope?: string[] | null };

const USER_COLUMNS = `id, email, name, role, active, home_municipality AS home, scope_municipalities AS scope`;

export interface StoredSubscription extends Subscription {
  createdAt: Date;
  lastSeenAt: Date;
}

export interface WebhookRow {
  id: string;
  name: string;
  url: string;
  format: WebhookFormat;
  filter: AlertFilter;
  secret: string;
  active: boolean;
  created_by: string;
  created_at: Date;
}

/** A failed attempt: the transport's own text and the reason as a message key (see core.ts `deliveryReason`). */
export interface DeliveryFailure extends DeliveryReason {
  text: string;
}

/** A webhook's latest call, as the Beheer list shows it. */
export interface WebhookResult {
  status: string;
  at: string;
  error: string | null;
  errorCode: string | null;
  errorParams: Record<string, string | number> | null;
}

export interface DeliveryRow {
  id: string;
  delivery_key: string;
  channel: 'email' | 'webhook';
  kind: string;
  user_id: string | null;
  webhook_id: string | null;
  recipient: string;
  signal_ids: string[];
  stale_ids: string[];
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  last_error_code: string | null;
  last_error_params: Record<string, string | number> | null;
  created_at: Date;
  sent_at: Date | null;
}

const SEVERITY_RANK = `(CASE s.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)`;
const RANK: Record<string, number> = { low: 1, medium: 2, high: 3 };

/** WHERE clause (on alias `s`) for a filter; `expanded` are the filter's areas with everything inside them. */
function matchSql(f: ScopedFilter, expanded: string[], params: unknown[]): string {
  const where: string[] = [];
  if (f.scope) {
    params.push(f.scope);
    where.push(`s.municipality_code = ANY($${params.length})`);
  }
  if (f.areas.length) {
    params.push(expanded);
    where.push(`(s.municipality_code = ANY($${params.length}) OR s.subjects && $${params.length}::text[])`);
  }
  if (f.quadrants.length) {
    params.push(f.quadrants);
    where.push(`s.quadrant = ANY($${params.length})`);
  }
  if (f.rules.length) {
    params.push(f.rules);
    where.push(`s.rule = ANY($${params.length})`);
  }
  params.push(RANK[f.minSeverity] ?? 1);
  where.push(`${SEVERITY_RANK} >= $${params.length}`);
  return where.join(' AND ');
}

/** All SQL of alerting. */
@Injectable()
export class AlertsRepository {
  constructor(private readonly db: DataSource) {}

  async user(id: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async activeUsers(): Promise<UserRow[]> {
    return this.db.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE active ORDER BY id`);
  }

  /** The only municipality when the data holds exactly one (the usual single-municipality install), else null. */
  async homeMunicipality(): Promise<string | null> {
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM area WHERE level = 'municipality' LIMIT 2`);
    return rows.length === 1 ? rows[0].code : null;
  }

  async subscription(userId: string): Promise<StoredSubscription | null> {
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT * FROM alert_subscription WHERE user_id = $1`, [userId]);
    return rows[0] ? toSub(rows[0]) : null;
  }

  async subscriptions(): Promise<Map<string, StoredSubscription>> {
    const rows: Record<string, unknown>[] = await this.db.query(`SELECT * FROM alert_subscription`);
    return new Map(rows.map((r) => [r.user_id as string, toSub(r)]));
  }

  async saveSubscription(userId: string, s: Subscription): Promise<void> {
    await this.db.query(
      // A first subscription counts the last week as unread (as the role default does), so the badge
      // on Signalen shows what the new choice catches at once.
      `INSERT INTO alert_subscription (user_id, areas, quadrants, rules, min_severity, mode, include_stale, language, last_seen_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8, now() - interval '7 days')
       ON CONFLICT (user_id) DO UPDATE SET areas = EXCLUDED.areas, quadrants = EXCLUDED.quadrants, rules = EXCLUDED.rules,
         min_severity = EXCLUDED.min_severity, mode = EXCLUDED.mode, include_stale = EXCLUDED.include_stale,
         language = EXCLUDED.language, updated_at = now()`,
      [userId, s.areas, s.quadrants, s.rules, s.minSeverity, s.mode, s.includeStale, s.language],
    );
  }

  async markSeen(userId: string, s: Subscription): Promise<void> {
    await this.saveSubscription(userId, s);
    await this.db.query(`UPDATE alert_subscription SET last_seen_at = now() WHERE user_id = $1`, [userId]);
  }

  async unsubscribe(userId: string, s: Subscription): Promise<void> {
    await this.saveSubscription(userId, { ...s, mode: 'off' });
  }

  async unknownAreas(codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM area WHERE code = ANY($1)`, [codes]);
    const known = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !known.has(c));
  }

  /** The areas with every area inside them (buurten of a wijk, wijken and buurten of a gemeente). */
  async expandAreas(codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows: { code: string }[] = await this.db.query(
      `WITH RECURSIVE d AS (SELECT code FROM area WHERE code = ANY($1)
         UNION SELECT a.code FROM area a JOIN d ON a.parent_code = d.code)
       SELECT code FROM d`,
      [codes],
    );
    return [...new Set([...codes, ...rows.map((r) => r.code)])];
  }

  /** Signals of a filter created in [from, to), pattern still active. */
  async matchingSignalIds(f: ScopedFilter, expanded: string[], from: Date, to: Date): Promise<string[]> {
    const params: unknown[] = [from, to];
    const rows: { id: string }[] = await this.db.query(
      `SELECT s.id FROM signal s WHERE s.created_at >= $1 AND s.created_at < $2 AND s.pattern_active AND s.group_id IS NULL AND ${matchSql(f, expanded, params)}
       ORDER BY s.created_at, s.id LIMIT 200`,
      params,
    );
    return rows.map((r) => r.id);
  }

  async countMatching(f: ScopedFilter, expanded: string[], since: Date): Promise<number> {
    const params: unknown[] = [since];
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM signal s WHERE s.created_at > $1 AND s.pattern_active AND s.group_id IS NULL AND s.status = 'open' AND ${matchSql(f, expanded, params)}`,
      params,
    );
    return rows[0].n;
  }

  /** Open or interpreted signals of a filter whose last action (history entry) is older than `before`. */
  async staleSignalIds(f: ScopedFilter, expanded: string[], before: Date): Promise<string[]> {
    const params: unknown[] = [before];
    const rows: { id: string }[] = await this.db.query(
      `SELECT s.id FROM signal s
       WHERE s.status IN ('open','interpreted') AND s.pattern_active AND s.group_id IS NULL
         AND COALESCE((SELECT max(e.at) FROM signal_event e WHERE e.signal_id = s.id), s.created_at) < $1
         AND ${matchSql(f, expanded, params)}
       ORDER BY s.created_at, s.id LIMIT 100`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Reminder candidates: open/interpreted without action since `before`, with the owner (or null) and the time of the last action. */
  async idleSignals(before: Date): Promise<{ id: string; owner_id: string | null; last_action: Date; municipality: string | null }[]> {
    return this.db.query(
      `SELECT id, owner_id, last_action, municipality FROM (
         SELECT s.id, s.owner_id, s.municipality_code AS municipality, COALESCE((SELECT max(e.at) FROM signal_event e WHERE e.signal_id = s.id), s.created_at) AS last_action
         FROM signal s WHERE s.status IN ('open','interpreted') AND s.pattern_active AND s.group_id IS NULL) x
       WHERE last_action < $1 ORDER BY id LIMIT 1000`,
      [before],
    );
  }

  /**
   * Decisions whose effect measurement is due: the signal is in `monitoring`, the latest decided
   * agenda item's `effect_due_on` (or decision day + `defaultDays`) is on or before `today`.
   */
  async effectDue(today: Date, defaultDays: number): Promise<{ item_id: string; signal_id: string; owner_id: string | null; decision: string; due_on: string; municipality: string | null }[]> {
    return this.db.query(
      `SELECT item_id, signal_id, owner_id, decision, to_char(due_on, 'YYYY-MM-DD') AS due_on, municipality FROM (
         SELECT DISTINCT ON (s.id) ai.id AS item_id, s.id AS signal_id, s.municipality_code AS municipality, COALESCE(ai.owner_id, s.owner_id) AS owner_id, ai.decision,
                COALESCE(ai.effect_due_on, (ai.decided_at AT TIME ZONE 'UTC')::date + $2::int) AS due_on
         FROM signal s JOIN agenda_item ai ON ai.signal_id = s.id AND ai.decision IS NOT NULL
         WHERE s.status = 'monitoring' AND s.group_id IS NULL
         ORDER BY s.id, ai.decided_at DESC) x
       WHERE due_on <= $1::date ORDER BY signal_id LIMIT 1000`,
      [today.toISOString().slice(0, 10), defaultDays],
    );
  }

  /** Per webhook its latest finished or failing call (the Beheer list). */
  async lastWebhookResults(): Promise<Map<string, WebhookResult>> {
    const rows: { webhook_id: string; status: string; at: Date; last_error: string | null; last_error_code: string | null; last_error_params: Record<string, string | number> | null }[] = await this.db.query(
      `SELECT DISTINCT ON (webhook_id) webhook_id::text AS webhook_id, status, COALESCE(sent_at, created_at) AS at, last_error, last_error_code, last_error_params
       FROM alert_delivery WHERE webhook_id IS NOT NULL AND status IN ('sent','failed','pending') AND attempts > 0
       ORDER BY webhook_id, COALESCE(sent_at, created_at) DESC, id DESC`,
    );
    return new Map(
      rows.map((r) => [r.webhook_id, { status: r.status, at: new Date(r.at).toISOString(), error: r.last_error, errorCode: r.last_error_code, errorParams: r.last_error_params }]),
    );
  }

  /** Which of these delivery keys are planned already. */
  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows: { delivery_key: string }[] = await this.db.query(`SELECT delivery_key FROM alert_delivery WHERE delivery_key = ANY($1::text[])`, [keys]);
    return new Set(rows.map((r) => r.delivery_key));
  }

  /**
   * Plans one delivery per (key); a key planned before (by this or another process, before or
   * after a restart) is left alone. Answers whether this call inserted it.
   */
  async plan(d: { key: string; channel: 'email' | 'webhook'; kind: string; userId?: string | null; webhookId?: string | null; recipient: string; signalIds: string[]; staleIds?: string[]; skipped?: boolean }): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO alert_delivery (delivery_key, channel, kind, user_id, webhook_id, recipient, signal_ids, stale_ids, status)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (delivery_key) DO NOTHING RETURNING id`,
      [d.key, d.channel, d.kind, d.userId ?? null, d.webhookId ?? null, d.recipient, d.signalIds, d.staleIds ?? [], d.skipped ? 'skipped' : 'pending'],
    );
    return rows.length > 0;
  }

  /** Immediate events for a filter: one delivery per new signal since `since`, keyed by prefix + signal id. */
  async planPerSignal(prefix: string, base: { channel: 'email' | 'webhook'; userId?: string | null; webhookId?: string | null; recipient: string }, f: ScopedFilter, expanded: string[], since: Date): Promise<number> {
    const params: unknown[] = [prefix, base.channel, base.userId ?? null, base.webhookId ?? null, base.recipient, since];
    const rows: unknown[] = await this.db.query(
      `INSERT INTO alert_delivery (delivery_key, channel, kind, user_id, webhook_id, recipient, signal_ids)
       SELECT $1 || s.id::text, $2, 'signal.created', $3::uuid, $4::uuid, $5, ARRAY[s.id]
       FROM signal s WHERE s.created_at >= $6 AND s.pattern_active AND s.group_id IS NULL AND ${matchSql(f, expanded, params)}
       ON CONFLICT (delivery_key) DO NOTHING RETURNING id`,
      params,
    );
    return rows.length;
  }

  /**
   * Claims due deliveries for this process: pending ones whose time has come, and ones another
   * process claimed but never finished (its lease ran out, e.g. it was killed mid-digest).
   */
  async claim(limit: number, leaseMs: number, dueBy: Date): Promise<DeliveryRow[]> {
    return rowsOf<DeliveryRow>(await this.db.query(
      `UPDATE alert_delivery d SET status = 'sending', attempts = d.attempts + 1, locked_until = now() + ($2 || ' milliseconds')::interval
       WHERE d.id IN (SELECT id FROM alert_delivery
                      WHERE (status = 'pending' AND next_attempt_at <= $3) OR (status = 'sending' AND locked_until < now())
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING d.id::text AS id, d.delivery_key, d.channel, d.kind, d.user_id, d.webhook_id, d.recipient, d.signal_ids, d.stale_ids, d.status, d.attempts`,
      [limit, String(leaseMs), dueBy],
    ));
  }

  async finish(id: string, status: 'sent' | 'outbox', content: { subject?: string; text?: string; html?: string }): Promise<void> {
    await this.db.query(
      `UPDATE alert_delivery SET status = $2, sent_at = now(), locked_until = NULL, last_error = NULL, last_error_code = NULL, last_error_params = NULL,
         subject = COALESCE($3, subject), body_text = COALESCE($4, body_text), body_html = COALESCE($5, body_html) WHERE id = $1`,
      [id, status, content.subject ?? null, content.text ?? null, content.html ?? null],
    );
  }

  async retryLater(id: string, error: DeliveryFailure, retryInMs: number | null): Promise<void> {
    await this.db.query(
      `UPDATE alert_delivery SET status = $2, last_error = $3, last_error_code = $5, last_error_params = $6, locked_until = NULL,
         next_attempt_at = now() + ($4 || ' milliseconds')::interval WHERE id = $1`,
      [id, retryInMs === null ? 'failed' : 'pending', error.text.slice(0, 500), String(retryInMs ?? 0), error.code, error.params ? JSON.stringify(error.params) : null],
    );
  }

  /** Gives a claimed delivery back untried (the round found the mail server down): pending again, the attempt not counted. */
  async postpone(id: string, reason: DeliveryFailure, retryInMs: number): Promise<void> {
    await this.db.query(
      `UPDATE alert_delivery SET status = 'pending', attempts = GREATEST(attempts - 1, 0), last_error = $2, last_error_code = $4,
         last_error_params = $5, locked_until = NULL, next_attempt_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
      [id, reason.text.slice(0, 500), String(retryInMs), reason.code, reason.params ? JSON.stringify(reason.params) : null],
    );
  }

  async deliveries(limit: number, after: (string | number)[] | null): Promise<DeliveryRow[]> {
    const params: unknown[] = [limit + 1];
    let where = '';
    if (after) {
      params.push(String(after[0]));
      where = `WHERE id < $2::bigint`;
    }
    return this.db.query(
      `SELECT id::text AS id, delivery_key, channel, kind, user_id, webhook_id, recipient, signal_ids, subject, body_text, status, attempts,
              next_attempt_at, last_error, last_error_code, last_error_params, created_at, sent_at
       FROM alert_delivery ${where} ORDER BY id DESC LIMIT $1`,
      params,
    );
  }

  async webhooks(): Promise<WebhookRow[]> {
    return this.db.query(`SELECT * FROM alert_webhook ORDER BY created_at, id`);
  }

  async webhook(id: string): Promise<WebhookRow | null> {
    const rows: WebhookRow[] = await this.db.query(`SELECT * FROM alert_webhook WHERE id::text = $1`, [id]);
    return rows[0] ?? null;
  }

  async createWebhook(w: { name: string; url: string; format: WebhookFormat; filter: AlertFilter; secret: string; createdBy: string }): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO alert_webhook (name, url, format, filter, secret, created_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [w.name, w.url, w.format, JSON.stringify(w.filter), w.secret, w.createdBy],
    );
    return rows[0].id;
  }

  async deleteWebhook(id: string): Promise<boolean> {
    return rowsOf(await this.db.query(`DELETE FROM alert_webhook WHERE id::text = $1 RETURNING id`, [id])).length > 0;
  }

  async signals(ids: string[]): Promise<SignalRow[]> {
    if (!ids.length) return [];
    const rows: SignalRow[] = await this.db.query(`SELECT * FROM signal WHERE id = ANY($1)`, [ids]);
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  async names(areaCodes: string[], indicatorCodes: string[], lang: 'nl' | 'en'): Promise<{ areas: Map<string, string>; indicators: Map<string, string> }> {
    const a: { code: string; name: string }[] = areaCodes.length
      ? await this.db.query(`SELECT code, name FROM area WHERE code = ANY($1) UNION ALL SELECT code, name FROM unit WHERE code = ANY($1)`, [areaCodes])
      : [];
    const i: { code: string; name: string }[] = indicatorCodes.length
      ? await this.db.query(`SELECT code, ${lang === 'en' ? 'name_en' : 'name_nl'} AS name FROM indicator WHERE code = ANY($1)`, [indicatorCodes])
      : [];
    return { areas: new Map(a.map((r) => [r.code, r.name])), indicators: new Map(i.map((r) => [r.code, r.name])) };
  }

  // ---------- owners ----------

  /** The latest decision on a signal, with its meeting and effect date (the effect-due mail). */
  async latestDecision(signalId: string): Promise<{ text: string; meetingTitle: string; meetingDate: string; dueOn: string | null } | null> {
    const rows: { text: string; meeting_title: string; meeting_date: string; due_on: string | null }[] = await this.db.query(
      `SELECT ai.decision AS text, m.title AS meeting_title, to_char(m.date, 'YYYY-MM-DD') AS meeting_date, to_char(ai.effect_due_on, 'YYYY-MM-DD') AS due_on
       FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
       WHERE ai.signal_id = $1 AND ai.decision IS NOT NULL ORDER BY ai.decided_at DESC LIMIT 1`,
      [signalId],
    );
    const r = rows[0];
    return r ? { text: r.text, meetingTitle: r.meeting_title, meetingDate: r.meeting_date, dueOn: r.due_on } : null;
  }

  async signalOwner(signalId: string): Promise<{ status: string; owner: { id: string; name: string; role: Role } | null } | null> {
    const rows: { status: string; owner_id: string | null; name: string | null; role: Role | null }[] = await this.db.query(
      `SELECT s.status, s.owner_id, u.name, u.role FROM signal s LEFT JOIN app_user u ON u.id = s.owner_id WHERE s.id::text = $1`,
      [signalId],
    );
    if (!rows[0]) return null;
    const r = rows[0];
    return { status: r.status, owner: r.owner_id ? { id: r.owner_id, name: r.name!, role: r.role! } : null };
  }

  /** Sets the owner and writes the history entry in one transaction. */
  async setOwner(signalId: string, ownerId: string | null, actor: string, status: string, comment: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE signal SET owner_id = $2, updated_at = now() WHERE id = $1`, [signalId, ownerId]);
      await m.query(`INSERT INTO signal_event (signal_id, actor, from_status, to_status, comment) VALUES ($1,$2,$3,$3,$4)`, [signalId, actor, status, comment]);
    });
  }

  async ownerCandidates(): Promise<{ id: string; name: string; role: Role }[]> {
    const roles = rolesWith('signals.own');
    return this.db.query(`SELECT id, name, role FROM app_user WHERE active AND role IN (${roles.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY name, id`, roles);
  }

  async ownedSignalIds(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM signal WHERE owner_id = $1 ORDER BY created_at DESC LIMIT 5000`, [userId]);
    return rows.map((r) => r.id);
  }
}

/** TypeORM answers UPDATE/DELETE … RETURNING as [rows, count] on PostgreSQL; INSERT as rows. */
function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number') return res[0] as T[];
  return res as T[];
}

function toSub(r: Record<string, unknown>): StoredSubscription {
  return {
    areas: r.areas as string[],
    quadrants: r.quadrants as StoredSubscription['quadrants'],
    rules: r.rules as StoredSubscription['rules'],
    minSeverity: r.min_severity as StoredSubscription['minSeverity'],
    mode: r.mode as StoredSubscription['mode'],
    includeStale: r.include_stale as boolean,
    language: r.language as 'nl' | 'en',
    createdAt: new Date(r.created_at as string),
    lastSeenAt: new Date(r.last_seen_at as string),
  };
}
