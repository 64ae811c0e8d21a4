import { QUADRANT_INFO, type Quadrant, type QuadrantInfo, type QuadrantView } from 'contracts';
import type { MessageKey } from '../core/i18n/messages';

/** Reading order of the 2×2 grid: columns individual | collective, rows social | institutional. */
export const GRID_ORDER: readonly Quadrant[] = ['I', 'III', 'II', 'IV'];

export interface QuadrantCell {
  info: QuadrantInfo;
  view: QuadrantView;
}

export function gridCells(views: QuadrantView[]): QuadrantCell[] {
  return GRID_ORDER.map((q) => ({
    info: QUADRANT_INFO[q],
    view: views.find((v) => v.quadrant === q) ?? { quadrant: q, indicators: [], openSignals: [] },
  }));
}

/** Direction of change in words, judged with the indicator's polarity. */
export function trendKey(trend: string, meaning: string): MessageKey {
  if (trend === 'flat') return 'trend.flat';
  if ((trend === 'up' || trend === 'down') && (meaning === 'better' || meaning === 'worse')) {
    return `trend.${trend}.${meaning}` as MessageKey;
  }
  return 'trend.unknown';
}
