import { mustSuppress, withSecondarySuppression } from './observations.service';

const row = (subject: string, numerator: number, denominator = 1000, start = '2024-01-01') => ({
  indicator: 'evictions', subject, granularity: 'year' as const, start, numerator, denominator, value: null, n: null,
  measure: 'rate' as const, minCount: 5, status: 'final' as const,
});

describe('disclosure control', () => {
  it('hides small counts and proportions whose complement is small', () => {
    expect(mustSuppress(row('WK01', 3))).toBe(true);
    expect(mustSuppress(row('WK01', 5))).toBe(false);
    expect(mustSuppress({ ...row('WK01', 97, 100), measure: 'proportion' })).toBe(true);
    expect(mustSuppress({ ...row('WK01', 50, 100), measure: 'mean', n: 4 })).toBe(true);
  });

  it('hides a second cell when one sibling alone is hidden, so it cannot be worked back from the total', () => {
    const rows = [row('WK01', 3), row('WK02', 40), row('WK03', 12), row('WK04', 25)];
    expect(withSecondarySuppression(rows, rows.map(mustSuppress))).toEqual([true, false, true, false]);
  });

  it('leaves groups alone with no hidden cell or with two or more, and groups per period', () => {
    const none = [row('WK01', 30), row('WK02', 40)];
    expect(withSecondarySuppression(none, none.map(mustSuppress))).toEqual([false, false]);
    const two = [row('WK01', 3), row('WK02', 2), row('WK03', 40)];
    expect(withSecondarySuppression(two, two.map(mustSuppress))).toEqual([true, true, false]);
    const periods = [row('WK01', 3), row('WK02', 40), row('WK01', 30, 1000, '2023-01-01'), row('WK02', 40, 1000, '2023-01-01')];
    expect(withSecondarySuppression(periods, periods.map(mustSuppress))).toEqual([true, true, false, false]);
  });
});
