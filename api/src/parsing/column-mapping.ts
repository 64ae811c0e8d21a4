/**
 * StatLine column mappings (issue 16), pure: the signature that identifies a table across years,
 * and whether an indicator's measure fits a column's unit.
 */
import { createHash } from 'node:crypto';

/**
 * The same table downloaded for another year has the same measure columns: the signature is a
 * hash of the sorted column headers (the period is a row value, not a column).
 */
export function tableSignature(columns: readonly string[]): string {
  return `cols-${createHash('sha256').update([...columns].sort().join('\n')).digest('hex').slice(0, 24)}`;
}

/** The unit at the end of a StatLine header: "Roker (%)" → "%", "Bevolking/Mannen (aantal)" → "aantal". */
export function columnUnit(column: string): string | null {
  const m = /\(([^()]*(?:\([^()]*\))?[^()]*)\)\s*$/.exec(column.trim());
  return m ? m[1].trim().toLowerCase() : null;
}

/**
 * Null when an indicator of this measure can be read from the column; otherwise why not.
 * Percentages go into proportions only; counts ("aantal", "number") into counts only.
 */
export function measureMismatch(column: string, measure: string): string | null {
  const unit = columnUnit(column);
  if (unit === null) return null;
  const percent = unit === '%' || unit.startsWith('% ') || unit.startsWith('%(');
  const count = unit === 'aantal' || unit === 'number' || unit === 'absolute aantallen';
  if (percent && measure !== 'proportion') return `column ${JSON.stringify(column)} holds percentages (%): map it to a proportion indicator, not a ${measure}`;
  if (count && measure !== 'count') return `column ${JSON.stringify(column)} holds counts (${unit}): map it to a count indicator, not a ${measure}`;
  if (!percent && measure === 'proportion') return `column ${JSON.stringify(column)} is not a percentage (${unit}): a proportion indicator cannot read it`;
  return null;
}
