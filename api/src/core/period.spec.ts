import { addPeriods, isPeriodError, parsePeriod, periodFromIndex, periodIndex, periodIndexAt, periodIndexOf, periodLabel, Period, PeriodError } from './period';

const ok = (raw: string): Period => {
  const p = parsePeriod(raw);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
};

describe('period', () => {
  it.each([
    ['2024', '2024', '2024-01-01', 'year', false],
    [' 2024 ', '2024', '2024-01-01', 'year', false],
    ['2024-Q1', '2024-Q1', '2024-01-01', 'quarter', false],
    ['2024-q4', '2024-Q4', '2024-10-01', 'quarter', false],
    ['2024-03', '2024-03', '2024-03-01', 'month', false],
    ['2024JJ00', '2024', '2024-01-01', 'year', false],
    ['2024KW01', '2024-Q1', '2024-01-01', 'quarter', false],
    ['2024KW03', '2024-Q3', '2024-07-01', 'quarter', false],
    ['2024MM03', '2024-03', '2024-03-01', 'month', false],
    ['2022*', '2022', '2022-01-01', 'year', true],
    ['  2022*  ', '2022', '2022-01-01', 'year', true],
    ['2024KW02*', '2024-Q2', '2024-04-01', 'quarter', true],
    ['2024 1e kwartaal', '2024-Q1', '2024-01-01', 'quarter', false],
    ['2024 maart', '2024-03', '2024-03-01', 'month', false],
    ['2024 March', '2024-03', '2024-03-01', 'month', false],
  ])('parses %j', (raw, label, start, granularity, provisional) => {
    expect(ok(raw)).toEqual({ label, start, granularity, provisional });
  });

  it.each(['', '24', '2024-Q5', '2024-13', '2024KW05', '2024MM00', '2024JJ01', 'Q1 2024', '=CMD()', '1800', '2024-1-1'])(
    'rejects %j with a message',
    (raw) => {
      const p = parsePeriod(raw);
      expect(isPeriodError(p)).toBe(true);
      expect((p as PeriodError).error.length).toBeGreaterThan(5);
    },
  );

  it('orders and steps periods', () => {
    expect(periodIndex('2024-Q1') - periodIndex('2023-Q4')).toBe(1);
    expect(periodIndex('2024-01') - periodIndex('2023-12')).toBe(1);
    expect(periodIndex('2024') - periodIndex('2020')).toBe(4);
    expect(periodFromIndex(periodIndex('2024-Q3'), 'quarter')).toBe('2024-Q3');
    expect(addPeriods('2024-Q4', 1)).toBe('2025-Q1');
    expect(addPeriods('2024-01', -1)).toBe('2023-12');
  });

  it('labels a stored start date', () => {
    expect(periodLabel('2024-04-01', 'quarter')).toBe('2024-Q2');
    expect(periodLabel('2024-03-01', 'month')).toBe('2024-03');
    expect(periodLabel(new Date(Date.UTC(2022, 0, 1)), 'year')).toBe('2022');
    expect(() => periodLabel('2024-02-01', 'quarter')).toThrow(/not the start of a quarter/);
  });
});

describe('periodIndexOf / periodIndexAt (the one period model the signal engine and views use)', () => {
  it('accepts canonical labels only', () => {
    expect(periodIndexOf('2024')).toEqual({ granularity: 'year', periodIndex: 2024 });
    expect(periodIndexOf('2024-Q1')).toEqual({ granularity: 'quarter', periodIndex: 2024 * 4 });
    expect(periodIndexOf('2024-03')).toEqual({ granularity: 'month', periodIndex: 2024 * 12 + 2 });
    for (const bad of ['2024-13', '2024-Q5', '2024-3', '2024Q1', '2024JJ00', ' 2024', '2024*', '2024 maart', 'x']) expect(periodIndexOf(bad)).toBeNull();
  });
  it('gives the index of the period containing a date', () => {
    expect(periodIndexAt('2024-05-17', 'year')).toBe(2024);
    expect(periodIndexAt('2024-05-17', 'quarter')).toBe(2024 * 4 + 1);
    expect(periodIndexAt('2024-05-17T10:00:00Z', 'month')).toBe(2024 * 12 + 4);
    expect(periodIndexAt('2024', 'year')).toBeNull();
  });
});
