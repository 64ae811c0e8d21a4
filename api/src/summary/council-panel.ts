import type { CouncilItem, LocalizedText, Quadrant, Severity, Signal } from 'contracts';
import type { IndicatorState } from '../quadrants/quadrants.service';
import { inEveryLanguage } from './summary-texts';

/**
 * The council panel in plain language (issue 15): per quadrant at most three items, ranked, each
 * one sentence without figures and with a link to the area it is about. Pure: data in, words out.
 */

/** At most this many items per list. */
export const MAX_ITEMS = 3;
/** A latest change counts as notable from this relative size on (smaller ones are everyday noise). */
const NOTABLE = 0.05;

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** Names the sentences need: areas and indicators by code; the municipality the page is about. */
export interface PanelNames {
  /** An area's or unit's name (a school, a practice). */
  area(code: string): string;
  /** The area a subject's link opens: a unit's own area, an area itself. */
  linkOf?(code: string): string;
  indicator(code: string): LocalizedText;
  municipality: { code: string; name: string } | null;
}

/** The municipality a CBS area code lies in (WK0518xx → GM0518), or null. */
export function municipalityOf(code: string): string | null {
  const m = /^(GM|WK|BU)(\d{4})\d*$/.exec(code);
  return m ? `GM${m[2]}` : null;
}

function link(area: string | null): CouncilItem['link'] {
  if (!area) return null;
  return { area, municipality: municipalityOf(area) };
}

/** CBS area codes (country, municipality, wijk, buurt); anything else is a unit such as a school. */
function isArea(code: string): boolean {
  return /^(NL|GM|WK|BU)\d/.test(code);
}

/** One sentence a non-expert understands, per rule; names only, never a figure. */
export function signalSentence(s: Pick<Signal, 'rule' | 'indicators' | 'subjects'>, names: PanelNames): LocalizedText {
  const subject = s.subjects[0] ?? names.municipality?.code ?? '';
  const area = subject ? names.area(subject) : '';
  const ind = (i: number) => names.indicator(s.indicators[i] ?? s.indicators[0] ?? '');
  const a = ind(0);
  switch (s.rule) {
    case 'peer-outlier':
      return inEveryLanguage((t, l) => (isArea(subject) ? t.signal.peerOutlierArea : t.signal.peerOutlierUnit)({ area, indicator: a[l] }));
    case 'rising-trend':
      return inEveryLanguage((t, l) => t.signal.risingTrend({ area, indicator: a[l] }));
    case 'leading-indicator': {
      const b = ind(1);
      return inEveryLanguage((t, l) => t.signal.leadingIndicator({ area, indicator: a[l], follower: b[l] }));
    }
    case 'systemic-pattern': {
      const where = names.municipality?.name ?? area;
      return inEveryLanguage((t, l) => t.signal.systemicPattern({ where, indicator: a[l] }));
    }
    case 'stacked-problems':
      return inEveryLanguage((t) => t.signal.stackedProblems({ area }));
    default:
      return inEveryLanguage((t, l) => t.signal.other({ area, indicator: a[l] }));
  }
}

/** Strongest first: severity, then the engine's q-value (smaller is stronger), then newest. */
export function rankSignals<T extends Pick<Signal, 'severity' | 'strength' | 'createdAt'>>(signals: readonly T[]): T[] {
  return [...signals].sort(
    (x, y) =>
      SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] ||
      (x.strength?.q ?? 1) - (y.strength?.q ?? 1) ||
      (y.createdAt ?? '').localeCompare(x.createdAt ?? ''),
  );
}

/** What stands out in a quadrant: the top active signals (groups stand for their members). */
export function standsOut(quadrant: Quadrant, active: readonly Signal[], names: PanelNames): CouncilItem[] {
  const inQuadrant = active.filter((s) => s.quadrant === quadrant && !s.groupId);
  const seen = new Set<string>();
  const out: CouncilItem[] = [];
  for (const s of rankSignals(inQuadrant)) {
    const text = signalSentence(s, names);
    if (seen.has(text.nl)) continue; // the same sentence twice says nothing new
    seen.add(text.nl);
    const subject = s.rule === 'systemic-pattern' ? (names.municipality?.code ?? null) : (s.subjects[0] ?? null);
    out.push({ ...text, link: link(subject && names.linkOf ? names.linkOf(subject) : subject) });
    if (out.length === MAX_ITEMS) break;
  }
  return out;
}

/**
 * Whether the engine's tests say an indicator's rise in this area lies beyond the usual
 * fluctuation: an active rising-trend (or systemic-pattern) signal on that indicator and area.
 */
export function confirmedRises(active: readonly Signal[], areaCode: string): Set<string> {
  const out = new Set<string>();
  for (const s of active) {
    if (s.rule !== 'rising-trend' && s.rule !== 'systemic-pattern') continue;
    if (s.rule === 'rising-trend' && !s.subjects.includes(areaCode)) continue;
    for (const i of s.indicators) out.add(i);
  }
  return out;
}

/**
 * What changed, in words only. "Sterk gestegen" only when the engine confirmed the rise
 * (`confirmed`); a single period's jump, however large, is just "gestegen".
 */
export function changeSentence(s: IndicatorState, confirmed: ReadonlySet<string>): LocalizedText | null {
  if (s.suppressed || s.relativeChange === null || !s.previousPeriod || !s.period) return null;
  const r = s.relativeChange;
  if (Math.abs(r) < NOTABLE || s.trend === 'unknown' || s.trend === 'flat') return null;
  const up = r > 0;
  const strong = up && confirmed.has(s.indicator.code);
  const good = s.trendMeaning !== 'worse';
  const how = strong ? 'strong' : up ? 'up' : 'down';
  return inEveryLanguage((t, l) => t.change({ indicator: s.indicator.name[l], how, good }));
}

/** The notable changes of a quadrant: confirmed first, unfavourable before favourable, larger first. */
export function changed(quadrant: Quadrant, states: readonly IndicatorState[], confirmed: ReadonlySet<string>, areaCode: string): CouncilItem[] {
  const rows = states
    .filter((s) => s.indicator.quadrant === quadrant)
    .map((s) => ({ s, text: changeSentence(s, confirmed) }))
    .filter((x): x is { s: IndicatorState; text: LocalizedText } => x.text !== null);
  rows.sort(
    (x, y) =>
      Number(confirmed.has(y.s.indicator.code) && (y.s.relativeChange ?? 0) > 0) - Number(confirmed.has(x.s.indicator.code) && (x.s.relativeChange ?? 0) > 0) ||
      Number(y.s.trendMeaning === 'worse') - Number(x.s.trendMeaning === 'worse') ||
      Math.abs(y.s.relativeChange ?? 0) - Math.abs(x.s.relativeChange ?? 0),
  );
  return rows.slice(0, MAX_ITEMS).map((x) => ({ ...x.text, link: link(areaCode) }));
}

/** The one statement of the period basis for the whole panel. */
export function basisSentence(period: string | null): LocalizedText {
  return inEveryLanguage((t) => t.basis(period));
}
