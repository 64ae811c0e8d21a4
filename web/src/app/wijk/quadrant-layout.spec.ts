import { gridCells, trendKey } from './quadrant-layout';
import { buildSparklineOption } from './sparkline-option';

describe('quadrant grid', () => {
  it('reads I, III on the social row and II, IV on the institutional row', () => {
    const cells = gridCells([{ quadrant: 'IV', indicators: [], openSignals: [] }]);
    expect(cells.map((c) => c.info.id)).toEqual(['I', 'III', 'II', 'IV']);
    expect(cells.map((c) => `${c.info.perspective}/${c.info.context}`)).toEqual([
      'individual/social',
      'collective/social',
      'individual/institutional',
      'collective/institutional',
    ]);
    expect(cells[0].info.inclusionQuestion.nl).toBe('Word ik gezien, ben ik van betekenis?');
  });

  it('puts trends into words with their meaning', () => {
    expect(trendKey('up', 'worse')).toBe('trend.up.worse');
    expect(trendKey('down', 'better')).toBe('trend.down.better');
    expect(trendKey('flat', 'neutral')).toBe('trend.flat');
    expect(trendKey('unknown', 'unknown')).toBe('trend.unknown');
  });

  it('builds a sparkline that keeps gaps', () => {
    const option = buildSparklineOption([
      { period: '2022', value: 1 },
      { period: '2023', value: null },
    ]) as { series: { type: string; data: (number | null)[]; connectNulls: boolean }[] };
    expect(option.series[0]).toMatchObject({ type: 'line', data: [1, null], connectNulls: false });
  });
});
