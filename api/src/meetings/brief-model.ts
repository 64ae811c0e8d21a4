/**
 * The brief's one content model (issue 15, "one brief"; `BriefModel` in contracts). Pure: plain
 * data in, the model out. The HTML brief, the PDF and the web's print page all draw what this
 * function decides — which items, which words, which ten rows, which decision facts and effect —
 * so the three cannot drift apart. Its input is the meeting as the reader's role sees it (the
 * signals' presentation applied disclosure control), so the model carries no hidden figure.
 */
import {
  QUADRANT_INFO,
  type AgendaItem,
  type BriefDecision,
  type BriefEvidence,
  type BriefItemModel,
  type BriefModel,
  type BriefTable,
  type LocalizedText,
  type Meeting,
  type Signal,
  type SignalStatus,
} from 'contracts';
import type { StoredEffect } from '../signals/signals.repository';
import { BRIEF_TEXTS, type BriefTexts } from './brief-texts';
import { fmt } from '../core/signals/text';
import { isAgendaNote } from '../agenda/agenda-note';

export type Lang = 'nl' | 'en';

/** One line of the signal's history (the service reads them; system lines are left out here). */
export interface BriefHistoryEntry {
  signalId: string;
  at: string;
  actor: string;
  to: SignalStatus;
  comment: string | null;
}

export interface BriefInput {
  /** The meeting with each item's signal as the reader's role sees it (and its stored effect). */
  meeting: Meeting;
  areaName: string;
  history: BriefHistoryEntry[];
  /** Names of areas and units by code. */
  names: Map<string, string>;
  /** Indicators by code: name in both languages and the disclosure minimum. */
  indicators: Map<string, { name: LocalizedText; minCount: number }>;
  lang: Lang;
  generatedAt: Date;
}

/** Whether the system (detection, regrouping, demo data) wrote this line, not a person. */
export function isSystemActor(actor: string): boolean {
  return actor === 'system' || actor.startsWith('system:');
}

function text(t: LocalizedText | string | undefined | null, lang: Lang): string {
  if (!t) return '';
  return typeof t === 'string' ? t : t[lang] || t.nl;
}

export function buildBriefModel(input: BriefInput): BriefModel {
  const { meeting, lang } = input;
  const t = BRIEF_TEXTS[lang];
  const items = [...meeting.items].sort((a, b) => a.position - b.position);
  return {
    lang,
    kicker: t.brief,
    meeting: { id: meeting.id, title: meeting.title, date: meeting.date, area: meeting.area, areaName: input.areaName },
    meta: `${t.date}: ${meeting.date} · ${t.area}: ${input.areaName} · ${t.generated} ${input.generatedAt.toISOString().slice(0, 10)}`,
    labels: {
      see: t.see, interpretation: t.interpretation, question: t.question, notes: t.notes, decision: t.decision, effect: t.effect,
      noInterpretation: t.none, noItems: t.noItems, source: t.source, page: t.page, afterData: t.afterData,
    },
    items: items.map((item, n) => buildItem(item, n + 1, input, t)),
  };
}

