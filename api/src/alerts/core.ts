/**
 * Pure parts of alerting (issue 13): input defaults (the checks are in alerts.dto.ts), role defaults, digest periods, mail and
 * webhook rendering, signatures and unsubscribe tokens. No I/O here.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { POLICY, type Quadrant, type Role, type RuleName, type Severity } from 'contracts';

export const MODES = ['immediate', 'daily', 'weekly', 'monthly', 'off'] as const;
export type Mode = (typeof MODES)[number];
export const WEBHOOK_FORMATS = ['json', 'teams', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface AlertFilter {
  areas: string[];
  quadrants: Quadrant[];
  rules: RuleName[];
  minSeverity: Severity;
}

export interface Subscription extends AlertFilter {
  mode: Mode;
  includeStale: boolean;
  language: 'nl' | 'en';
}

/** The subscription a user starts with: the role's default in the policy (e.g. a weekly digest of the home municipality). */
export function defaultSubscription(role: Role, homeMunicipality: string | null): Subscription {
  const d = POLICY[role].alertDefault;
  return {
    areas: d.home && homeMunicipality ? [homeMunicipality] : [],
    quadrants: [],
    rules: [],
    minSeverity: d.minSeverity,
    mode: d.mode,
    includeStale: d.includeStale,
    language: 'nl',
  };
}

/** The filter part of a checked subscription or webhook (`AlertFilterDto`), with defaults and without repeats. */
export function toFilter(b: { areas?: string[] | null; quadrants?: Quadrant[] | null; rules?: RuleName[] | null; minSeverity?: Severity | null } = {}): AlertFilter {
  return {
    areas: [...new Set(b.areas ?? [])],
    quadrants: [...new Set(b.quadrants ?? [])],
    rules: [...new Set(b.rules ?? [])],
    minSeverity: b.minSeverity ?? 'low',
  };
}

/** A checked `SubscriptionDto` with its defaults. */
export function toSubscription(
  b: Parameters<typeof toFilter>[0] & { mode?: Mode | null; includeStale?: boolean | null; language?: 'nl' | 'en' | null },
): Subscription {
  return { ...toFilter(b), mode: b.mode ?? 'weekly', includeStale: b.includeStale ?? false, language: b.language ?? 'nl' };
}

export interface WebhookInput {
  url: string;
  name: string;
  format: WebhookFormat;
  filter: AlertFilter;
}

/** A checked `WebhookDto` with its defaults (the name is the URL's host when left out). */
export function toWebhook(b: { url: string; name?: string; format?: WebhookFormat | null; filter?: Parameters<typeof toFilter>[0] | null }): WebhookInput {
  const url = new URL(b.url);
  return { url: url.toString(), name: b.name?.trim() || url.host, format: b.format ?? 'json', filter: toFilter(b.filter ?? {}) };
}

// ---------- digest periods ----------

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(y, 0, 1)) / 86_400_000 + 1) / 7);
  return `${y}-W${String(week).padStart(2, '0')}`;
}

/**
 * The last completed digest period before `now` (UTC): its key and window. A digest covers the
 * whole previous day / ISO week / month, and is sent on the first tick after it ended.
 */
export function previousPeriod(mode: 'daily' | 'weekly' | 'monthly', now: Date): { key: string; from: Date; to: Date } {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (mode === 'daily') {
    const from = new Date(day - 86_400_000);
    return { key: from.toISOString().slice(0, 10), from, to: new Date(day) };
  }
  if (mode === 'weekly') {
    const dow = (now.getUTCDay() + 6) % 7; // Monday = 0
    const to = new Date(day - dow * 86_400_000);
    const from = new Date(to.getTime() - 7 * 86_400_000);
    return { key: isoWeek(from), from, to };
  }
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { key: from.toISOString().slice(0, 7), from, to };
}

// ---------- delivery failures ----------

