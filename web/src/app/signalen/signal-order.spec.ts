import type { Signal } from 'contracts';
import { isStale, needsComment, sortSignals } from './signal-order';

const signal = (id: string, severity: Signal['severity'], createdAt: string, status: Signal['status'] = 'open'): Signal => ({
  id, severity, createdAt, status, rule: 'peer-outlier', quadrant: 'III', indicators: [], subjects: [], period: '2024',
  title: id, explanation: '', question: '', strength: {}, evidence: null,
});

describe('signal order', () => {
  it('sorts by severity, then oldest first', () => {
    const sorted = sortSignals([
      signal('a', 'low', '2024-01-01'),
      signal('b', 'high', '2024-03-01'),
      signal('c', 'high', '2024-02-01'),
    ]);
    expect(sorted.map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });

  it('marks signals open long without action', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    expect(isStale(signal('a', 'low', '2024-01-01'), now)).toBe(true);
    expect(isStale(signal('b', 'low', '2024-05-30'), now)).toBe(false);
    expect(isStale(signal('c', 'low', '2024-01-01', 'interpreted'), now)).toBe(false);
  });

  it('asks a reason for dismissing and closing', () => {
    expect(needsComment('dismissed')).toBe(true);
    expect(needsComment('closed')).toBe(true);
    expect(needsComment('interpreted')).toBe(false);
  });
});