function buildItem(item: AgendaItem, number: number, input: BriefInput, t: BriefTexts): BriefItemModel {
  const { lang } = input;
  const s = item.signal ?? null;
  const decision = decisionOf(item, t);
  const base = { id: item.id, number, notes: item.notes?.trim() || null, decision };
  if (!s) {
    return { ...base, heading: `${t.item} ${number}`, facts: [], explanation: t.unavailable, quadrant: null, evidence: null, interpretation: [], question: '', effect: null };
  }
  const q = QUADRANT_INFO[s.quadrant];
  const effect = (s as Signal & { effect?: StoredEffect | null }).effect ?? null;
  return {
    ...base,
    heading: `${t.item} ${number}. ${text(s.title, lang)}`,
    facts: [t.rule[s.rule], `${t.status}: ${t.statusName[s.status]}`, `${t.severityLabel}: ${t.severity[s.severity]}`, `${t.period}: ${s.period}`],
    explanation: text(s.explanation, lang),
    quadrant: { heading: `${t.quadrant} ${s.quadrant} — ${q.name[lang]} (${q.keyConcept[lang]})`, inclusion: `${t.inclusion}: ${q.inclusionQuestion[lang]}` },
    evidence: evidenceOf(s, item, input, t),
    interpretation: input.history
      // The decision has its own section (a comment moving the signal to decided is that decision); the
      // line that merely records a move onto an agenda is no interpretation.
      .filter((h) => h.signalId === s.id && !isSystemActor(h.actor) && h.to !== 'dismissed' && h.to !== 'decided' && !!h.comment?.trim() && !isAgendaNote(h.comment.trim()))
      .map((h) => `${h.at.slice(0, 10)} · ${h.actor} (${t.statusName[h.to]}): ${(h.comment as string).trim()}`),
    question: text(s.question, lang),
    effect: decision ? effectOf(effect, lang, t) : null,
  };
}

/** The decision and its facts: owner (or "nog niemand"), deadline and follow-up where set. */
function decisionOf(item: AgendaItem, t: BriefTexts): BriefDecision | null {
  if (!item.decision) return null;
  const owner = item.owner?.name || null;
  const deadline = item.deadline ?? null;
  const followUp = item.effectDueOn ?? null;
  return {
    text: item.decision,
    owner,
    deadline,
    followUp,
    decidedOn: item.decidedAt ? item.decidedAt.slice(0, 10) : null,
    facts: [`${t.owner}: ${owner ?? t.noOwner}`, ...(deadline ? [`${t.deadline}: ${deadline}`] : []), ...(followUp ? [`${t.followUp}: ${followUp}`] : [])],
  };
}

function effectOf(e: StoredEffect | null, lang: Lang, t: BriefTexts): BriefItemModel['effect'] {
  if (!e) return { text: t.unknown, warning: null };
  const rel = e.relativeChange !== null && e.direction !== 'unknown' ? ` (${e.relativeChange >= 0 ? '+' : '−'}${fmt(Math.abs(e.relativeChange) * 100, lang, 0)}%)` : '';
  return { text: `${t[e.direction]}${rel}`, warning: e.persists ? t.persists : null };
}

// ------------------------------------------------------------------ evidence: chart data, names, top ten

/** Every code the evidence mentions (subjects and indicators), for its names. */
export function evidenceCodes(evidence: unknown): { subjects: string[]; indicators: string[] } {
  const subjects = new Set<string>();
  const indicators = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'subject' && typeof x === 'string') subjects.add(x);
        else if (k === 'indicator' && typeof x === 'string') indicators.add(x);
        else walk(x);
      }
    }
  };
  walk(evidence);
  return { subjects: [...subjects], indicators: [...indicators] };
}

/** Whether the evidence still holds a figure the reader may see (withheld evidence keeps none: nothing to draw). */
export function hasFigures(evidence: unknown): boolean {
  if (Array.isArray(evidence)) return evidence.some(hasFigures);
  if (!evidence || typeof evidence !== 'object') return false;
  return Object.entries(evidence).some(([k, v]) => ((k === 'value' || k === 'relativeChange' || k === 'z') && typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'object' && hasFigures(v)));
}

