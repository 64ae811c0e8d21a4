import { QUADRANTS, type AreaSummary, type Quadrant, type Signal } from 'contracts';
import { sortSignals } from '../signalen/signal-order';
import { CLASS_COLOURS, type ChoroplethRow, type ColourClass } from './choropleth-option';

/**
 * The district a subject lies in, from its CBS code: a neighbourhood `BU0518 01 02` lies in
 * district `WK0518 01`; codes of other kinds (units, municipalities) give null.
 */
export function districtOf(code: string): string | null {
  if (code.startsWith('WK')) return code;
  if (code.startsWith('BU') && code.length > 4) return `WK${code.slice(2, -2)}`;
  return null;
}

/** Number of open signals per district (a signal about several subjects counts once per district). */
export function openSignalsPerDistrict(districts: AreaSummary[], signals: Signal[]): ChoroplethRow[] {
  const counts = new Map<string, number>(districts.map((d) => [d.code, 0]));
  for (const s of signals) {
    const hit = new Set(s.subjects.map(districtOf).filter((c): c is string => !!c && counts.has(c)));
    for (const c of hit) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return districts.map((d) => {
    const value = counts.get(d.code) ?? 0;
    return { code: d.code, name: d.name, value, display: String(value) };
  });
}

export interface QuadrantTile {
  quadrant: Quadrant;
  count: number;
  /** The most important open signals of the quadrant (at most two). */
  top: Signal[];
}

export function quadrantTiles(signals: Signal[]): QuadrantTile[] {
  const sorted = sortSignals(signals);
  return QUADRANTS.map((quadrant) => {
    const inQ = sorted.filter((s) => s.quadrant === quadrant);
    return { quadrant, count: inQ.length, top: inQ.slice(0, 2) };
  });
}

export function topSignals(signals: Signal[], n = 5): Signal[] {
  return sortSignals(signals).slice(0, n);
}

/** Words for the classes, light to dark, so a council member never sees a figure. */
export const CLASS_WORD_KEYS = ['class.veryLow', 'class.low', 'class.middle', 'class.high', 'class.veryHigh'] as const;
export type ClassWordKey = (typeof CLASS_WORD_KEYS)[number];

export function classWordKey(c: ColourClass): ClassWordKey {
  const i = CLASS_COLOURS.indexOf(c.color);
  return CLASS_WORD_KEYS[i < 0 ? 2 : i];
}
