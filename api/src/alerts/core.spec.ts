import { loadAlertsConfig } from '../config/alerts-config';
import { classifyMailError, defaultSubscription, DeliveryError, deliveryReason, renderMail, retryDelay, type MailSignal } from './core';

const signal: MailSignal = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Eenzaamheid stijgt in Oostduinen',
  explanation: 'Eenzaamheid in Oostduinen was 16,0%. Meer uitleg.',
  severity: 'high',
  areaNames: ['Oostduinen'],
  indicatorNames: ['Eenzaamheid'],
};
const base = { publicUrl: 'https://w.example.nl', unsubscribeUrl: 'https://w.example.nl/u?t=x', stale: [], reminderDays: 28 };

describe('alerts core: the decision follow-up mail', () => {
  const decision = { text: 'Extra jongerenwerk', meetingTitle: 'Beleidstafel januari', meetingDate: '2026-01-15', dueOn: '2026-07-01' };

  it('names the meeting, the decision, the date, the area and indicator, and links to the signal (Dutch)', () => {
    const m = renderMail({ ...base, kind: 'effect-due', language: 'nl', recipientName: 'An', signals: [signal], decision });
    expect(m.subject).toBe('Wijksignaal: Herinnering: effect van een besluit meten — Eenzaamheid stijgt in Oostduinen');
    expect(m.text).toContain('Besluit van Beleidstafel januari (2026-01-15): "Extra jongerenwerk". Het effect moet per 2026-07-01 worden gemeten');
    expect(m.text).toContain('Oostduinen · Eenzaamheid');
    expect(m.text).toContain('https://w.example.nl/signalen/00000000-0000-4000-8000-000000000001');
    expect(m.html).toContain('&quot;Extra jongerenwerk&quot;');
  });

  it('speaks English to an English reader; without a date it says "now"', () => {
    const m = renderMail({ ...base, kind: 'effect-due', language: 'en', recipientName: 'An', signals: [signal], decision: { ...decision, dueOn: null } });
    expect(m.subject).toContain("Reminder: measure a decision's effect");
    expect(m.text).toContain('Its effect is due to be measured now');
  });
});

describe('alerts config', () => {
  it('reads the lease and the effect review days, and names a bad one', () => {
    expect(loadAlertsConfig({})).toMatchObject({ leaseMs: 120_000, effectReviewDays: 90 });
    expect(loadAlertsConfig({ ALERTS_LEASE_MS: '5000', EFFECT_REVIEW_DAYS: '30' })).toMatchObject({ leaseMs: 5000, effectReviewDays: 30 });
    expect(() => loadAlertsConfig({ ALERTS_LEASE_MS: '10' })).toThrow(/ALERTS_LEASE_MS/);
    expect(() => loadAlertsConfig({ EFFECT_REVIEW_DAYS: 'soon' })).toThrow(/EFFECT_REVIEW_DAYS/);
  });
});

describe('defaultSubscription (the role defaults of the policy)', () => {
  it('gives each role the alert subscription it had', () => {
    expect(defaultSubscription('manager', 'GM0363')).toMatchObject({ areas: ['GM0363'], mode: 'weekly', includeStale: true, minSeverity: 'low' });
    expect(defaultSubscription('council', 'GM0363')).toMatchObject({ areas: ['GM0363'], mode: 'monthly', includeStale: false, minSeverity: 'medium' });
    expect(defaultSubscription('analyst', 'GM0363')).toMatchObject({ areas: [], mode: 'daily', includeStale: false, minSeverity: 'low' });
    expect(defaultSubscription('admin', 'GM0363')).toMatchObject({ areas: [], mode: 'off', includeStale: false, minSeverity: 'low' });
  });
});

describe('alerts core: what a failed mail means (SMTP outage loses nothing)', () => {
  const err = (code: string, responseCode?: number) => Object.assign(new Error(code), { code, responseCode });

  it('waits out a server that does not answer or says "try later"; fails a permanent refusal at once', () => {
    expect(classifyMailError(err('ESOCKET'))).toBe('unreachable');
    expect(classifyMailError(err('ECONNECTION'))).toBe('unreachable');
    expect(classifyMailError(err('ETIMEDOUT'))).toBe('unreachable');
    expect(classifyMailError(err('EDNS'))).toBe('unreachable');
    expect(classifyMailError(err('EENVELOPE', 451))).toBe('temporary');
    expect(classifyMailError(err('EAUTH', 535))).toBe('temporary');
    expect(classifyMailError(err('EENVELOPE', 550))).toBe('rejected');
    expect(classifyMailError(err('EMESSAGE', 552))).toBe('rejected');
    expect(classifyMailError(new Error('recipient no longer exists'))).toBe('other');
    expect(classifyMailError(null)).toBe('other');
  });

  // The Beheer page shows these as sentences in the admin's language (server-codes.spec checks the texts).
  it.each([
    ['email', err('ECONNECTION'), { code: 'delivery.mail.unreachable' }],
    ['email', err('EENVELOPE', 451), { code: 'delivery.mail.temporary', params: { reply: 451 } }],
    ['email', err('EAUTH', 535), { code: 'delivery.mail.login' }],
    ['email', err('EENVELOPE', 550), { code: 'delivery.mail.rejected', params: { reply: 550 } }],
    ['email', new DeliveryError({ code: 'delivery.mail.recipientGone' }, 'recipient no longer exists'), { code: 'delivery.mail.recipientGone' }],
    ['email', new Error('something else'), { code: 'delivery.failed' }],
    ['webhook', new DeliveryError({ code: 'delivery.webhook.status', params: { status: 502 } }, 'HTTP 502'), { code: 'delivery.webhook.status', params: { status: 502 } }],
    ['webhook', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), { code: 'delivery.webhook.timeout' }],
    ['webhook', new TypeError('fetch failed'), { code: 'delivery.webhook.unreachable' }],
    ['webhook', null, { code: 'delivery.failed' }],
  ] as const)('a %s failure %p is told as %p', (channel, e, reason) => {
    const failure = channel === 'email' ? classifyMailError(e) : 'other';
    expect(deliveryReason(channel, e, failure)).toEqual(reason);
  });

  it('doubles the wait from the base and caps it', () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(a, 1000, 5000))).toEqual([1000, 2000, 4000, 5000]);
    expect(retryDelay(500, 30_000, 600_000)).toBe(600_000);
  });
});