/**
 * What a failed mail means for its delivery (issue 13, "an SMTP server that is down → nothing lost"):
 * - `unreachable`: no answer from the mail server (refused, reset, timeout, DNS, TLS) — the mail
 *   waits, however long the outage lasts, and the round sends no more mails;
 * - `temporary`: the server answered 4xx or refused our login (its configuration) — the mail waits;
 * - `rejected`: the server refused this recipient or message for good (5xx) — `failed` at once;
 * - `other`: anything else (no recipient any more, a fault of ours) — retried up to ALERTS_MAX_ATTEMPTS.
 */
export type MailFailure = 'unreachable' | 'temporary' | 'rejected' | 'other';

const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Reads a nodemailer (or socket) error: `code` and the SMTP `responseCode` when the server answered. */
export function classifyMailError(e: unknown): MailFailure {
  const err = (e ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  const reply = typeof err.responseCode === 'number' ? err.responseCode : null;
  if (reply !== null && reply >= 400 && reply < 500) return 'temporary';
  if (code === 'EAUTH' || code === 'ENOAUTH') return 'temporary';
  if (reply !== null && reply >= 500 && (code === 'EENVELOPE' || code === 'EMESSAGE')) return 'rejected';
  if (reply === null && (UNREACHABLE.has(code) || code === 'EPROTOCOL')) return 'unreachable';
  return 'other';
}

/** Why a delivery failed, as a message key and parameters for the Beheer page (the raw text stays beside it). */
export interface DeliveryReason {
  code: string;
  params?: Record<string, string | number>;
}

/** A failure whose reason is known where it is thrown (a recipient, webhook or signal that is gone, an HTTP answer). */
export class DeliveryError extends Error {
  constructor(
    readonly reason: DeliveryReason,
    message: string,
  ) {
    super(message);
  }
}

/** The mail server did not answer earlier in this round, so this mail was not tried. */
export const NOT_TRIED: DeliveryReason = { code: 'delivery.mail.notTried' };

/**
 * The reason of a failed mail or webhook call. Mail: from its class (see `classifyMailError`), with the
 * server's reply code when it answered. Webhook: a timeout, no connection, or the thrown reason.
 */
export function deliveryReason(channel: 'email' | 'webhook', e: unknown, failure: MailFailure): DeliveryReason {
  if (e instanceof DeliveryError) return e.reason;
  if (channel === 'email') {
    const reply = (e as { responseCode?: unknown } | null)?.responseCode;
    const params = typeof reply === 'number' ? { reply } : undefined;
    if (failure === 'unreachable') return { code: 'delivery.mail.unreachable' };
    if (failure === 'temporary') {
      const code = (e as { code?: unknown } | null)?.code;
      return code === 'EAUTH' || code === 'ENOAUTH' ? { code: 'delivery.mail.login' } : { code: 'delivery.mail.temporary', params };
    }
    if (failure === 'rejected') return { code: 'delivery.mail.rejected', params };
    return { code: 'delivery.failed' };
  }
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { code: 'delivery.webhook.timeout' };
  // fetch() rejects with a TypeError ("fetch failed") when no connection could be made. By name, not
  // instanceof: undici's TypeError may come from another realm (a worker, a test sandbox).
  if (name === 'TypeError') return { code: 'delivery.webhook.unreachable' };
  return { code: 'delivery.failed' };
}

/** The wait before attempt `attempts + 1`: doubling from `baseMs`, never longer than `maxMs`. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}

// ---------- signatures and tokens ----------

export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function unsubscribeToken(secret: string, userId: string): string {
  const mac = createHmac('sha256', secret).update(`unsubscribe:${userId}`).digest('base64url');
  return `${Buffer.from(userId, 'utf8').toString('base64url')}.${mac}`;
}

/** The user id a token was made for, or null when it is forged or malformed. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [idPart, mac] = token.split('.');
  if (!idPart || !mac || token.length > 300) return null;
  const userId = Buffer.from(idPart, 'base64url').toString('utf8');
  const expected = Buffer.from(unsubscribeToken(secret, userId).split('.')[1]);
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}

// ---------- rendering ----------

/** A signal as a recipient may see it: names resolved, text already disclosure-checked. */
export interface MailSignal {
  id: string;
  title: string;
  explanation: string;
  severity: Severity;
  areaNames: string[];
  indicatorNames: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Mail words per language; `MailTexts` is Dutch's shape, so English cannot miss a sentence. */
const nl = {
  immediate: (n: number) => (n === 1 ? 'Nieuw signaal' : `${n} nieuwe signalen`),
  digest: { daily: 'Dagoverzicht', weekly: 'Weekoverzicht', monthly: 'Maandoverzicht' },
  reminder: 'Herinnering: signaal wacht op actie',
  hello: (name: string) => `Beste ${name},`,
  newHeading: 'Nieuwe signalen',
  staleHeading: (days: number) => `Langer dan ${days} dagen zonder actie`,
  none: 'Geen nieuwe signalen in deze periode.',
  open: 'Bekijk het signaal',
  severity: { low: 'laag', medium: 'middel', high: 'hoog' },
  reminderLine: (days: number) => `Dit signaal staat al langer dan ${days} dagen open zonder actie.`,
  effectDue: 'Herinnering: effect van een besluit meten',
  effectDueLine: (d: MailDecision) => `Besluit van ${d.meetingTitle} (${d.meetingDate}): "${d.text}". Het effect moet${d.dueOn ? ` per ${d.dueOn}` : ' nu'} worden gemeten; leg de meting vast bij het signaal.`,
  unsubscribe: 'Geen meldingen meer ontvangen? Afmelden',
  settings: 'Instellingen wijzigen',
};
type MailTexts = typeof nl;
const en: MailTexts = {
  immediate: (n: number) => (n === 1 ? 'New signal' : `${n} new signals`),
  digest: { daily: 'Daily digest', weekly: 'Weekly digest', monthly: 'Monthly summary' },
  reminder: 'Reminder: signal awaits action',
  hello: (name: string) => `Dear ${name},`,
  newHeading: 'New signals',
  staleHeading: (days: number) => `More than ${days} days without action`,
  none: 'No new signals in this period.',
  open: 'Open the signal',
  severity: { low: 'low', medium: 'medium', high: 'high' },
  reminderLine: (days: number) => `This signal has been open for more than ${days} days without action.`,
  effectDue: "Reminder: measure a decision's effect",
  effectDueLine: (d: MailDecision) => `Decision of ${d.meetingTitle} (${d.meetingDate}): "${d.text}". Its effect is due to be measured${d.dueOn ? ` on ${d.dueOn}` : ' now'}; record the measurement on the signal.`,
  unsubscribe: 'No longer want these messages? Unsubscribe',
  settings: 'Change settings',
};
const T: Readonly<Record<'nl' | 'en', MailTexts>> = { nl, en };

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** First sentence: the "one line of explanation" per signal. */
export function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(t);
  const line = m ? m[1] : t;
  return line.length > 240 ? `${line.slice(0, 237)}…` : line;
}

/** The decision an effect-due reminder is about. */
export interface MailDecision {
  text: string;
  meetingTitle: string;
  meetingDate: string;
  dueOn: string | null;
}

export function renderMail(input: {
  kind: 'immediate' | 'daily' | 'weekly' | 'monthly' | 'reminder' | 'effect-due';
  language: 'nl' | 'en';
  recipientName: string;
  publicUrl: string;
  unsubscribeUrl: string;
  signals: MailSignal[];
  stale: MailSignal[];
  reminderDays: number;
  decision?: MailDecision | null;
}): RenderedMail {
  const t = T[input.language];
  const link = (s: MailSignal) => `${input.publicUrl}/signalen/${s.id}`;
  const subject =
    input.kind === 'immediate' ? `Wijksignaal: ${t.immediate(input.signals.length)}${input.signals.length === 1 ? ` — ${input.signals[0].title}` : ''}`
    : input.kind === 'reminder' ? `Wijksignaal: ${t.reminder}${input.signals[0] ? ` — ${input.signals[0].title}` : ''}`
    : input.kind === 'effect-due' ? `Wijksignaal: ${t.effectDue}${input.signals[0] ? ` — ${input.signals[0].title}` : ''}`
    : `Wijksignaal: ${t.digest[input.kind]}`;
  const lineOf = (s: MailSignal) => {
    const where = [...s.areaNames, ...s.indicatorNames].join(' · ');
    return { head: `${s.title} (${t.severity[s.severity]})`, where, line:
        input.kind === 'reminder' ? t.reminderLine(input.reminderDays)
        : input.kind === 'effect-due' && input.decision ? t.effectDueLine(input.decision)
        : oneLine(s.explanation),
      url: link(s),
    };
  };
  const sections: { heading: string; items: ReturnType<typeof lineOf>[] }[] = [];
  if (input.kind === 'reminder') sections.push({ heading: t.reminder, items: input.signals.map(lineOf) });
  else if (input.kind === 'effect-due') sections.push({ heading: t.effectDue, items: input.signals.map(lineOf) });
  else sections.push({ heading: t.newHeading, items: input.signals.map(lineOf) });
  if (input.stale.length) sections.push({ heading: t.staleHeading(input.reminderDays), items: input.stale.map(lineOf) });
  const text = [
    t.hello(input.recipientName),
    '',
    ...sections.flatMap((sec) => [
      sec.heading,
      '',
      ...(sec.items.length ? sec.items.flatMap((i) => [`- ${i.head}`, `  ${i.where}`, `  ${i.line}`, `  ${t.open}: ${i.url}`, '']) : [t.none, '']),
    ]),
    '--',
    `${t.settings}: ${input.publicUrl}/meldingen`,
    `${t.unsubscribe}: ${input.unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:Arial,sans-serif;color:#1a1a1a;max-width:640px">
<p>${esc(t.hello(input.recipientName))}</p>
${sections
  .map(
    (sec) => `<h2 style="font-size:18px">${esc(sec.heading)}</h2>
${sec.items.length ? `<ul>${sec.items
      .map((i) => `<li style="margin-bottom:12px"><strong>${esc(i.head)}</strong><br><span>${esc(i.where)}</span><br>${esc(i.line)}<br><a href="${esc(i.url)}">${esc(t.open)}</a></li>`)
      .join('\n')}</ul>` : `<p>${esc(t.none)}</p>`}`,
  )
  .join('\n')}
<hr><p style="font-size:13px"><a href="${esc(`${input.publicUrl}/meldingen`)}">${esc(t.settings)}</a> · <a href="${esc(input.unsubscribeUrl)}">${esc(t.unsubscribe)}</a></p>
</body></html>`;
  return { subject, text, html };
}

/** The body of a webhook call for one signal event, in the hook's format. */
export function webhookBody(format: WebhookFormat, event: string, s: MailSignal, publicUrl: string): string {
  const url = `${publicUrl}/signalen/${s.id}`;
  const summary = `${s.title} — ${[...s.areaNames, ...s.indicatorNames].join(' · ')}`;
  if (format === 'slack') {
    return JSON.stringify({ text: `*Wijksignaal*: ${summary}\n${oneLine(s.explanation)}\n<${url}|Bekijk het signaal>` });
  }
  if (format === 'teams') {
    return JSON.stringify({
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: s.title,
      themeColor: s.severity === 'high' ? 'C0392B' : s.severity === 'medium' ? 'E67E22' : '2E86C1',
      title: `Wijksignaal: ${s.title}`,
      text: `${[...s.areaNames, ...s.indicatorNames].join(' · ')}\n\n${oneLine(s.explanation)}`,
      potentialAction: [{ '@type': 'OpenUri', name: 'Bekijk het signaal', targets: [{ os: 'default', uri: url }] }],
    });
  }
  return JSON.stringify({
    event,
    signal: { id: s.id, title: s.title, explanation: oneLine(s.explanation), severity: s.severity, areas: s.areaNames, indicators: s.indicatorNames, url },
  });
}
