import type { Indicator } from 'contracts';
import { pooled } from './quadrants.service';

const indicator = (measure: Indicator['measure'], per: number | null = null): Indicator => ({
  code: 'x', name: { nl: 'x', en: 'x' }, quadrant: 'II', measure, polarity: 'higher-is-worse', subjectKind: 'area', per, minCount: 5, leadsTo: [],
});
const row = (subject: string, numerator: number | null, denominator: number | null, period_start = '2024-01-01') => ({
  indicator_code: 'x', subject_code: subject, granularity: 'quarter' as const, period_start, value: null, numerator, denominator, n: null,
});

describe('pooled municipality figure', () => {
  it('sums the counts of the areas at the period (proportion as a percentage, rate per N)', () => {
    const rows = [row('WK01', 10, 100), row('WK02', 30, 300), row('WK03', 99, 100, '2023-10-01')];
    expect(pooled(indicator('proportion'), rows, 'quarter', '2024-Q1')).toEqual({ value: 10, suppressed: false });
    expect(pooled(indicator('rate', 1000), rows, 'quarter', '2024-Q1')).toEqual({ value: 100, suppressed: false });
  });

  it('gives nothing when an area lacks counts, for means and counts, and suppresses small totals', () => {
    expect(pooled(indicator('proportion'), [row('WK01', 10, 100), row('WK02', null, null)], 'quarter', '2024-Q1')).toBeNull();
    expect(pooled(indicator('mean'), [row('WK01', 10, 100)], 'quarter', '2024-Q1')).toBeNull();
    expect(pooled(indicator('proportion'), [row('WK01', 2, 100), row('WK02', 1, 50)], 'quarter', '2024-Q1')).toEqual({ value: 2, suppressed: true });
  });
});
