import type { ObservationStatus } from 'contracts';
import { ErrorList, isPeriodError, parsePeriod, type LongRow, type Period } from '../parsing';

const STATUS_WORDS: Record<string, ObservationStatus> = { final: 'final', provisional: 'provisional', definitief: 'final', voorlopig: 'provisional' };

/** One JSON observation → a row (line = index + 1); errors name the field. */
export function jsonRow(item: unknown, line: number, errors: ErrorList): LongRow | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    errors.add(line, null, 'each observation must be an object');
    return null;
  }
  const o = item as Record<string, unknown>;
  const before = errors.total;
  const known = new Set(['indicator', 'subject', 'period', 'value', 'numerator', 'denominator', 'n', 'status']);
  for (const k of Object.keys(o)) if (!known.has(k)) errors.add(line, k, `unknown field ${JSON.stringify(k)}`);
  const text = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string' || v.trim() === '') {
      errors.add(line, k, `${k} must be a non-empty string`);
      return '';
    }
    return v.trim();
  };
  const indicator = text('indicator');
  const subject = text('subject');
  const periodText = text('period');
  let period: Period | null = null;
  if (periodText) {
    const p = parsePeriod(periodText);
    if (isPeriodError(p)) errors.add(line, 'period', p.error);
    else period = p;
  }
  const num = (k: string): number | null => {
    const v = o[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors.add(line, k, `${k} must be a number or null`);
      return null;
    }
    return v;
  };
  const value = num('value');
  const numerator = num('numerator');
  const denominator = num('denominator');
  const n = num('n');
  let status: ObservationStatus = 'final';
  if (o.status !== undefined && o.status !== null) {
    const s = typeof o.status === 'string' ? STATUS_WORDS[o.status.toLowerCase()] : undefined;
    if (!s) errors.add(line, 'status', 'status must be final or provisional');
    else status = s;
  }
  if (errors.total > before || !period) return null;
  if (period.provisional) status = 'provisional';
  return { line, indicator, subject, period, value, numerator, denominator, n, status };
}
