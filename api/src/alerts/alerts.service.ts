import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AUDIENCES, can, type LocalizedText, type Role } from 'contracts';
import { createTransport, type Transporter } from 'nodemailer';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/principal';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { SignalRow } from '../signals/signals.repository';
import {
  classifyMailError, defaultSubscription, deliveryReason, DeliveryError, NOT_TRIED, retryDelay, toSubscription, toWebhook, previousPeriod, renderMail, sign, unsubscribeToken, verifyUnsubscribeToken,
  webhookBody, type MailSignal, type Subscription,
} from './core';
import { AlertsRepository, type DeliveryRow, type UserRow } from './alerts.repository';
import type { OwnerDto, SubscriptionDto, WebhookDto } from './alerts.dto';
import { discloseForRole } from './disclosure';
import { SignalsService } from '../signals/signals.service';

/** What one round learnt about the mail server. */
interface MailRound {
  /** Mails left pending because of the mail server in this round. */
  waiting: number;
  /** Set once the server did not answer: the round tries no more mails. */
  unreachableFor: string | null;
  error: string | null;
  waitMs: number;
}

export interface TickResult {
  planned: number;
  sent: number;
  failed: number;
  retried: number;
}

/** Webhooks are read in team channels: they get what the policy's webhook audience (a manager) may see. */
const WEBHOOK_ROLE: Role = AUDIENCES.webhook;

function text(t: LocalizedText | string, lang: 'nl' | 'en'): string {
  return typeof t === 'string' ? t : (t[lang] ?? t.nl);
}

/**
 * Plans and sends alerts. One tick: plan deliveries (immediate events, digests, reminders, webhook
 * events — each with a unique key, so planning twice or in two processes plans once), then claim
 * due deliveries with SKIP LOCKED and send them; failures are retried with doubling back-off
 * (capped at ALERTS_RETRY_MAX_MS) and end as `failed` after ALERTS_MAX_ATTEMPTS — except mail that
 * could not reach the SMTP server or got a temporary answer: it waits for as long as the outage
 * lasts (nothing lost), and the round logs one warning line for all of it. A mail the server
 * refuses for good (5xx for the recipient or the message) ends as `failed` at once.
 */
