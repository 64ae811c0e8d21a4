/**
 * Periods: `2024`, `2024-Q1`, `2024-03`; StatLine codes `2024JJ00`, `2024KW01`, `2024MM03`;
 * StatLine labels `2024 1e kwartaal`, `2024 maart`, `2024 1st quarter`, `2024 March`;
 * a trailing `*` (StatLine: provisional figure). Surrounding spaces are ignored.
 */
import type { Granularity } from 'contracts';

export type { Granularity };

export interface Period {
  /** Canonical label: `2024`, `2024-Q1` or `2024-03`. */
  label: string;
  /** First day, ISO date `YYYY-MM-DD`. */
  start: string;
  granularity: Granularity;
  /** True for StatLine's `*` (voorlopig cijfer). */
  provisional: boolean;
}

export interface PeriodError {
  error: string;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function make(year: number, granularity: Granularity, sub: number, provisional: boolean): Period | PeriodError {
  if (year < MIN_YEAR || year > MAX_YEAR) return { error: `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}` };
  switch (granularity) {
    case 'year':
      return { label: String(year), start: `${year}-01-01`, granularity, provisional };
    case 'quarter':
      if (sub < 1 || sub > 4) return { error: `quarter ${sub} does not exist (1–4)` };
      return { label: `${year}-Q${sub}`, start: `${year}-${pad2((sub - 1) * 3 + 1)}-01`, granularity, provisional };
    case 'month':
      if (sub < 1 || sub > 12) return { error: `month ${sub} does not exist (01–12)` };
      return { label: `${year}-${pad2(sub)}`, start: `${year}-${pad2(sub)}-01`, granularity, provisional };
  }
}

export function isPeriodError(p: Period | PeriodError): p is PeriodError {
  return 'error' in p;
}

/** Parses a period; returns the period or `{error}` with a message for the user. */
export function parsePeriod(raw: string): Period | PeriodError {
  let s = raw.trim();
  let provisional = false;
  if (s.endsWith('*')) {
    provisional = true;
    s = s.slice(0, -1).trim();
  }
  const bad = (): PeriodError => ({
    error: `invalid period ${JSON.stringify(raw.trim())}: expected 2024, 2024-Q1, 2024-03 or StatLine 2024JJ00, 2024KW01, 2024MM03`,
  });
  if (s === '') return { error: 'period is empty' };
  let m = /^(\d{4})$/.exec(s);
  if (m) return make(+m[1], 'year', 0, provisional);
  m = /^(\d{4})-?[Qq](\d)$/.exec(s);
  if (m) return make(+m[1], 'quarter', +m[2], provisional);
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return make(+m[1], 'month', +m[2], provisional);
  m = /^(\d{4})(JJ|KW|MM)(\d{2})$/i.exec(s);
  if (m) {
    const kind = m[2].toUpperCase();
    const sub = +m[3];
    if (kind === 'JJ') return sub === 0 ? make(+m[1], 'year', 0, provisional) : bad();
    return make(+m[1], kind === 'KW' ? 'quarter' : 'month', sub, provisional);
  }
  // StatLine labels (Dutch and English exports).
  m = /^(\d{4})\s+(\d)\s*(?:e|ste|de|st|nd|rd|th)\s+(?:kwartaal|quarter)$/i.exec(s);
  if (m) return make(+m[1], 'quarter', +m[2], provisional);
  m = /^(\d{4})\s+([a-z]+)$/i.exec(s);
  if (m) {
    const name = m[2].toLowerCase();
    const idx = Math.max(MONTHS_NL.indexOf(name), MONTHS_EN.indexOf(name));
    if (idx >= 0) return make(+m[1], 'month', idx + 1, provisional);
  }
  return bad();
}

/** Like `parsePeriod` but throws on an invalid period. */
export function parsePeriodOrThrow(raw: string): Period {
  const p = parsePeriod(raw);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}

/**
 * Ordinal of a canonical label within its granularity: consecutive periods differ by 1
 * (year → year, quarter → year*4 + q-1, month → year*12 + m-1). Throws on an invalid label.
 */
export function periodIndex(label: string): number {
  const p = parsePeriodOrThrow(label);
  const year = +p.start.slice(0, 4);
  const month = +p.start.slice(5, 7);
  switch (p.granularity) {
    case 'year':
      return year;
    case 'quarter':
      return year * 4 + (month - 1) / 3;
    case 'month':
      return year * 12 + month - 1;
  }
}

/** Granularity of a canonical label (or null if it is not a period). */
export function periodGranularity(label: string): Granularity | null {
  const p = parsePeriod(label);
  return isPeriodError(p) ? null : p.granularity;
}

/**
 * Granularity and index of a canonical label (`2024`, `2024-Q1`, `2024-03`) exactly as stored and
 * shown; null for anything else (StatLine codes, `2024-3`, a trailing `*`, surrounding spaces).
 */
export function periodIndexOf(label: string): { granularity: Granularity; periodIndex: number } | null {
  const p = parsePeriod(label);
  if (isPeriodError(p) || p.provisional || p.label !== label) return null;
  return { granularity: p.granularity, periodIndex: periodIndex(label) };
}

/** Index, in `granularity`, of the period that contains the date `YYYY-MM-DD` (year*4+q−1, year*12+m−1). */
export function periodIndexAt(date: string, granularity: Granularity): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month0 = Number(m[2]) - 1;
  switch (granularity) {
    case 'year':
      return year;
    case 'quarter':
      return year * 4 + Math.floor(month0 / 3);
    case 'month':
      return year * 12 + month0;
  }
}

/** Inverse of `periodIndex`. */
export function periodFromIndex(index: number, granularity: Granularity): string {
  switch (granularity) {
    case 'year':
      return String(index);
    case 'quarter':
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    case 'month':
      return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
  }
}

/** The label `n` periods after (or before, n < 0) `label`. */
export function addPeriods(label: string, n: number): string {
  const g = periodGranularity(label);
  if (!g) throw new Error(`invalid period ${JSON.stringify(label)}`);
  return periodFromIndex(periodIndex(label) + n, g);
}

/** Label from a stored start date (`YYYY-MM-DD`, or a Date) and granularity. Throws if not aligned. */
export function periodLabel(start: string | Date, granularity: Granularity): string {
  const iso = typeof start === 'string' ? start.slice(0, 10) : start.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || m[3] !== '01') throw new Error(`period start ${JSON.stringify(iso)} is not the first day of a month`);
  const year = +m[1];
  const month = +m[2];
  switch (granularity) {
    case 'year':
      if (month !== 1) throw new Error(`period start ${iso} is not the start of a year`);
      return String(year);
    case 'quarter':
      if ((month - 1) % 3 !== 0) throw new Error(`period start ${iso} is not the start of a quarter`);
      return `${year}-Q${(month - 1) / 3 + 1}`;
    case 'month':
      return `${year}-${pad2(month)}`;
  }
}

/** Guesses a year period from a StatLine title such as "Kerncijfers wijken en buurten 2015". */
export function periodFromTitle(title: string): Period | null {
  const years = title.match(/\b(19|20)\d{2}\b/g);
  if (!years || years.length === 0) return null;
  const p = parsePeriod(years[years.length - 1]);
  return isPeriodError(p) ? null : p;
}
