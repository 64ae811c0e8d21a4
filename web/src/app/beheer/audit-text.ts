import './audit-messages';
import type { AuditEvent } from 'contracts';
import { runTrigger } from '../data/run-trigger';

/**
 * The audit log in words (Beheer, "Logboek"): an action's name and its details as labelled parts in
 * the reader's language, from the API's codes and JSON details. One generic renderer over label and
 * value dictionaries (`audit.act.*`, `audit.key.*`, `audit.val.<key>.<value>` in audit-messages.ts)
 * and the app's own vocabularies (roles, statuses, quadrants, rules, alert modes, area names); what
 * it cannot name stays as the code, so a new action or key shows up as itself and never breaks the page.
 */

/** One labelled part of an event's details; `code`: a technical value (checksum, id), shown as `<code>`. */
export interface AuditPart {
  label: string;
  text: string;
  code: boolean;
}

export interface AuditRow {
  event: AuditEvent;
  /** The action in words; null when the catalogue has no name for it (the code is shown instead). */
  name: string | null;
  when: string;
  parts: AuditPart[];
}

/** What the renderer needs from the page: texts in the reader's language and the names it knows. */
export interface AuditContext {
  /** A catalogue text by a key built at run time; null when there is none. */
  text(key: string, params?: Record<string, string | number>): string | null;
  /** An alert mode in words (meldingen/alerts-i18n.ts `mode.*`); null when unknown. */
  mode(mode: string): string | null;
  number(n: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  areaName(code: string): string | undefined;
  userName(id: string): string | undefined;
  indicatorName(code: string): string | undefined;
}

type Kind = 'role' | 'area' | 'scope' | 'home' | 'quadrant' | 'rule' | 'severity' | 'mode' | 'status' | 'user' | 'date' | 'ms' | 'trigger' | 'indicator' | 'code';

/** How a detail key's value reads; keys not listed are plain text, numbers or yes/no by their type. */
const KIND: Record<string, Kind> = {
  role: 'role',
  scope: 'scope',
  homeMunicipality: 'home',
  areas: 'area',
  municipalities: 'area',
  quadrants: 'quadrant',
  rules: 'rule',
  minSeverity: 'severity',
  mode: 'mode',
  ownerId: 'user',
  effectDueOn: 'date',
  deadline: 'date',
  ms: 'ms',
  // What started a detection run, in the Data page's words ("Na 3 imports").
  trigger: 'trigger',
  // Long technical values: ids, checksums, column mappings.
  checksum: 'code',
  batchId: 'code',
  session: 'code',
  prefix: 'code',
  meetingId: 'code',
  signalId: 'code',
  tableId: 'code',
  issuer: 'code',
  address: 'code',
  columns: 'code',
  patch: 'code',
  // The indicators an upsert wrote (indicators.upsert): by name; one the page cannot name stays a code.
  codes: 'indicator',
  created: 'code',
  url: 'code',
  crs: 'code',
  schedule: 'code',
  period: 'code',
  use: 'code',
  error: 'code',
  fileName: 'code',
};

/** Actions whose `from` and `to` are one change: the label and what the values are. */
const FROM_TO: Record<string, { label: string; kind: Kind }> = {
  'signals.transition': { label: 'status', kind: 'status' },
  'signal.owner': { label: 'owner', kind: 'user' },
};

/** Keys that share another key's value words (`audit.val.lang.nl`). */
const VALUE_KEY: Record<string, string> = { language: 'lang' };

/**
 * The order parts are shown in (the database returns JSON keys in its own order): who and what
 * first, then counts and choices, technical values last. Keys not listed follow in their own order.
 */
const ORDER = [
  'email', 'name', 'role', 'active', 'scope', 'homeMunicipality', 'passwordChanged', 'status', 'owner',
  'format', 'source', 'rows', 'errorCount', 'count', 'byLevel', 'items', 'lang',
  'created', 'updated', 'resolved', 'municipalities', 'skipped',
  'areas', 'quadrants', 'rules', 'minSeverity', 'mode', 'includeStale', 'language', 'filter',
  'effectDueOn', 'deadline', 'ownerId', 'via', 'method', 'reason', 'issuer', 'instances', 'ms',
];
const rank = (key: string): number => {
  const i = ORDER.indexOf(key);
  return i < 0 ? ORDER.length : i;
};

/** An empty list of these means "all" (a filter without a choice); of other keys, "none". */
const EMPTY_IS_ALL = new Set(['areas', 'quadrants', 'rules']);

export function auditRow(e: AuditEvent, ctx: AuditContext): AuditRow {
  return { event: e, name: ctx.text(`audit.act.${e.action}`), when: ctx.dateTime(e.at), parts: auditParts(e, ctx) };
}

export function auditParts(e: AuditEvent, ctx: AuditContext): AuditPart[] {
  const d: Record<string, unknown> = e.details && typeof e.details === 'object' ? e.details : {};
  const parts: AuditPart[] = [];
  const before = record(d['before']);
  const after = record(d['after']);
  const fromTo = FROM_TO[e.action];
  const label = (key: string) => ctx.text(`audit.key.${e.action}.${key}`) ?? ctx.text(`audit.key.${key}`) ?? key;
  const entries = Object.entries(d).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, v] of entries) {
    if (before && after && (key === 'before' || key === 'after')) {
      if (key === 'after') continue;
      // A change: "rol: raadslid → analist", one part per changed field.
      for (const k of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => rank(a) - rank(b))) {
        const b = value(k, before[k], ctx, KIND[k]);
        const a = value(k, after[k], ctx, KIND[k]);
        parts.push({ label: label(k), text: `${b.text} → ${a.text}`, code: b.code || a.code });
      }
      continue;
    }
    if (fromTo && (key === 'from' || key === 'to')) {
      if (key === 'to') continue;
      const b = value(key, d['from'], ctx, fromTo.kind);
      const a = value(key, d['to'], ctx, fromTo.kind);
      parts.push({ label: label(fromTo.label), text: `${b.text} → ${a.text}`, code: b.code || a.code });
      continue;
    }
    // Nothing to say (an absent file name, no error): left out, unless null has a meaning (all municipalities, no home).
    if ((v === null || v === undefined) && !nullText(KIND[key], ctx)) continue;
    const shown = value(key, v, ctx, KIND[key]);
    parts.push({ label: label(key), ...shown });
  }
  return parts;
}

