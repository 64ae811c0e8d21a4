import type { EChartsCoreOption } from 'echarts/core';
import { decisionMarks, markLineOf, MARK_ROOM, type DatedMark } from '../shared/decision-marks';
import type { Evidence, FunnelEvidence, LeaderFollowerEvidence, ProfileEvidence, SeriesEvidence, ShareEvidence } from './evidence';

/** Words the charts and tables need, in the user's language. */
export interface EvidenceLabels {
  subject: string;
  value: string;
  size: string;
  lower: string;
  upper: string;
  target: string;
  highlighted: string;
  other: string;
  period: string;
  expected: string;
  threshold: string;
  leader: string;
  follower: string;
  change: string;
  rose: string;
  yes: string;
  no: string;
  indicator: string;
  quadrant: string;
  z: string;
  peerValue: string;
  /** "niet getoond (minder dan N)" with N the indicator's own minimum. */
  suppressed: (indicator: string) => string;
  /** An area's or indicator's name for its code (evidence carries codes); the code when absent. */
  name?: (code: string) => string;
}

const nm = (l: EvidenceLabels, code: string): string => (l.name ? l.name(code) : code);

export interface EvidenceTable {
  columns: string[];
  rows: string[][];
}

type Fmt = (value: number | null | undefined) => string;
const plain: Fmt = (v) => (v == null || Number.isNaN(v) ? '–' : String(Math.round(v * 100) / 100));
const shown = (v: number | null, suppressed: boolean, indicator: string, l: EvidenceLabels, fmt: Fmt) => (suppressed ? l.suppressed(indicator) : fmt(v));

function funnelOption(e: FunnelEvidence, l: EvidenceLabels): EChartsCoreOption {
  const pts = e.points.filter((p) => !p.suppressed && p.value != null && typeof p.denominator === 'number');
  const limit = (key: 'lower' | 'upper', name: string) => ({
    type: 'line', name, showSymbol: false, silent: true,
    data: e.limits.map((x) => [x.denominator, x[key]]),
    lineStyle: { color: '#1b1f24', width: 1.5 }, itemStyle: { color: '#1b1f24' },
  });
  const scatter = (highlighted: boolean) => ({
    type: 'scatter',
    name: highlighted ? l.highlighted : l.other,
    // The signalled subject is a larger triangle with its name: not colour alone.
    symbol: highlighted ? 'triangle' : 'circle',
    symbolSize: highlighted ? 16 : 8,
    itemStyle: { color: highlighted ? '#a4161a' : '#4292c6', borderColor: '#1b1f24', borderWidth: highlighted ? 1 : 0 },
    label: { show: highlighted, position: 'right', formatter: '{b}', color: '#1b1f24' },
    data: pts.filter((p) => p.highlighted === highlighted).map((p) => ({ name: nm(l, p.subject), value: [p.denominator, p.value] })),
  });
  const xs = e.limits.map((x) => x.denominator);
  return {
    animation: false,
    legend: { bottom: 0 },
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 80, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'value', name: l.size, nameLocation: 'middle', nameGap: 28, min: Math.floor(Math.min(...xs, Infinity) || 0) },
    yAxis: { type: 'value', name: `${l.value} ${e.unit}`.trim(), scale: true },
    series: [
      { type: 'line', name: l.target, showSymbol: false, silent: true, lineStyle: { type: 'dotted', color: '#1d3557', width: 2 },
        itemStyle: { color: '#1d3557' }, data: xs.length ? [[xs[0], e.target], [xs[xs.length - 1], e.target]] : [] },
      limit('upper', l.upper),
      limit('lower', l.lower),
      scatter(false),
      scatter(true),
    ],
  };
}

function seriesLines(e: SeriesEvidence, name: string, index: number) {
  return {
    type: 'line', name, symbol: index === 0 ? 'circle' : 'rect', symbolSize: 8, connectNulls: false,
    data: e.points.map((p) => (p.suppressed ? null : p.value)),
  };
}

function seriesOption(e: SeriesEvidence, l: EvidenceLabels, marks: EvidenceMarks | null): EChartsCoreOption {
  const lines = marks ? decisionMarks(marks.events, e.points.map((p) => p.period), marks.afterData) : [];
  return {
    animation: false,
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: lines.length ? MARK_ROOM : 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: e.points.map((p) => p.period), boundaryGap: false },
    yAxis: { type: 'value', name: e.unit, scale: true },
    series: [
      { ...seriesLines(e, l.value, 0), lineStyle: { width: 2.5, color: '#1d3557' }, itemStyle: { color: '#1d3557' }, ...markLineOf(lines) },
      { type: 'line', name: l.expected, showSymbol: false, lineStyle: { type: 'dashed', color: '#4a5563' }, itemStyle: { color: '#4a5563' },
        data: e.points.map((p) => p.expected ?? null) },
      { type: 'line', name: l.threshold, showSymbol: false, lineStyle: { type: 'dotted', width: 2, color: '#a4161a' }, itemStyle: { color: '#a4161a' },
        data: e.points.map((p) => p.threshold ?? null) },
    ],
  };
}