@Injectable()
export class AlertsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Alerts');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickResult> | null = null;
  private transport: Transporter | null = null;
  /** Signals as shown to a role in a language, kept for one tick (a digest round shows the same signals to many). */
  private shownCache: Map<string, MailSignal> | null = null;

  constructor(
    private readonly repo: AlertsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signals: SignalsService,
  ) {}

  onApplicationBootstrap(): void {
    const ms = this.config.alerts.tickMs;
    if (ms > 0) {
      this.timer = setInterval(() => void this.tick().catch((e) => this.logger.warn(`alert tick failed: ${String((e as Error)?.message ?? e)}`)), ms);
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  // ---------- subscriptions ----------

  async subscriptionOf(userId: string, role: Role): Promise<Subscription & { isDefault: boolean }> {
    const s = await this.repo.subscription(userId);
    if (s) {
      const { createdAt: _c, lastSeenAt: _l, ...rest } = s;
      return { ...rest, isDefault: false };
    }
    return { ...defaultSubscription(role, await this.homeOf(await this.repo.user(userId))), isDefault: true };
  }

  /** The centre of a role's default subscription: the user's own home municipality, else the install's only one. */
  private async homeOf(user: Pick<UserRow, 'home'> | null): Promise<string | null> {
    return user?.home ?? (await this.repo.homeMunicipality());
  }

  async saveSubscription(p: Principal, body: SubscriptionDto): Promise<Subscription & { isDefault: boolean }> {
    if (p.kind !== 'user' || !p.role) throw new InvalidInputError('only users have subscriptions', [{ field: 'user', message: 'user only' }]);
    const s = toSubscription(body);
    const unknown = await this.repo.unknownAreas(s.areas);
    if (unknown.length) throw new InvalidInputError(`areas: unknown area ${unknown.join(', ')}`, [{ field: 'areas', message: `unknown ${unknown.join(', ')}` }]);
    await this.repo.saveSubscription(p.id, s);
    await this.audit.record({ actor: p.actor, action: 'subscription.update', target: p.id, details: { ...s } });
    return { ...s, isDefault: false };
  }

  /** Unsubscribe without login: the signed token names the user. */
  async unsubscribe(token: string): Promise<boolean> {
    const userId = verifyUnsubscribeToken(this.config.jwtSecret, token);
    if (!userId) return false;
    const user = await this.repo.user(userId).catch(() => null);
    if (!user) return false;
    const current = await this.subscriptionOf(user.id, user.role);
    await this.repo.unsubscribe(user.id, current);
    await this.audit.record({ actor: user.email, action: 'subscription.unsubscribe', target: user.id, details: { via: 'mail-link' } });
    return true;
  }

  /** New signals matching my subscription since I last looked (the badge on Signalen). */
  async unread(p: Principal): Promise<{ count: number }> {
    if (p.kind !== 'user' || !p.role) return { count: 0 };
    const user = await this.repo.user(p.id);
    const stored = await this.repo.subscription(p.id);
    const sub = stored ?? { ...defaultSubscription(p.role, await this.homeOf(user)), lastSeenAt: new Date(Date.now() - 7 * 86_400_000) };
    // A scoped account counts only its municipalities, whatever its subscription asks.
    const filter = { ...sub, scope: user?.scope ?? p.municipalities ?? null };
    return { count: await this.repo.countMatching(filter, await this.repo.expandAreas(sub.areas), sub.lastSeenAt) };
  }

  async markSeen(p: Principal): Promise<void> {
    if (p.kind !== 'user' || !p.role) return;
    const { isDefault: _d, ...s } = await this.subscriptionOf(p.id, p.role);
    await this.repo.markSeen(p.id, s);
  }

  // ---------- webhooks ----------

  /** Webhooks without their secrets, with the names of their areas and the result of their latest call. */
  async listWebhooks(): Promise<unknown[]> {
    const hooks = await this.repo.webhooks();
    const last = await this.repo.lastWebhookResults();
    const names = await this.repo.names([...new Set(hooks.flatMap((h) => h.filter.areas))], [], 'nl');
    return hooks.map(({ secret: _s, ...w }) => ({
      id: w.id, name: w.name, url: w.url, format: w.format, filter: w.filter, active: w.active, createdBy: w.created_by, createdAt: w.created_at,
      areaNames: Object.fromEntries(w.filter.areas.map((c) => [c, names.areas.get(c) ?? c])),
      lastDelivery: last.get(String(w.id)) ?? null,
    }));
  }

  async createWebhook(p: Principal, body: WebhookDto): Promise<{ id: string; secret: string }> {
    const w = toWebhook(body);
    const unknown = await this.repo.unknownAreas(w.filter.areas);
    if (unknown.length) throw new InvalidInputError(`filter.areas: unknown area ${unknown.join(', ')}`, [{ field: 'filter.areas', message: `unknown ${unknown.join(', ')}` }]);
    const secret = randomBytes(24).toString('base64url');
    const id = await this.repo.createWebhook({ ...w, secret, createdBy: p.actor });
    await this.audit.record({ actor: p.actor, action: 'webhook.create', target: id, details: { url: w.url, format: w.format, filter: w.filter } });
    return { id, secret };
  }

  async deleteWebhook(p: Principal, id: string): Promise<void> {
    if (!(await this.repo.webhook(id))) throw new NotFoundError(`webhook ${id} not found`);
    await this.repo.deleteWebhook(id);
    await this.audit.record({ actor: p.actor, action: 'webhook.delete', target: id });
  }

  // ---------- owners ----------

  async setOwner(p: Principal, signalId: string, b: OwnerDto): Promise<{ owner: { id: string; name: string; role: Role } | null }> {
    const current = await this.repo.signalOwner(signalId);
    if (!current) throw new NotFoundError(`signal ${signalId} not found`);
    let owner: UserRow | null = null;
    if (b.userId) {
      owner = /^[0-9a-f-]{36}$/i.test(b.userId) ? await this.repo.user(b.userId) : null;
      if (!owner || !owner.active || !can(owner.role, 'signals.own')) {
        throw new InvalidInputError('userId must be an active manager or analyst', [{ field: 'userId', message: 'active manager or analyst' }]);
      }
    }
    const comment = owner ? `Eigenaar: ${owner.name}` : 'Eigenaar verwijderd';
    await this.repo.setOwner(signalId, owner?.id ?? null, p.actor, current.status, comment);
    await this.audit.record({ actor: p.actor, action: 'signal.owner', target: signalId, details: { from: current.owner?.id ?? null, to: owner?.id ?? null } });
    return { owner: owner ? { id: owner.id, name: owner.name, role: owner.role } : null };
  }

  // ---------- the scheduler ----------

  /** One planning and sending round; concurrent calls in one process share the round in flight. */
  tick(now: Date = new Date()): Promise<TickResult> {
    if (!this.running) {
      this.running = this.runTick(now).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async runTick(now: Date): Promise<TickResult> {
    const planned = await this.planAll(now);
    const result: TickResult = { planned, sent: 0, failed: 0, retried: 0 };
    const round: MailRound = { waiting: 0, unreachableFor: null, error: null, waitMs: 0 };
    this.shownCache = new Map();
    try {
      // Retries scheduled during this round wait for a later one.
      const dueBy = new Date();
      for (;;) {
        const batch = await this.repo.claim(50, this.config.alerts.leaseMs, dueBy);
        if (!batch.length) break;
        for (const d of batch) {
          const r = await this.deliver(d, round);
          result[r]++;
        }
      }
    } finally {
      this.shownCache = null;
      if (round.waiting) {
        // One line per round, however many mails wait (an outage must not flood the log).
        this.logger.warn(
          `SMTP ${round.unreachableFor !== null ? 'server unreachable' : 'server answered "try later"'}: ${round.waiting} mail(s) stay pending and are retried ` +
            `in ${Math.round(round.waitMs / 1000)} s or later (${round.error})`,
        );
      }
    }
    return result;
  }

  private async planAll(now: Date): Promise<number> {
    let planned = 0;
    const home = await this.repo.homeMunicipality();
    const subs = await this.repo.subscriptions();
    const cfg = this.config.alerts;
    const staleBefore = new Date(now.getTime() - cfg.reminderDays * 86_400_000);
    const users = await this.repo.activeUsers();
    // Digests planned before (this or another process, before a restart) need no more work.
    const digestKey = (userId: string, mode: Subscription['mode']) =>
      mode === 'immediate' || mode === 'off' ? null : `digest:${userId}:${mode}:${previousPeriod(mode, now).key}`;
    const known = await this.repo.existingKeys(
      users.map((u) => digestKey(u.id, (subs.get(u.id) ?? defaultSubscription(u.role, u.home ?? home)).mode)).filter((k): k is string => k !== null),
    );
    for (const user of users) {
      const stored = subs.get(user.id);
      // A scoped account (issue 12) is mailed only about its municipalities, whatever its subscription asks.
      const sub = { ...(stored ?? defaultSubscription(user.role, user.home ?? home)), scope: user.scope };
      if (sub.mode === 'off') continue;
      const dk = digestKey(user.id, sub.mode);
      if (dk && known.has(dk)) continue;
      const expanded = await this.repo.expandAreas(sub.areas);
      if (sub.mode === 'immediate') {
        const since = stored?.createdAt ?? now;
        planned += await this.repo.planPerSignal(`mail:${user.id}:signal.created:`, { channel: 'email', userId: user.id, recipient: user.email }, sub, expanded, since);
      } else {
        const period = previousPeriod(sub.mode, now);
        // A subscription made after the period ended starts with the next one.
        if (stored && stored.createdAt >= period.to) continue;
        const key = `digest:${user.id}:${sub.mode}:${period.key}`;
        const ids = await this.repo.matchingSignalIds(sub, expanded, period.from, period.to);
        const stale = sub.includeStale ? await this.repo.staleSignalIds(sub, expanded, staleBefore) : [];
        if (await this.repo.plan({ key, channel: 'email', kind: `digest.${sub.mode}`, userId: user.id, recipient: user.email, signalIds: ids, staleIds: stale, skipped: !ids.length && !stale.length })) planned++;
      }
    }
    // Reminders: to the owner, or to the managers when nobody owns the signal.
    const managers = (await this.repo.activeUsers()).filter((u) => can(u.role, 'signals.remindUnowned'));
    const mayKnow = (u: UserRow, municipality: string | null) => !u.scope || (municipality !== null && u.scope.includes(municipality));
    for (const s of await this.repo.idleSignals(staleBefore)) {
      const owner = s.owner_id ? await this.repo.user(s.owner_id) : null;
      const to = (owner && owner.active ? [owner] : managers).filter((u) => mayKnow(u, s.municipality));
      for (const u of to) {
        const key = `reminder:${s.id}:${u.id}:${new Date(s.last_action).toISOString()}`;
        if (await this.repo.plan({ key, channel: 'email', kind: 'reminder', userId: u.id, recipient: u.email, signalIds: [s.id] })) planned++;
      }
    }
    // Decisions in monitoring whose effect measurement is due: to the signal's owner, or the managers.
    for (const d of await this.repo.effectDue(now, cfg.effectReviewDays)) {
      const owner = d.owner_id ? await this.repo.user(d.owner_id) : null;
      const to = (owner && owner.active ? [owner] : managers).filter((u) => mayKnow(u, d.municipality));
      for (const u of to) {
        const key = `effect-due:${d.item_id}:${u.id}:${d.due_on}`;
        if (await this.repo.plan({ key, channel: 'email', kind: 'effect-due', userId: u.id, recipient: u.email, signalIds: [d.signal_id] })) planned++;
      }
    }
    for (const w of await this.repo.webhooks()) {
      if (!w.active) continue;
      planned += await this.repo.planPerSignal(`webhook:${w.id}:signal.created:`, { channel: 'webhook', webhookId: w.id, recipient: w.url }, w.filter, await this.repo.expandAreas(w.filter.areas), new Date(w.created_at));
    }
    return planned;
  }

  private async mailSignals(ids: string[], role: Role, lang: 'nl' | 'en'): Promise<MailSignal[]> {
    const cache = this.shownCache;
    if (!cache) return this.presentSignals(ids, role, lang);
    const key = (id: string) => `${role}|${lang}|${id}`;
    const missing = ids.filter((id) => !cache.has(key(id)));
    if (missing.length) for (const s of await this.presentSignals(missing, role, lang)) cache.set(key(s.id), s);
    return ids.map((id) => cache.get(key(id))).filter((s): s is MailSignal => s !== undefined);
  }

  private async presentSignals(ids: string[], role: Role, lang: 'nl' | 'en'): Promise<MailSignal[]> {
    const rows: SignalRow[] = await this.repo.signals(ids);
    const names = await this.repo.names([...new Set(rows.flatMap((r) => r.subjects))], [...new Set(rows.flatMap((r) => r.indicators))], lang);
    const shown = await discloseForRole(this.signals, rows, role);
    return shown.map((s) => {
      return {
        id: s.id,
        title: text(s.title, lang),
        explanation: text(s.explanation, lang),
        severity: s.severity,
        areaNames: s.subjects.map((c) => names.areas.get(c) ?? c),
        indicatorNames: s.indicators.map((c) => names.indicators.get(c) ?? c),
      };
    });
  }

  private async deliver(d: DeliveryRow, round: MailRound): Promise<'sent' | 'failed' | 'retried'> {
    const cfg = this.config.alerts;
    if (d.channel === 'email' && round.unreachableFor !== null) {
      // The mail server did not answer earlier in this round: this mail waits with the others, untried.
      await this.repo.postpone(d.id, { text: `not tried: ${round.unreachableFor}`, ...NOT_TRIED }, round.waitMs);
      round.waiting++;
      return 'retried';
    }
    try {
      if (d.channel === 'webhook') await this.sendWebhook(d);
      else await this.sendMail(d);
      return 'sent';
    } catch (e) {
      const msg = String((e as Error)?.message ?? e);
      const failure = d.channel === 'email' ? classifyMailError(e) : 'other';
      const error = { text: msg, ...deliveryReason(d.channel, e, failure) };
      if (failure === 'unreachable' || failure === 'temporary') {
        const wait = retryDelay(d.attempts, cfg.retryBaseMs, cfg.retryMaxMs);
        await this.repo.retryLater(d.id, error, wait);
        round.waiting++;
        round.error ??= msg;
        round.waitMs = Math.max(round.waitMs, wait);
        if (failure === 'unreachable') round.unreachableFor = msg;
        return 'retried';
      }
      const last = failure === 'rejected' || d.attempts >= cfg.maxAttempts;
      await this.repo.retryLater(d.id, error, last ? null : retryDelay(d.attempts, cfg.retryBaseMs, cfg.retryMaxMs));
      this.logger.warn(
        `${d.channel} ${d.delivery_key} attempt ${d.attempts} ${failure === 'rejected' ? 'rejected by the mail server (not retried)' : `failed${last ? ' (giving up)' : ', will retry'}`}: ${msg}`,
      );
      return last ? 'failed' : 'retried';
    }
  }

  private async sendWebhook(d: DeliveryRow): Promise<void> {
    const w = d.webhook_id ? await this.repo.webhook(d.webhook_id) : null;
    if (!w) throw new DeliveryError({ code: 'delivery.webhook.deleted' }, 'webhook was deleted');
    const [signal] = await this.mailSignals(d.signal_ids, WEBHOOK_ROLE, 'nl');
    if (!signal) throw new DeliveryError({ code: 'delivery.signalGone' }, 'signal no longer exists');
    const body = webhookBody(w.format, d.kind, signal, this.config.alerts.publicUrl);
    const res = await fetch(w.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wijksignaal-signature': sign(w.secret, body), 'x-wijksignaal-delivery': d.delivery_key },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status < 200 || res.status >= 300) throw new DeliveryError({ code: 'delivery.webhook.status', params: { status: res.status } }, `HTTP ${res.status}`);
    await this.repo.finish(d.id, 'sent', { subject: signal.title, text: body });
  }

  private async sendMail(d: DeliveryRow): Promise<void> {
    const user = d.user_id ? await this.repo.user(d.user_id) : null;
    if (!user) throw new DeliveryError({ code: 'delivery.mail.recipientGone' }, 'recipient no longer exists');
    const stored = await this.repo.subscription(user.id);
    const lang = stored?.language ?? 'nl';
    const cfg = this.config.alerts;
    const kind = d.kind === 'signal.created' ? 'immediate' : d.kind === 'reminder' || d.kind === 'effect-due' ? d.kind : (d.kind.replace('digest.', '') as 'daily' | 'weekly' | 'monthly');
    const decision = d.kind === 'effect-due' && d.signal_ids[0] ? await this.repo.latestDecision(d.signal_ids[0]) : null;
    const mail = renderMail({
      kind,
      language: lang,
      recipientName: user.name,
      publicUrl: cfg.publicUrl,
      unsubscribeUrl: `${cfg.publicUrl}/api/v1/unsubscribe?token=${unsubscribeToken(this.config.jwtSecret, user.id)}`,
      signals: await this.mailSignals(d.signal_ids, user.role, lang),
      stale: await this.mailSignals(d.stale_ids, user.role, lang),
      reminderDays: cfg.reminderDays,
      decision,
    });
    if (!cfg.smtpUrl) {
      await this.repo.finish(d.id, 'outbox', mail);
      return;
    }
    this.transport ??= createTransport(cfg.smtpUrl);
    await this.transport.sendMail({
      from: cfg.mailFrom,
      to: user.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'X-Wijksignaal-Delivery': d.delivery_key, 'List-Unsubscribe': `<${cfg.publicUrl}/api/v1/unsubscribe?token=${unsubscribeToken(this.config.jwtSecret, user.id)}>` },
    });
    await this.repo.finish(d.id, 'sent', mail);
  }

}
