import { buildChoroplethOption, buildClasses, classOf, CLASS_COLOURS, NO_DATA_COLOUR, rangeLabel, tooltipText } from './choropleth-option';
import { districtRows, periodOrLatest, periodsOf, SMALL_BASE, worstFirst } from './district-values';

describe('buildClasses', () => {
  it('makes quantile classes from light to dark', () => {
    const classes = buildClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classes).toHaveLength(5);
    expect(classes[0]).toMatchObject({ index: 1, min: 1, max: 2, color: CLASS_COLOURS[0] });
    expect(classes[4]).toMatchObject({ index: 5, max: 10, color: CLASS_COLOURS[4], ink: '#ffffff' });
  });

  it('collapses repeated values into fewer classes and handles one value', () => {
    expect(buildClasses([3, 3, 3, 7])).toHaveLength(2);
    expect(buildClasses([4])).toHaveLength(1);
    expect(buildClasses([])).toEqual([]);
  });

  it('places values in their class', () => {
    const classes = buildClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classOf(1, classes)?.index).toBe(1);
    expect(classOf(10, classes)?.index).toBe(5);
    expect(classOf(null, classes)).toBeNull();
  });
});

describe('buildChoroplethOption', () => {
  const rows = [
    { code: 'WK051801', name: 'Centrum', value: 10, display: '10' },
    { code: 'WK051802', name: 'Noord', value: null, display: 'niet getoond (minder dan 5)' },
  ];
  const classes = buildClasses([10]);
  const option = buildChoroplethOption('districts-GM0518', rows, classes, { title: 'Kaart', noData: 'Geen waarde' }) as {
    series: {
      type: string;
      map: string;
      nameProperty: string;
      data: { name: string; itemStyle: { areaColor: string }; label: { formatter: string } }[];
    }[];
  };

  it('uses the registered map and joins on the area code', () => {
    const series = option.series[0];
    expect(series.type).toBe('map');
    expect(series.map).toBe('districts-GM0518');
    expect(series.nameProperty).toBe('code');
    expect(series.data.map((d) => d.name)).toEqual(['WK051801', 'WK051802']);
  });

  it('labels every area with its value so colour is not the only carrier', () => {
    expect(option.series[0].data[0].label.formatter).toBe('Centrum\n10');
    expect(option.series[0].data[1].label.formatter).toBe('Noord\nGeen waarde');
    expect(option.series[0].data[1].itemStyle.areaColor).toBe(NO_DATA_COLOUR);
  });

  it('labels many areas with their legend class number instead of crowding names on the map', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ code: `WK0518${i}`, name: `Wijk ${i}`, value: i < 39 ? i : null, display: String(i) }));
    const big = buildChoroplethOption('m', many, buildClasses(many.slice(0, 39).map((r) => r.value as number)), { title: 'K', noData: 'Geen' }) as typeof option;
    const labels = big.series[0].data.map((d) => d.label.formatter);
    expect(labels[0]).toBe('1');
    expect(labels[38]).toBe('5');
    expect(labels[39]).toBe('–');
  });
});

describe('periodOrLatest', () => {
  it('keeps a wanted period with data and otherwise shows the latest', () => {
    expect(periodOrLatest(['2023', '2024'], '2023')).toBe('2023');
    expect(periodOrLatest(['2023', '2024'], '2019')).toBe('2024');
    expect(periodOrLatest([], undefined)).toBeNull();
  });
});

describe('districtRows', () => {
  const districts = [
    { code: 'WK01', name: 'A', level: 'district' as const, parent: 'GM01' },
    { code: 'WK02', name: 'B', level: 'district' as const, parent: 'GM01' },
  ];
  const obs = [
    { indicator: 'x', subject: 'WK01', period: '2023', value: 1.5, numerator: null, denominator: null, n: null, status: 'final' as const },
    { indicator: 'x', subject: 'WK01', period: '2024', value: 2, numerator: null, denominator: null, n: null, status: 'final' as const },
    { indicator: 'x', subject: 'WK02', period: '2024', value: 3, numerator: 3, denominator: null, n: null, status: 'final' as const, suppressed: true },
  ];

  it('lists periods oldest first and picks the values of one period', () => {
    expect(periodsOf(obs)).toEqual(['2023', '2024']);
    const rows = districtRows(districts, obs, '2024', (v) => String(v), 'niet getoond (minder dan 10)');
    expect(rows).toEqual([
      { code: 'WK01', name: 'A', value: 2, display: '2', base: null, small: false },
      { code: 'WK02', name: 'B', value: null, display: 'niet getoond (minder dan 10)', base: null, small: false },
    ]);
  });

  it('carries the base (population or respondents) and marks a small one, never for a hidden figure', () => {
    const withBase = [
      { ...obs[1]!, denominator: 80 },
      { indicator: 'x', subject: 'WK02', period: '2024', value: 12, numerator: null, denominator: null, n: 1500, status: 'final' as const },
    ];
    expect(districtRows(districts, withBase, '2024', String, '–').map((r) => [r.base, r.small])).toEqual([[80, true], [1500, false]]);
    expect(SMALL_BASE).toBe(100);
    expect(districtRows(districts, [{ ...obs[2]!, denominator: 40 }], '2024', String, '–')[1]).toMatchObject({ base: null, small: false });
  });
});

describe('honest ranking, legend and tooltip', () => {
  const rows = [
    { name: 'B', value: 3 }, { name: 'A', value: null }, { name: 'C', value: 9 }, { name: 'D', value: 3 },
  ];
  it('puts the worst areas first: lowest when higher is better, highest otherwise; no value last', () => {
    expect(worstFirst(rows, true).map((r) => r.name)).toEqual(['B', 'D', 'C', 'A']);
    expect(worstFirst(rows, false).map((r) => r.name)).toEqual(['C', 'B', 'D', 'A']);
  });

  it('never writes a legend range as "0 – 0"', () => {
    expect(rangeLabel({ min: 0, max: 0 }, String)).toBe('0');
    expect(rangeLabel({ min: 1.04, max: 1.01 }, (v) => v.toFixed(1))).toBe('1.0');
    expect(rangeLabel({ min: 1, max: 4 }, String)).toBe('1 – 4');
  });

  it('gives the tooltip unit, period and base', () => {
    expect(tooltipText({ name: 'Centrum' }, '12,3', '%, 2024', '1.234 inwoners of respondenten')).toBe('Centrum: 12,3 (%, 2024) · 1.234 inwoners of respondenten');
    expect(tooltipText({ name: '<b>X</b>' }, '1', '', null)).toBe('bX/b: 1');
    const option = buildChoroplethOption('m', [{ code: 'WK01', name: 'A', value: 2, display: '2', base: 50, small: true }], buildClasses([2]), {
      title: 't', noData: '–', unit: '%', period: '2024', base: () => '50 — onzeker',
    }) as { series: { data: { tooltip: { formatter: string } }[] }[] };
    expect(option.series[0]!.data[0]!.tooltip.formatter).toBe('A: 2 (%, 2024) · 50 — onzeker');
  });
});
