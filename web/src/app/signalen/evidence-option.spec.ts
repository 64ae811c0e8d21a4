import { asEvidence, type Evidence, type SeriesEvidence } from './evidence';
import { buildEvidenceOption, buildEvidenceTable, type EvidenceLabels } from './evidence-option';

const L: EvidenceLabels = {
  subject: 'Gebied', value: 'Waarde', size: 'Omvang', lower: 'Ondergrens', upper: 'Bovengrens', target: 'Gemiddelde',
  highlighted: 'Gesignaleerd', other: 'Overig', period: 'Periode', expected: 'Verwacht', threshold: 'Drempel',
  leader: 'Voorloper', follower: 'Volger', change: 'Verandering', rose: 'Gestegen', yes: 'ja', no: 'nee',
  indicator: 'Indicator', quadrant: 'Kwadrant', z: 'z', peerValue: 'Vergelijkbare gebieden', suppressed: (indicator) => `niet getoond (minder dan ${indicator === 'evictions' ? 10 : 5})`,
};

type Opt = { series: { type: string; name?: string; symbol?: string; data: unknown[] }[]; xAxis: { data?: string[] } };

const series: SeriesEvidence = {
  kind: 'series', indicator: 'evictions', subject: 'WK01', unit: '%',
  baseline: { from: '2019', to: '2022', mean: 1 }, window: { from: '2023', to: '2024' },
  points: [
    { period: '2022', value: 1, suppressed: false },
    { period: '2023', value: null, suppressed: true, expected: 1.1, threshold: 1.5 },
    { period: '2024', value: 2, suppressed: false, expected: 1.1, threshold: 1.5 },
  ],
};