function leaderFollowerOption(e: LeaderFollowerEvidence, l: EvidenceLabels, marks: EvidenceMarks | null): EChartsCoreOption {
  const periods = [...new Set([...e.leader.points, ...e.follower.points].map((p) => p.period))].sort();
  const lines = marks ? decisionMarks(marks.events, periods, marks.afterData) : [];
  const on = (s: SeriesEvidence) => periods.map((period) => {
    const p = s.points.find((x) => x.period === period);
    return p && !p.suppressed ? p.value : null;
  });
  return {
    animation: false,
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: lines.length ? MARK_ROOM : 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: [
      { type: 'value', name: `${nm(l, e.leader.indicator)} ${e.leader.unit}`.trim(), scale: true },
      { type: 'value', name: `${nm(l, e.follower.indicator)} ${e.follower.unit}`.trim(), scale: true },
    ],
    series: [
      { type: 'line', name: `${l.leader}: ${nm(l, e.leader.indicator)}`, symbol: 'circle', symbolSize: 8, yAxisIndex: 0, data: on(e.leader),
        lineStyle: { color: '#1d3557', width: 2.5 }, itemStyle: { color: '#1d3557' } },
      { type: 'line', name: `${l.follower}: ${nm(l, e.follower.indicator)}`, symbol: 'triangle', symbolSize: 9, yAxisIndex: 1, data: on(e.follower),
        lineStyle: { color: '#a4161a', type: 'dashed', width: 2.5 }, itemStyle: { color: '#a4161a' }, ...markLineOf(lines) },
    ],
  };
}

function shareOption(e: ShareEvidence, l: EvidenceLabels): EChartsCoreOption {
  const areas = [...e.areas].sort((a, b) => (b.relativeChange ?? -Infinity) - (a.relativeChange ?? -Infinity));
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: areas.map((a) => nm(l, a.subject)), axisLabel: { rotate: 60, interval: 0 } },
    yAxis: { type: 'value', name: `${l.change} %` },
    series: [
      {
        type: 'bar',
        data: areas.map((a) => ({
          value: a.relativeChange == null ? null : Math.round(a.relativeChange * 1000) / 10,
          // Risen areas are dark and hatched-by-border; the table says "yes/no" as well.
          itemStyle: a.rose ? { color: '#a4161a', borderColor: '#1b1f24', borderWidth: 2 } : { color: '#9ecae1' },
          label: { show: a.rose, position: 'top', formatter: '▲' },
        })),
      },
    ],
  };
}

function profileOption(e: ProfileEvidence, l: EvidenceLabels): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: l.z },
    yAxis: { type: 'category', data: e.indicators.map((i) => `${nm(l, i.indicator)} (${i.quadrant})`) },
    series: [
      {
        type: 'bar',
        data: e.indicators.map((i) => ({
          value: Math.round(i.z * 100) / 100,
          itemStyle: i.counted ? { color: '#a4161a', borderColor: '#1b1f24', borderWidth: 2 } : { color: '#9ecae1' },
        })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** Decisions to draw on a chart over periods (the brief: the agenda item's decision at its meeting's date). */
export interface EvidenceMarks {
  events: DatedMark[];
  /** "na de laatste gegevens" in the reader's language. */
  afterData: string;
}

/**
 * The chart for a signal's evidence, one builder per kind. Charts over periods (a series, a chain)
 * carry the decisions in `marks` as vertical lines at the period they take effect.
 */
export function buildEvidenceOption(e: Evidence, l: EvidenceLabels, marks: EvidenceMarks | null = null): EChartsCoreOption {
  switch (e.kind) {
    case 'funnel': return funnelOption(e, l);
    case 'series': return seriesOption(e, l, marks);
    case 'leader-follower': return leaderFollowerOption(e, l, marks);
    case 'share': return shareOption(e, l);
    case 'profile': return profileOption(e, l);
  }
}

function seriesRows(e: SeriesEvidence, l: EvidenceLabels, fmt: Fmt, prefix: string[] = []): string[][] {
  return e.points.map((p) => [...prefix, p.period, shown(p.value, p.suppressed, e.indicator, l, fmt), fmt(p.expected), fmt(p.threshold)]);
}

/** The same evidence as a table: the accessible alternative to the chart. */
export function buildEvidenceTable(e: Evidence, l: EvidenceLabels, fmt: Fmt = plain): EvidenceTable {
  switch (e.kind) {
    case 'funnel':
      return {
        columns: [l.subject, l.size, `${l.value} ${e.unit}`.trim(), l.highlighted],
        rows: e.points.map((p) => [
          nm(l, p.subject),
          typeof p.denominator === 'number' ? fmt(p.denominator) : p.denominator == null ? '–' : l.suppressed(e.indicator),
          shown(p.value, p.suppressed, e.indicator, l, fmt),
          p.highlighted ? l.yes : l.no,
        ]),
      };
    case 'series':
      return { columns: [l.period, `${l.value} ${e.unit}`.trim(), l.expected, l.threshold], rows: seriesRows(e, l, fmt) };
    case 'leader-follower':
      return {
        columns: [l.indicator, l.period, l.value, l.expected, l.threshold],
        rows: [
          ...seriesRows(e.leader, l, fmt, [`${l.leader}: ${nm(l, e.leader.indicator)}`]),
          ...seriesRows(e.follower, l, fmt, [`${l.follower}: ${nm(l, e.follower.indicator)}`]),
        ],
      };
    case 'share':
      return {
        columns: [l.subject, `${l.change} %`, l.rose],
        rows: e.areas.map((a) => [nm(l, a.subject), a.relativeChange == null ? '–' : fmt(a.relativeChange * 100), a.rose ? l.yes : l.no]),
      };
    case 'profile':
      return {
        columns: [l.indicator, l.quadrant, l.value, l.peerValue, l.z, l.highlighted],
        rows: e.indicators.map((i) => [
          nm(l, i.indicator),
          i.quadrant,
          shown(i.value, i.suppressed, i.indicator, l, fmt),
          fmt(i.peerValue),
          fmt(i.z),
          i.counted ? l.yes : l.no,
        ]),
      };
  }
}
