/** Multiple testing: Benjamini–Hochberg adjusted p-values. */
/**
 * Benjamini–Hochberg adjusted p-values, in input order:
 * adjusted p_(i) = min over j ≥ i of p_(j)·m/j, capped at 1. NaN inputs stay NaN and do not count.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pValues.length; i++) if (!Number.isNaN(pValues[i])) idx.push(i);
  const m = idx.length;
  idx.sort((a, b) => pValues[a] - pValues[b]);
  const out = pValues.map(() => NaN);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r];
    running = Math.min(running, (pValues[i] * m) / (r + 1));
    out[i] = Math.min(1, running);
  }
  return out;
}

/** Number rejected by BH at level q. */
export function bhRejections(pValues: readonly number[], q: number): number {
  return benjaminiHochberg(pValues).filter((v) => v <= q).length;
}
