import { cellKey, decidePattern, isPrimary, roundCount, type DisclosureCell } from './pattern';

const c = (subject: string, numerator: number, start = '2024-01-01', granularity: DisclosureCell['granularity'] = 'year', denominator = 1000): DisclosureCell => ({
  subject, granularity, start, numerator, denominator, value: null, n: null,
});
const parents: Record<string, string> = { WK1: 'GM', WK2: 'GM', WK3: 'GM', BU1: 'WK1', BU2: 'WK1' };
const parentOf = (s: string) => parents[s] ?? null;

describe('disclosure pattern', () => {
  it('marks primary cells: small counts and small complements', () => {
    expect(isPrimary(c('x', 3), 'rate', 5)).toBe(true);
    expect(isPrimary(c('x', 5), 'rate', 5)).toBe(false);
    expect(isPrimary(c('x', 98, '2024-01-01', 'year', 100), 'proportion', 5)).toBe(true);
    expect(isPrimary(c('x', 98, '2024-01-01', 'year', 100), 'rate', 5)).toBe(false);
  });

  it('hides a second sibling when one is hidden under a total, and never hides when nothing is small', () => {
    const cells = [c('GM', 60), c('WK1', 3), c('WK2', 40), c('WK3', 17)];
    const p = decidePattern(cells, 'rate', 5, parentOf);
    expect(p.get(cellKey('WK1', 'year', '2024-01-01'))).toBe('primary');
    expect(p.get(cellKey('WK3', 'year', '2024-01-01'))).toBe('secondary');
    expect(p.size).toBe(2);
    expect(decidePattern([c('GM', 60), c('WK2', 40), c('WK3', 20)], 'rate', 5, parentOf).size).toBe(0);
  });

  it('protects two hidden zeros under a visible total (non-negativity would pin them)', () => {
    const cells = [c('GM', 60), c('WK1', 0), c('WK2', 0), c('WK3', 60)];
    const p = decidePattern(cells, 'rate', 5, parentOf);
    expect(p.has(cellKey('WK3', 'year', '2024-01-01')) || p.has(cellKey('GM', 'year', '2024-01-01'))).toBe(true);
  });

  it('carries secondary cells across the area and the time hierarchy until every relation is safe', () => {
    const q = (s: string, n: number, m: string) => c(s, n, `2024-${m}-01`, 'quarter');
    const cells = [
      c('GM', 200), c('WK1', 100), c('WK2', 100),
      q('GM', 50, '01'), q('GM', 50, '04'), q('GM', 50, '07'), q('GM', 50, '10'),
      q('WK1', 2, '01'), q('WK1', 30, '04'), q('WK1', 30, '07'), q('WK1', 38, '10'),
      q('WK2', 48, '01'), q('WK2', 20, '04'), q('WK2', 20, '07'), q('WK2', 12, '10'),
    ];
    const p = decidePattern(cells, 'rate', 5, parentOf);
    // Every group with a hidden cell has at least two.
    const groups: string[][] = [
      ['GM|year', 'WK1|year', 'WK2|year'],
      ...['01', '04', '07', '10'].map((m) => [`GM|${m}`, `WK1|${m}`, `WK2|${m}`]),
      ...['GM', 'WK1', 'WK2'].map((s) => [`${s}|year`, `${s}|01`, `${s}|04`, `${s}|07`, `${s}|10`]),
    ];
    const key = (k: string) => {
      const [s, m] = k.split('|');
      return m === 'year' ? cellKey(s, 'year', '2024-01-01') : cellKey(s, 'quarter', `2024-${m}-01`);
    };
    for (const g of groups) {
      const n = g.filter((k) => p.has(key(k))).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
    expect(p.get(key('WK1|01'))).toBe('primary');
  });

  it('does nothing with minCount 0 and rounds shown counts when asked', () => {
    expect(decidePattern([c('GM', 1), c('WK1', 1)], 'rate', 0, parentOf).size).toBe(0);
    expect(roundCount(12, 5)).toBe(10);
    expect(roundCount(12, 0)).toBe(12);
  });
});