function record(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function nestedLabel(key: string, ctx: AuditContext): string {
  return ctx.text(`audit.key.${key}`) ?? key;
}

function nullText(kind: Kind | undefined, ctx: AuditContext): string | null {
  if (kind === 'scope') return ctx.text('beheer.scopeAll');
  if (kind === 'home') return ctx.text('beheer.homeNone');
  if (kind === 'user') return ctx.text('audit.nobody');
  return null;
}

function value(key: string, v: unknown, ctx: AuditContext, kind: Kind | undefined): { text: string; code: boolean } {
  if (v === null || v === undefined) return { text: nullText(kind, ctx) ?? '–', code: false };
  if (typeof v === 'boolean') return { text: ctx.text(v ? 'audit.yes' : 'audit.no') ?? String(v), code: false };
  if (typeof v === 'number') {
    const n = ctx.number(v);
    return { text: kind === 'ms' ? (ctx.text('audit.ms', { n }) ?? n) : n, code: false };
  }
  if (typeof v === 'string') return scalar(key, v, ctx, kind);
  if (Array.isArray(v)) {
    if (v.length === 0) return { text: ctx.text(EMPTY_IS_ALL.has(key) ? 'audit.all' : 'audit.none') ?? '', code: false };
    const items = v.map((x) => (typeof x === 'string' ? scalar(key, x, ctx, kind) : value(key, x, ctx, kind)));
    return { text: items.map((i) => i.text).join(', '), code: items.some((i) => i.code) };
  }
  const obj = record(v);
  // A nested object whose keys all have labels (a webhook's filter, boundaries per level) reads as
  // "gebieden: alle, regels: alle"; any other object (settings patch, column mapping) stays JSON.
  if (obj && kind !== 'code' && Object.keys(obj).every((k) => ctx.text(`audit.key.${k}`) !== null)) {
    const inner = Object.entries(obj).map(([k, x]) => `${nestedLabel(k, ctx)}: ${value(k, x, ctx, KIND[k]).text}`);
    return { text: inner.join(', '), code: false };
  }
  return { text: JSON.stringify(v), code: true };
}

function scalar(key: string, v: string, ctx: AuditContext, kind: Kind | undefined): { text: string; code: boolean } {
  const plain = (text: string | null | undefined) => ({ text: text ?? v, code: text == null });
  const word = ctx.text(`audit.val.${VALUE_KEY[key] ?? key}.${v}`);
  if (word !== null) return { text: word, code: false };
  switch (kind) {
    case 'role':
      return plain(ctx.text(`role.${v}`));
    case 'area':
    case 'scope':
    case 'home':
      // A district or neighbourhood code the page cannot name stays a code.
      return plain(ctx.areaName(v));
    case 'quadrant':
      return { text: ctx.text('quadrant.label', { q: v }) ?? v, code: false };
    case 'rule':
      return plain(ctx.text(`rule.${v}`));
    case 'severity':
      return plain(ctx.text(`severity.${v}`));
    case 'status':
      return plain(ctx.text(`status.${v}`));
    case 'mode':
      return plain(ctx.mode(v));
    case 'user':
      return plain(ctx.userName(v));
    case 'indicator':
      return plain(ctx.indicatorName(v));
    case 'date':
      return { text: ctx.date(v), code: false };
    case 'trigger': {
      // An unknown cause stays as the code it is.
      const t = runTrigger(v);
      return t.key === 'run.trigger.other' ? { text: v, code: true } : plain(ctx.text(t.key, t.params));
    }
    case 'code':
      return { text: v, code: true };
    default:
      return { text: v, code: false };
  }
}
