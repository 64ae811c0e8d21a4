import type { Observation } from 'contracts';
import { annotationPeriod, buildFunnelOption, buildRankingOption, buildSeriesOption, periodEnd, placeAnnotation, rankRows } from './explorer-options';
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

  it.each([
    ['2024', '2024-12-31'],
    ['2024-Q1', '2024-03-31'],
    ['2024-Q4', '2024-12-31'],
    ['2024-02', '2024-02-29'],
    ['2023-02', '2023-02-28'],
    ['nonsense', null],
  ])('periodEnd(%s) = %s', (label, end) => expect(periodEnd(label)).toBe(end));

  it.each([
    ['in its own quarter', '2024-05-10', ['2024-Q1', '2024-Q2', '2024-Q3'], { period: '2024-Q2', afterData: false }],
    ['in a gap of the axis', '2023-05-10', ['2022', '2024'], { period: '2022', afterData: false }],
    ['after the latest data (a meeting in 2026, data to 2024-Q4)', '2026-12-04', ['2024-Q3', '2024-Q4'], { period: '2024-Q4', afterData: true }],
    ['on the last day of the data', '2024-12-31', ['2024-Q3', '2024-Q4'], { period: '2024-Q4', afterData: false }],
    ['before the first period', '2019-01-01', ['2022', '2023'], null],
    ['an empty axis', '2024-01-01', [], null],
  ])('places an annotation %s', (_name, date, periods, expected) => expect(placeAnnotation(date, periods)).toEqual(expected));

  it('marks a decision later than the data at the last period, dotted, "na de laatste gegevens"', () => {
    const option = buildSeriesOption(
      [o('A', '2023', 1), o('A', '2024', 2)],
      [{ code: 'A', name: 'Aa' }],
      [{ date: '2023-06-01', text: 'Regelwijziging' }, { date: '2026-12-04', text: 'Besluit: extra jongerenwerk · Eigenaar: Anna' }],
      'Verloop',
      { afterData: 'na de laatste gegevens' },
    ) as { series: { markLine: { data: { xAxis: string; name: string; lineStyle?: { type: string } }[] } }[] };
    const marks = option.series[0].markLine.data;
    expect(marks.map((m) => [m.xAxis, m.name, m.lineStyle?.type ?? 'dashed'])).toEqual([
      ['2023', 'Regelwijziging', 'dashed'],
      ['2024', 'Besluit: extra jongerenwerk · Eigenaar: Anna (na de laatste gegevens)', 'dotted'],
    ]);
  });
});
