import { buildNeighbourhoodsPerDistrictOption, chartHeightFor } from './neighbourhoods-per-district-option';

describe('buildNeighbourhoodsPerDistrictOption', () => {
  const rows = [
    { name: 'Centrum', count: 12 },
    { name: 'Noord', count: 7 },
    { name: 'Zuid', count: 0 },
  ];
  const option = buildNeighbourhoodsPerDistrictOption(rows, { title: 'Buurten per wijk', axis: 'Aantal buurten' }) as {
    yAxis: { data: string[] };
    series: { type: string; data: number[] }[];
    aria: { enabled: boolean; label: { description: string } };
  };

  it('draws one horizontal bar per district with its count, first district on top', () => {
    expect(option.series).toHaveLength(1);
    expect(option.series[0].type).toBe('bar');
    // echarts draws a category y-axis bottom-up, so the list is reversed.
    expect(option.yAxis.data).toEqual(['Zuid', 'Noord', 'Centrum']);
    expect(option.series[0].data).toEqual([0, 7, 12]);
  });

  it('describes itself for assistive technology', () => {
    expect(option.aria.enabled).toBe(true);
    expect(option.aria.label.description).toBe('Buurten per wijk');
  });

  it('does not change its input', () => {
    expect(rows[0].name).toBe('Centrum');
  });

  it('gets taller with more districts', () => {
    expect(chartHeightFor(2)).toBe('160px');
    expect(chartHeightFor(20)).toBe('544px');
  });
});
