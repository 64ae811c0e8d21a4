import type { AreaSummary, Signal } from 'contracts';
import { buildClasses } from './choropleth-option';
import { classWordKey, districtOf, openSignalsPerDistrict, quadrantTiles, topSignals } from './open-signals';

const sig = (id: string, quadrant: Signal['quadrant'], severity: Signal['severity'], subjects: string[]): Signal => ({
  id, quadrant, severity, subjects, rule: 'peer-outlier', indicators: [], period: '2024', status: 'open',
  title: id, explanation: '', question: '', strength: {}, evidence: null, createdAt: '2024-01-01',
});
const d = (code: string): AreaSummary => ({ code, name: code, level: 'district', parent: 'GM0518' });

describe('open signals on the overview', () => {
  it('finds the district of a neighbourhood code', () => {
    expect(districtOf('BU05180102')).toBe('WK051801');
    expect(districtOf('BU0363NL01')).toBe('WK0363NL');
    expect(districtOf('WK051801')).toBe('WK051801');
    expect(districtOf('12AB')).toBeNull();
  });

  it('counts open signals per district, once per signal', () => {
    const rows = openSignalsPerDistrict([d('WK051801'), d('WK051802')], [
      sig('a', 'III', 'high', ['BU05180101', 'BU05180102']),
      sig('b', 'IV', 'low', ['WK051801', 'WK051802']),
    ]);
    expect(rows.map((r) => [r.code, r.value])).toEqual([['WK051801', 2], ['WK051802', 1]]);
  });

  it('groups per quadrant and lists the most severe first', () => {
    const list = [sig('a', 'III', 'low', []), sig('b', 'III', 'high', []), sig('c', 'IV', 'medium', [])];
    const tiles = quadrantTiles(list);
    expect(tiles.map((t) => t.count)).toEqual([0, 0, 2, 1]);
    expect(tiles[2].top.map((s) => s.id)).toEqual(['b', 'a']);
    expect(topSignals(list, 2).map((s) => s.id)).toEqual(['b', 'c']);
  });

  it('names classes in words from light to dark', () => {
    const classes = buildClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classes.map(classWordKey)).toEqual(['class.veryLow', 'class.low', 'class.middle', 'class.high', 'class.veryHigh']);
  });
});
