import { addPeriods, isPeriodError, parsePeriod } from '../core/period';
import type { HiddenCells } from './disclosure.service';

/**
 * Which stored cells a signal's evidence and texts are computed from (issue 9, defect B): its
 * indicators × its subjects and every subject named in its evidence × the periods from the
 * evidence's window start (`from`) to its period. When any of them is hidden in the stored
 * pattern, the pooled figures (a window's rate, a funnel's target) could give the hidden cell back
 * by subtraction, so for a restricted role the signal's figures are withheld.
 */
export interface SignalCells {
  indicators: string[];
  subjects: string[];
  period: string | null;
  evidence: unknown;
}

function collect(v: unknown, out: { subjects: Set<string>; indicators: Set<string>; periods: Set<string> }): void {
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string') {
      if (k === 'subject') out.subjects.add(x);
      else if (k === 'indicator') out.indicators.add(x);
      else if (k === 'period' || k === 'from') out.periods.add(x);
    } else collect(x, out);
  }
}

/** The [start, end) dates covered by a set of period labels, or null when none parses. */
function span(labels: Iterable<string>): { from: string; before: string } | null {
  let from: string | null = null;
  let before: string | null = null;
  for (const l of labels) {
    const p = parsePeriod(l);
    if (isPeriodError(p)) continue;
    let end: string | null = null;
    try {
      const next = parsePeriod(addPeriods(p.label, 1));
      end = isPeriodError(next) ? null : next.start;
    } catch {
      end = null;
    }
    if (from === null || p.start < from) from = p.start;
    if (end !== null && (before === null || end > before)) before = end;
  }
  return from !== null && before !== null ? { from, before } : null;
}

/** The subjects and indicators a signal draws on, for the query of hidden cells. */
export function signalScope(s: SignalCells): { subjects: string[]; indicators: string[] } {
  const out = { subjects: new Set(s.subjects), indicators: new Set(s.indicators), periods: new Set<string>() };
  collect(s.evidence, out);
  return { subjects: [...out.subjects], indicators: [...out.indicators] };
}

/** Whether any cell the signal's figures draw on is hidden (by the stored pattern). */
export function touchesHidden(s: SignalCells, hidden: HiddenCells): boolean {
  const out = { subjects: new Set(s.subjects), indicators: new Set(s.indicators), periods: new Set<string>() };
  if (s.period) out.periods.add(s.period);
  collect(s.evidence, out);
  const window = span(out.periods);
  for (const c of hidden.list()) {
    if (!out.indicators.has(c.indicator) || !out.subjects.has(c.subject)) continue;
    if (!window || (c.start >= window.from && c.start < window.before)) return true;
  }
  return false;
}
