/** Sequential monitoring: one-sided CUSUM with fast initial response, and EWMA. */
export interface CusumOptions {
  /** Reference value (allowance), default 0.5. */
  k?: number;
  /** Decision interval, default 5. */
  h?: number;
  /** Fast initial response head start S_0, default 0. */
  headStart?: number;
}

export interface CusumResult {
  /** S_t per input value. */
  s: number[];
  /** 0-based index of the first S_t > h, or null. */
  alarmIndex: number | null;
}

/** Upper CUSUM S_t = max(0, S_{t−1} + x_t − k), S_0 = headStart (Lucas & Crosier 1982). */
export function cusum(values: readonly number[], options: CusumOptions = {}): CusumResult {
  const k = options.k ?? 0.5;
  const h = options.h ?? 5;
  let prev = options.headStart ?? 0;
  let alarmIndex: number | null = null;
  const s = values.map((x, i) => {
    prev = Math.max(0, prev + x - k);
    if (alarmIndex === null && prev > h) alarmIndex = i;
    return prev;
  });
  return { s, alarmIndex };
}

/** EWMA of values: E_t = λx_t + (1−λ)E_{t−1}, E_0 = start (default 0). */
export function ewma(values: readonly number[], lambda: number, start = 0): number[] {
  let prev = start;
  return values.map((x) => (prev = lambda * x + (1 - lambda) * prev));
}
