import { isPrimary, type Granularity, type Measure } from 'contracts';

/**
 * Disclosure control, decided ONCE per indicator over the whole area hierarchy
 * (unit → buurt → wijk → gemeente → land) and the time hierarchy (month → quarter → year), and
 * stored (docs/design.md §6, issue 9).
 *
 * Method: the linear relations an intruder can use are "a total = the sum of its parts" — a
 * parent area's cell and its children's cells for one period, and a year's (or quarter's) cell
 * and its quarters' (months') cells for one subject. Each such relation is one "group". This is
 * the idea of the hypercube method of τ-ARGUS (Repsilber 2002; Hundepool et al., *Statistical
 * Disclosure Control*, Wiley 2012, §5.5; used by CBS): a suppressed cell must never be the only
 * suppressed cell of any relation it belongs to, so that no total minus visible parts reveals it.
 * We apply the simple heuristic form (as in sdcTable's SIMPLEHEURISTIC): iterate over all groups
 * until a fixpoint, and in every group that
 *   - has exactly one hidden cell, or
 *   - has a visible total and hidden parts whose summed count (or summed complement, for
 *     proportions) is below the minimum — so that non-negativity would pin them down (e.g. two
 *     hidden zeros under a visible total) —
 * hide one more cell: the visible part with the smallest count (least information lost), or the
 * total when no part is left. Cells only ever become hidden, so the loop ends.
 *
 * Primary cells: a count below the minimum (numerator, a count measure's value, a mean's n) or a
 * proportion whose complement (denominator − numerator) is below it.
 */
export interface DisclosureCell {
  subject: string;
  granularity: Granularity;
  /** Period start, YYYY-MM-DD. */
  start: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
}

export type CellReason = 'primary' | 'secondary';

export function cellKey(subject: string, granularity: string, start: string): string {
  return `${subject}\u0000${granularity}\u0000${start}`;
}

/** Whether a cell must be hidden on its own (primary suppression): the rule lives with the policy in contracts. */
export { isPrimary };

/** The count a cell protects: its numerator, a count's value or a mean's respondents. */
function mass(c: DisclosureCell): number {
  return c.numerator ?? (c.n !== null ? c.n : c.value) ?? Number.POSITIVE_INFINITY;
}

function complement(c: DisclosureCell): number {
  return c.numerator !== null && c.denominator !== null ? c.denominator - c.numerator : Number.POSITIVE_INFINITY;
}

interface Group {
  total: number;
  parts: number[];
}

/** The periods a year/quarter contains, as (granularity, start) pairs. */
function yearOf(start: string): string {
  return start.slice(0, 4);
}
function quarterStartOf(start: string): string {
  const month = Number(start.slice(5, 7));
  const q = Math.floor((month - 1) / 3) * 3 + 1;
  return `${start.slice(0, 4)}-${String(q).padStart(2, '0')}-01`;
}

/**
 * Decides the suppression pattern of one indicator. `parentOf` maps a subject (unit or area code)
 * to the code of the area directly above it (null at the top).
 */
export function decidePattern(
  cells: readonly DisclosureCell[],
  measure: Measure,
  minCount: number,
  parentOf: (subject: string) => string | null | undefined,
): Map<string, CellReason> {
  const out = new Map<string, CellReason>();
  if (minCount <= 0 || cells.length === 0) return out;
  const index = new Map<string, number>();
  cells.forEach((c, i) => index.set(cellKey(c.subject, c.granularity, c.start), i));
  const hidden = cells.map((c) => isPrimary(c, measure, minCount));

  // Groups over the area hierarchy: parent cell = sum of its children's cells, per period. A
  // parent without a stored cell is a "virtual" total (-1): assumed known to an intruder anyway
  // (CBS publishes municipal totals; the app pools them), so its children are protected alike.
  const byParent = new Map<string, { total: number; parts: number[] }>();
  cells.forEach((c, i) => {
    const parent = parentOf(c.subject);
    if (!parent) return;
    const k = cellKey(parent, c.granularity, c.start);
    const g = byParent.get(k);
    if (g) g.parts.push(i);
    else byParent.set(k, { total: index.get(k) ?? -1, parts: [i] });
  });
  // Groups over time: a year = its quarters = its months, a quarter = its months, per subject
  // (virtual totals likewise), kept apart per granularity of the parts.
  const byPeriod = new Map<string, { total: number; parts: number[] }>();
  const addTime = (total: string, partGranularity: string, part: number) => {
    const k = `${total}\u0000${partGranularity}`;
    const g = byPeriod.get(k);
    if (g) g.parts.push(part);
    else byPeriod.set(k, { total: index.get(total) ?? -1, parts: [part] });
  };
  cells.forEach((c, i) => {
    if (c.granularity === 'year') return;
    addTime(cellKey(c.subject, 'year', `${yearOf(c.start)}-01-01`), c.granularity, i);
    if (c.granularity === 'month') addTime(cellKey(c.subject, 'quarter', quarterStartOf(c.start)), 'month', i);
  });
  const groups: Group[] = [...byParent.values(), ...byPeriod.values()];
  // Which groups each cell belongs to, to revisit only those touched by a new hidden cell.
  const member = new Map<number, number[]>();
  groups.forEach((g, gi) => {
    for (const i of g.total >= 0 ? [g.total, ...g.parts] : g.parts) {
      const list = member.get(i);
      if (list) list.push(gi);
      else member.set(i, [gi]);
    }
  });
  const secondary = new Set<number>();
  const queue: number[] = [];
  const queued = new Uint8Array(groups.length);
  groups.forEach((_, gi) => {
    queue.push(gi);
    queued[gi] = 1;
  });
  while (queue.length) {
    const gi = queue.pop()!;
    queued[gi] = 0;
    const g = groups[gi];
    const hiddenParts = g.parts.filter((i) => hidden[i]);
    const totalHidden = g.total >= 0 && hidden[g.total];
    const count = hiddenParts.length + (totalHidden ? 1 : 0);
    if (count === 0) continue;
    let unsafe = count === 1;
    if (!unsafe && !totalHidden) {
      const m = hiddenParts.reduce((s, i) => s + mass(cells[i]), 0);
      const cm = measure === 'proportion' ? hiddenParts.reduce((s, i) => s + complement(cells[i]), 0) : Number.POSITIVE_INFINITY;
      unsafe = m < minCount || cm < minCount;
    }
    if (!unsafe) continue;
    const candidates = g.parts.filter((i) => !hidden[i]).sort((a, b) => mass(cells[a]) - mass(cells[b]));
    const pick = candidates.length ? candidates[0] : !totalHidden && g.total >= 0 ? g.total : undefined;
    if (pick === undefined) continue;
    hidden[pick] = true;
    secondary.add(pick);
    for (const other of member.get(pick) ?? []) {
      if (!queued[other]) {
        queued[other] = 1;
        queue.push(other);
      }
    }
    if (!queued[gi]) {
      queued[gi] = 1;
      queue.push(gi);
    }
  }
  cells.forEach((c, i) => {
    if (hidden[i]) out.set(cellKey(c.subject, c.granularity, c.start), secondary.has(i) ? 'secondary' : 'primary');
  });
  return out;
}

export { roundCount } from '../policy/disclosure';
