/**
 * An intruder (issue 9): a manager or council account with no database access, who combines
 * answers of the public API by the additive relations anyone can know — a total is the sum of its
 * parts (gemeente = Σ wijken, wijk = Σ buurten, year = Σ quarters) — and by non-negativity (a
 * residual of 0 over hidden parts makes every one of them 0). Counts what it recovers exactly.
 */
export interface Shown {
  subject: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  suppressed?: boolean;
}

export interface Relation {
  total: string;
  parts: string[];
}

export const key = (subject: string, period: string) => `${subject}|${period}`;

export class Intruder {
  readonly num = new Map<string, number>();
  readonly den = new Map<string, number>();

  learn(rows: Shown[]): void {
    for (const r of rows) {
      if (r.suppressed) continue;
      if (r.numerator !== null) this.num.set(key(r.subject, r.period), r.numerator);
      if (r.denominator !== null) this.den.set(key(r.subject, r.period), r.denominator);
    }
  }

  learnValue(k: string, which: 'num' | 'den', v: number): void {
    (which === 'num' ? this.num : this.den).set(k, v);
  }

  /** Works every relation until nothing new follows; returns what was derived (not seen). */
  solve(relations: Relation[]): { num: Map<string, number>; den: Map<string, number> } {
    const derived = { num: new Map<string, number>(), den: new Map<string, number>() };
    for (const which of ['num', 'den'] as const) {
      const known = which === 'num' ? this.num : this.den;
      let changed = true;
      while (changed) {
        changed = false;
        for (const r of relations) {
          const unknownParts = r.parts.filter((p) => !known.has(p));
          const totalKnown = known.has(r.total);
          if (totalKnown && unknownParts.length === 0) continue;
          const partSum = r.parts.reduce((s, p) => s + (known.get(p) ?? 0), 0);
          if (!totalKnown && unknownParts.length === 0) {
            known.set(r.total, partSum);
            derived[which].set(r.total, partSum);
            changed = true;
          } else if (totalKnown && unknownParts.length === 1) {
            const v = known.get(r.total)! - partSum;
            known.set(unknownParts[0], v);
            derived[which].set(unknownParts[0], v);
            changed = true;
          } else if (totalKnown && Math.abs(known.get(r.total)! - partSum) < 1e-9) {
            for (const p of unknownParts) {
              known.set(p, 0);
              derived[which].set(p, 0);
            }
            changed = true;
          }
        }
      }
    }
    return derived;
  }
}

/** Hidden cells (by the truth the analyst sees) that the intruder recovered exactly. */
export function exactRecoveries(
  derived: { num: Map<string, number>; den: Map<string, number> },
  truth: Map<string, { numerator: number; denominator: number }>,
  hidden: Set<string>,
): string[] {
  const out: string[] = [];
  for (const k of hidden) {
    const t = truth.get(k);
    if (!t) continue;
    const n = derived.num.get(k);
    const d = derived.den.get(k);
    if (n !== undefined && Math.abs(n - t.numerator) < 1e-9) out.push(`${k} numerator ${t.numerator}`);
    if (d !== undefined && Math.abs(d - t.denominator) < 1e-9) out.push(`${k} denominator ${t.denominator}`);
  }
  return out;
}

/** The project's deterministic generator (mulberry32), so a failing case can be replayed. */
export { mulberry32 as rng } from '../../api/src/core/statistics/random';