describe('evidence → chart and table', () => {
  it('ignores evidence without a known kind', () => {
    expect(asEvidence(null)).toBeNull();
    expect(asEvidence({ kind: 'other' })).toBeNull();
    expect(asEvidence(series)?.kind).toBe('series');
  });

  it('funnel: limits as lines, the signalled subject as a labelled triangle, suppressed counts in words with the indicator minimum', () => {
    const e: Evidence = {
      kind: 'funnel', indicator: 'youth-care-referrals', period: '2024', from: '2024', unit: '%', target: 10, coverage: 0.998,
      overdispersion: { phi: 1, tau2: 0, adjusted: false },
      points: [
        { subject: 'S1', denominator: 100, value: 30, suppressed: false, highlighted: true },
        { subject: 'S2', denominator: 120, value: 9, suppressed: false, highlighted: false },
        { subject: 'S3', denominator: '< 5', value: null, suppressed: true, highlighted: false },
      ],
      limits: [{ denominator: 50, lower: 0, upper: 22 }, { denominator: 150, lower: 3, upper: 17 }],
    };
    const o = buildEvidenceOption(e, L) as unknown as Opt;
    expect(o.series.map((s) => s.type)).toEqual(['line', 'line', 'line', 'scatter', 'scatter']);
    const hl = o.series[4];
    expect(hl.symbol).toBe('triangle');
    expect(hl.data).toEqual([{ name: 'S1', value: [100, 30] }]);
    expect(o.series[3].data).toHaveLength(1);
    const t = buildEvidenceTable(e, L);
    expect(t.columns).toEqual(['Gebied', 'Omvang', 'Waarde %', 'Gesignaleerd']);
    expect(t.rows[2]).toEqual(['S3', 'niet getoond (minder dan 5)', 'niet getoond (minder dan 5)', 'nee']);
    expect(buildEvidenceTable({ ...e, indicator: 'evictions' }, L).rows[2]![2]).toBe('niet getoond (minder dan 10)');
    expect(t.rows[0][3]).toBe('ja');
  });

  it('series: value, expected and threshold per period; suppressed is a gap', () => {
    const o = buildEvidenceOption(series, L) as unknown as Opt;
    expect(o.xAxis.data).toEqual(['2022', '2023', '2024']);
    expect(o.series.map((s) => s.data)).toEqual([[1, null, 2], [null, 1.1, 1.1], [null, 1.5, 1.5]]);
    expect(buildEvidenceTable(series, L).rows[1]).toEqual(['2023', 'niet getoond (minder dan 10)', '1.1', '1.5']);
  });

  it('leader-follower: two lines on one period axis', () => {
    const e: Evidence = {
      kind: 'leader-follower', subject: 'WK01', lag: 1,
      leader: { ...series, indicator: 'debt-signals' },
      follower: { ...series, indicator: 'evictions', points: [...series.points, { period: '2025', value: 3, suppressed: false }] },
    };
    const o = buildEvidenceOption(e, L) as unknown as Opt;
    expect(o.xAxis.data).toEqual(['2022', '2023', '2024', '2025']);
    expect(o.series.map((s) => s.symbol)).toEqual(['circle', 'triangle']);
    expect(o.series[0].data).toEqual([1, null, 2, null]);
    expect(buildEvidenceTable(e, L).rows).toHaveLength(7);
  });

  it('a decision on a series: a line at the period it takes effect; after the data dotted at the last period, so labelled', () => {
    type Marked = { series: { markLine?: { data: { xAxis: string; name: string; lineStyle?: { type: string } }[] } }[] };
    const marks = { events: [{ date: '2023-06-12', text: 'Besluit: schuldhulp in de wijk' }], afterData: 'na de laatste gegevens' };
    const during = buildEvidenceOption(series, L, marks) as unknown as Marked;
    expect(during.series[0].markLine?.data).toEqual([expect.objectContaining({ xAxis: '2023', name: 'Besluit: schuldhulp in de wijk' })]);
    expect(during.series[0].markLine?.data[0].lineStyle).toBeUndefined();
    const later = buildEvidenceOption(series, L, { ...marks, events: [{ date: '2026-02-01', text: 'Besluit: x' }] }) as unknown as Marked;
    expect(later.series[0].markLine?.data[0]).toMatchObject({ xAxis: '2024', name: 'Besluit: x (na de laatste gegevens)', lineStyle: { type: 'dotted' } });
    // A chain carries it on the follower; charts that are not over periods carry none; no decision, no line.
    const chain = buildEvidenceOption({ kind: 'leader-follower', subject: 'WK01', lag: 1, leader: series, follower: series }, L, marks) as unknown as Marked;
    expect(chain.series[1].markLine?.data).toHaveLength(1);
    expect((buildEvidenceOption(series, L) as unknown as Marked).series[0].markLine).toBeUndefined();
  });

  it('share: a bar per area, risen areas marked in the table with words', () => {
    const e: Evidence = {
      kind: 'share', indicator: 'debt-signals', period: '2024', peerGroup: 'GM01:district', areasTested: 3, areasRose: 2,
      expectedShare: 0.05, share: 0.67, annotations: [],
      areas: [
        { subject: 'A', relativeChange: 0.1, rose: false },
        { subject: 'B', relativeChange: 0.4, rose: true },
        { subject: 'C', relativeChange: null, rose: false },
      ],
    };
    const o = buildEvidenceOption(e, L) as unknown as Opt;
    expect(o.xAxis.data).toEqual(['B', 'A', 'C']);
    expect((o.series[0].data[0] as { value: number }).value).toBe(40);
    expect(buildEvidenceTable(e, L).rows).toEqual([['A', '10', 'nee'], ['B', '40', 'ja'], ['C', '–', 'nee']]);
  });

  it('profile: z per indicator with its quadrant', () => {
    const e: Evidence = {
      kind: 'profile', subject: 'WK01', period: '2024',
      indicators: [
        { indicator: 'debt-signals', quadrant: 'II', z: 3.2, p: 0.001, value: 8, peerValue: 4, suppressed: false, counted: true },
        { indicator: 'loneliness', quadrant: 'I', z: 0.5, p: 0.3, value: null, peerValue: 20, suppressed: true, counted: false },
      ],
    };
    const o = buildEvidenceOption(e, L) as unknown as { yAxis: { data: string[] }; series: { data: { value: number }[] }[] };
    expect(o.yAxis.data).toEqual(['debt-signals (II)', 'loneliness (I)']);
    expect(o.series[0].data.map((d) => d.value)).toEqual([3.2, 0.5]);
    expect(buildEvidenceTable(e, L).rows[1]).toEqual(['loneliness', 'I', 'niet getoond (minder dan 5)', '20', '0.5', 'nee']);
  });
});
