import { wholeNumber } from './env';
/** Alert settings from the environment (README "Alerts"); validated once at start-up. */
export interface AlertsConfig {
  /** smtp://user:pass@host:port — unset → mails go to the in-app outbox (demo). */
  smtpUrl: string | null;
  mailFrom: string;
  /** Base of deep links and unsubscribe links in mails and webhook calls. */
  publicUrl: string;
  /** How often the scheduler plans and sends (ms); 0 = no timer (tests call tick()). */
  tickMs: number;
  /** A signal open or interpreted this many days without action reminds its owner. */
  reminderDays: number;
  /** A decision without an effect-measurement date is due this many days after it was taken. */
  effectReviewDays: number;
  /** First retry after this many ms; doubles per attempt. */
  retryBaseMs: number;
  /** The back-off never grows beyond this (ms): a mail waiting out an SMTP outage is tried at least this often. */
  retryMaxMs: number;
  maxAttempts: number;
  /**
   * A claimed delivery belongs to its process this long; after that (the process died mid-send)
   * another process or a restart claims it again. Must exceed the longest SMTP/webhook send.
   */
  leaseMs: number;
}

export function loadAlertsConfig(env: NodeJS.ProcessEnv): AlertsConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl}"`);
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || '3000'}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  return {
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Wijksignaal <noreply@wijksignaal.local>',
    publicUrl,
    tickMs: wholeNumber(env.ALERTS_TICK_MS, 'ALERTS_TICK_MS', 60_000, 0),
    reminderDays: wholeNumber(env.REMINDER_DAYS, 'REMINDER_DAYS', 28, 1),
    effectReviewDays: wholeNumber(env.EFFECT_REVIEW_DAYS, 'EFFECT_REVIEW_DAYS', 90, 1),
    retryBaseMs: wholeNumber(env.ALERTS_RETRY_BASE_MS, 'ALERTS_RETRY_BASE_MS', 30_000, 1),
    retryMaxMs: wholeNumber(env.ALERTS_RETRY_MAX_MS, 'ALERTS_RETRY_MAX_MS', 600_000, 1),
    maxAttempts: wholeNumber(env.ALERTS_MAX_ATTEMPTS, 'ALERTS_MAX_ATTEMPTS', 5, 1),
    leaseMs: wholeNumber(env.ALERTS_LEASE_MS, 'ALERTS_LEASE_MS', 120_000, 1000),
  };
}
