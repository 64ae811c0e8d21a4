import type { Observation } from 'contracts';
import { annotationPeriod, buildFunnelOption, buildRankingOption, buildSeriesOption, rankRows } from './explorer-options';
import type { FunnelData } from './funnel-limits';

const o = (subject: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
  indicator: 'x', subject, period, value, numerator: null, denominator: null, n: null, status: 'final', ...extra,
});

describe('explorer options', () => {
  it('ranks highest first with missing values last', () => {
    const rows = rankRows([
      { code: 'a', name: 'A', value: 1, display: '1' },
      { code: 'b', name: 'B', value: null, display: 'niet getoond (minder dan 5)' },
      { code: 'c', name: 'C', value: 3, display: '3' },
    ]);
    expect(rows.map((r) => r.code)).toEqual(['c', 'a', 'b']);
    const option = buildRankingOption(rows, 'Ranking') as { yAxis: { data: string[] }; series: { data: number[] }[] };
    // Drawn bottom-up: the highest value is the last category (on top).
    expect(option.yAxis.data).toEqual(['A', 'C']);
    expect(option.series[0].data).toEqual([1, 3]);
  });

  it('ranks the lowest first when higher is better, worst bar on top', () => {
    const rows = [
      { code: 'a', name: 'A', value: 1, display: '1' },
      { code: 'b', name: 'B', value: null, display: '–' },
      { code: 'c', name: 'C', value: 3, display: '3' },
    ];
    expect(rankRows(rows, true).map((r) => r.code)).toEqual(['a', 'c', 'b']);
    const option = buildRankingOption(rows, 'Ranking', true) as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['C', 'A']);
  });

  it('puts points outside the limits in their own series with their own symbol', () => {
    const point = (subject: string, value: number, outside: 0 | 95 | 998) => ({ subject, name: subject, denominator: 100, value, outside, side: outside ? ('above' as const) : null });
    const data: FunnelData = {
      target: 23,
      points: [point('S0', 17, 0), point('S1', 18, 0), point('S2', 17, 0), point('S3', 40, 998)],
      limits: [{ denominator: 100, lower95: 14.7, upper95: 31.2, lower998: 10.5, upper998: 36.2 }],
      hidden: 0,
    };
    const labels = { title: 't', x: 'n', y: '%', target: 'gem', l95: '95', l998: '99,8', inside: 'in', out95: 'o95', out998: 'o998' };
    const option = buildFunnelOption(data, labels) as { series: { type: string; name: string; symbol?: string; data: unknown[] }[] };
    const scatter = option.series.filter((s) => s.type === 'scatter');
    expect(scatter.map((s) => [s.name, s.symbol, s.data.length])).toEqual([
      ['in', 'circle', 3],
      ['o95', 'rect', 0],
      ['o998', 'triangle', 1],
    ]);
    expect(option.series.filter((s) => s.type === 'line')).toHaveLength(5);
  });

  it('maps annotation dates onto the periods of the axis', () => {
    expect(annotationPeriod('2023-05-01', ['2022', '2023'])).toBe('2023');
    expect(annotationPeriod('2023-05-01', ['2023-Q1', '2023-Q2'])).toBe('2023-Q2');
    expect(annotationPeriod('2023-05-01', ['2023-04', '2023-05'])).toBe('2023-05');
    expect(annotationPeriod('2023-Q2', ['2023-Q1', '2023-Q2'])).toBe('2023-Q2');
    expect(annotationPeriod('2030-01-01', ['2023'])).toBeNull();
  });

  it('draws one line per area, hides suppressed values and marks annotations', () => {
    const option = buildSeriesOption(
      [o('A', '2022', 1), o('A', '2023', 2), o('B', '2023', 4, { suppressed: true })],
      [{ code: 'A', name: 'Aa' }, { code: 'B', name: 'Bb' }],
      [{ date: '2023-02-01', text: 'Besluit' }],
      'Verloop',
    ) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[]; markLine?: { data: { xAxis: string }[] } }[] };
    expect(option.xAxis.data).toEqual(['2022', '2023']);
    expect(option.series.map((s) => s.data)).toEqual([[1, 2], [null, null]]);
    expect(option.series[0].markLine?.data[0].xAxis).toBe('2023');
  });
});