function evidenceOf(s: Signal, item: AgendaItem, input: BriefInput, t: BriefTexts): BriefEvidence | null {
  const e = s.evidence;
  if (!e || typeof e !== 'object' || !hasFigures(e)) return null;
  const codes = evidenceCodes(e);
  const names: Record<string, string> = {};
  for (const c of [...codes.subjects, ...s.subjects]) {
    const n = input.names.get(c);
    if (n) names[c] = n;
  }
  for (const c of [...codes.indicators, ...s.indicators]) {
    const n = input.indicators.get(c);
    if (n) names[c] = text(n.name, input.lang);
  }
  const kind = (e as { kind?: string }).kind;
  const first = (e as { indicator?: string; subject?: string; follower?: { indicator?: string } });
  const titleCode = kind === 'profile' ? first.subject : kind === 'leader-follower' ? first.follower?.indicator : first.indicator;
  const title = (titleCode && names[titleCode]) || text(s.title, input.lang);
  const overPeriods = kind === 'series' || kind === 'leader-follower';
  const marks = item.decision && overPeriods ? [{ date: input.meeting.date, text: `${t.decisionMark}: ${item.decision}` }] : [];
  return { title, chart: e, names, table: topTen(e, title, names, input, t), marks };
}

interface SeriesLike {
  indicator?: string;
  points?: { period: string; value: number | null; suppressed?: boolean }[];
}

/**
 * The evidence as ten rows: the signalled area and the highest values of a funnel, the newest ten
 * periods of a series (the follower's for a chain), the largest rises of a pattern, the strongest
 * deviations of a profile. A figure the role may not see reads "niet getoond (minder dan N)".
 */
export function topTen(evidence: unknown, title: string, names: Record<string, string>, input: Pick<BriefInput, 'lang' | 'indicators'>, t: BriefTexts): BriefTable | null {
  if (!evidence || typeof evidence !== 'object') return null;
  const { lang } = input;
  const e = evidence as { kind?: string; indicator?: string } & Record<string, unknown>;
  const name = (code: string): string => names[code] ?? code;
  const hidden = (indicator: string | undefined): string => t.hidden((indicator && input.indicators.get(indicator)?.minCount) || 5);
  const value = (v: number | null | undefined, indicator: string | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? fmt(v, lang) : hidden(indicator));
  const pct = (v: number): string => `${v >= 0 ? '+' : '−'}${fmt(Math.abs(v) * 100, lang, 0)}%`;
  const caption = `${t.top}: ${title}`;
  const table = (columns: [string, string], rows: BriefTable['rows']): BriefTable | null => (rows.length ? { caption, columns, rows: rows.slice(0, 10) } : null);
  const series = (sl: SeriesLike | undefined): BriefTable | null =>
    table([t.period, t.value], [...(sl?.points ?? [])].reverse().slice(0, 10).map((p) => ({ label: p.period, value: value(p.value, sl?.indicator), mark: false })));
  const desc = (a: number | null, b: number | null): number => (typeof b === 'number' ? b : -Infinity) - (typeof a === 'number' ? a : -Infinity);
  switch (e.kind) {
    case 'series':
      return series(e as SeriesLike);
    case 'leader-follower':
      return series((e as { follower?: SeriesLike }).follower) ?? series((e as { leader?: SeriesLike }).leader);
    case 'funnel': {
      const pts = (e.points ?? []) as { subject: string; value: number | null; highlighted: boolean }[];
      const sorted = [...pts].sort((a, b) => Number(b.highlighted) - Number(a.highlighted) || desc(a.value, b.value));
      return table([t.subject, t.value], sorted.map((p) => ({ label: name(p.subject), value: value(p.value, e.indicator), mark: p.highlighted })));
    }
    case 'share': {
      const areas = ((e.areas ?? []) as { subject: string; relativeChange: number | null; rose: boolean }[]).filter((a) => typeof a.relativeChange === 'number');
      const sorted = [...areas].sort((a, b) => desc(a.relativeChange, b.relativeChange));
      return table([t.subject, t.change], sorted.map((a) => ({ label: name(a.subject), value: pct(a.relativeChange as number), mark: a.rose })));
    }
    case 'profile': {
      const inds = ((e.indicators ?? []) as { indicator: string; z: number; counted: boolean }[]).filter((i) => typeof i.z === 'number');
      const sorted = [...inds].sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
      return table([t.indicator, t.score], sorted.map((i) => ({ label: name(i.indicator), value: fmt(i.z, lang), mark: i.counted })));
    }
    default:
      return null;
  }
}
