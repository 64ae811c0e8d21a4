/** Dimension helpers: totals per dimension and the rows whose every dimension is a total. */
import { StatlineRow, StatlineTable } from './statline-model';

// ---------------------------------------------------------------------------------------------
// Dimension helpers

const TOTAL_VALUES = new Set([
  'waarde',
  'value',
  'mannen en vrouwen',
  'men and women',
  'male and female',
  'alle leeftijden',
  'all ages',
  'alle personen',
  'all persons',
  'totaal',
  'total',
]);

/**
 * Whether a dimension value is the "whole population" value a dashboard keeps.
 *
 * Rule:
 * 1. Marges/Margins: only "Waarde"/"Value" (not the lower/upper bounds of the interval).
 * 2. A value starting with "Totaal"/"Total" ("Totaal mannen en vrouwen", "Total persons"), or one of
 *    "Mannen en vrouwen", "Alle leeftijden", "Alle personen" (and English equivalents).
 * 3. Otherwise, when `valuesInFile` is given and this is the only value of the dimension in the
 *    file (e.g. Leeftijd "18 jaar of ouder" in the Gezondheidsmonitor table), it is the total the
 *    table offers.
 * Everything else (e.g. "Mannen", "0 tot 15 jaar") is a breakdown, not a total.
 */
export function isTotalDimensionValue(dim: string, value: string, valuesInFile?: readonly string[]): boolean {
  const d = dim.trim().toLowerCase();
  const v = value.trim().toLowerCase();
  if (d === 'marges' || d === 'margins' || d === 'marge') return v === 'waarde' || v === 'value';
  if (v.startsWith('totaal') || v.startsWith('total ') || TOTAL_VALUES.has(v)) return true;
  if (valuesInFile) {
    const distinct = new Set(valuesInFile.map((x) => x.trim().toLowerCase()));
    return distinct.size === 1 && distinct.has(v);
  }
  return false;
}

/** Distinct values per dimension column, in order of appearance. */
export function dimensionValues(table: StatlineTable): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of table.dimColumns) {
    const seen = new Set<string>();
    for (const r of table.rows) seen.add(r.dims[d]);
    out[d] = [...seen];
  }
  return out;
}

/** The rows whose every dimension value is a total (see `isTotalDimensionValue`). */
export function totalRows(table: StatlineTable): StatlineRow[] {
  const values = dimensionValues(table);
  return table.rows.filter((r) => table.dimColumns.every((d) => isTotalDimensionValue(d, r.dims[d], values[d])));
}
