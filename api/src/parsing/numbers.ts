/**
 * Numbers as they occur in CSV uploads and StatLine downloads.
 *
 * - Surrounding spaces (StatLine pads inside the quotes: `"    69.0"`) are ignored.
 * - One separator is the decimal mark, point or comma (`14.5`, `14,5`); thousands separators are
 *   not accepted (`1.234,5` is refused: it is ambiguous and StatLine never writes it).
 * - Exponents with a decimal point (`9.15e-05`) are accepted.
 * - Missing: empty, `.` (StatLine "onbekend"), `x` (geheim), `-` (nihil/not applicable), `?`,
 *   `NA`; and, only with `sentinels: true` (PDOK/CBS kerncijfers GeoJSON), `-99995`…`-99999`.
 * - Anything else is text and gets an error message. Formula-like cells (`=CMD()`, `+…`, `@…`)
 *   are never evaluated; they are reported as "not a number" for numeric fields.
 */

export type NumberResult = { value: number | null } | { error: string };

export interface NumberOptions {
  /** Which decimal mark to accept: 'auto' (default) accepts either point or comma. */
  decimal?: 'auto' | 'point' | 'comma';
  /** Treat CBS/PDOK negative sentinels (-99995 … -99999) as missing. */
  sentinels?: boolean;
  /** Extra missing markers (compared after trimming, case-sensitive). */
  missing?: readonly string[];
}

const MISSING = new Set(['', '.', 'x', 'X', '-', '?', 'NA', 'N/A', 'n/a', 'null', 'NULL']);
const SENTINELS = new Set([-99995, -99996, -99997, -99998, -99999]);
const NUM = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function isNumberError(r: NumberResult): r is { error: string } {
  return 'error' in r;
}

/** True for text a spreadsheet would execute (`=…`, `+…`, `-…`, `@…`) and that is not a plain number. */
export function isFormulaLike(raw: string): boolean {
  const s = raw.trim();
  return FORMULA_START.test(s) && !NUM.test(s);
}

/** Parses one number. `{value: null}` for a missing marker; `{error}` for text. */
export function parseNumber(raw: string, options: NumberOptions = {}): NumberResult {
  if (raw === '') return { value: null };
  const s = raw.trim();
  if (MISSING.has(s) || (options.missing && options.missing.includes(s))) return { value: null };
  if (!NUM.test(s)) {
    if (isFormulaLike(s)) {
      return { error: `not a number: ${JSON.stringify(clip(s))} (formula-like text is never evaluated)` };
    }
    return { error: `not a number: ${JSON.stringify(clip(s))}` };
  }
  const hasComma = s.includes(',');
  const decimal = options.decimal ?? 'auto';
  if (hasComma && decimal === 'point') return { error: `not a number: ${JSON.stringify(s)} (use a decimal point)` };
  if (!hasComma && decimal === 'comma' && s.includes('.')) {
    return { error: `not a number: ${JSON.stringify(s)} (use a decimal comma)` };
  }
  if (hasComma && /[eE]/.test(s)) return { error: `not a number: ${JSON.stringify(s)}` };
  const value = Number(hasComma ? s.replace(',', '.') : s);
  if (!Number.isFinite(value)) return { error: `not a number: ${JSON.stringify(clip(s))}` };
  if (options.sentinels && SENTINELS.has(value)) return { value: null };
  return { value: value === 0 ? 0 : value }; // no -0
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
