import type { StageChunk } from '../observations/observations.repository';
import { ErrorList, type IndicatorRule, type LongRow } from '../parsing';

/** What the write path needs to know of an indicator. */
export interface Rule extends IndicatorRule {
  per: number | null;
}

export async function* withSummary(gen: AsyncGenerator<LongRow[], { dataRows: number }, undefined>, summary: { dataRows: number }): AsyncGenerator<LongRow[]> {
  for (;;) {
    const r = await gen.next();
    if (r.done) {
      summary.dataRows = r.value.dataRows;
      return;
    }
    yield r.value;
  }
}

export function safeChecksum(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

export function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Checks beyond the parser's: a proportion's value is a percentage 0–100. */
export function checkRange(r: LongRow, rules: Map<string, Rule>, errors: ErrorList): void {
  const rule = rules.get(r.indicator);
  if (rule?.measure === 'proportion' && r.value !== null && (r.value < 0 || r.value > 100)) {
    errors.add(r.line, 'value', `value ${r.value} is not a percentage 0–100 (indicator ${r.indicator} is a proportion)`, 'import.notAPercentage', { value: r.value });
  }
}

/** Derives the value where only counts were given (proportion: %, rate: per N, count: the count). */
export function deriveValue(r: LongRow, rule: Rule): number | null {
  if (r.value !== null) return r.value;
  const { numerator: num, denominator: den } = r;
  if (num === null) return null;
  switch (rule.measure) {
    case 'proportion':
      return den ? (100 * num) / den : null;
    case 'rate':
      return den ? (num / den) * (rule.per ?? 1) : null;
    case 'count':
      return num;
    case 'mean':
      return null;
  }
}

export function toChunk(rows: LongRow[], rules: Map<string, Rule>, seen: Set<string>): StageChunk {
  const n = rows.length;
  const c: StageChunk = {
    line: new Array<number>(n), indicator: new Array<string>(n), subject: new Array<string>(n), granularity: new Array(n), start: new Array<string>(n),
    value: new Array(n), numerator: new Array(n), denominator: new Array(n), n: new Array(n), status: new Array(n),
  };
  let last = '';
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.indicator !== last) {
      seen.add(r.indicator);
      last = r.indicator;
    }
    c.line[i] = r.line;
    c.indicator[i] = r.indicator;
    c.subject[i] = r.subject;
    c.granularity[i] = r.period.granularity;
    c.start[i] = r.period.start;
    c.value[i] = deriveValue(r, rules.get(r.indicator) as Rule);
    c.numerator[i] = r.numerator;
    c.denominator[i] = r.denominator;
    c.n[i] = r.n;
    c.status[i] = r.status;
  }
  return c;
}
