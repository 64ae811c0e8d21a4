import type { Annotation, Observation } from 'contracts';
import { decisionMarks, markLineOf, MARK_ROOM } from '../shared/decision-marks';
import type { EChartsCoreOption } from 'echarts/core';
import type { FunnelData } from './funnel-limits';

export interface RankRow {
  code: string;
  name: string;
  value: number | null;
  display: string;
  /** Population or respondents behind the figure, and whether that base is small (see SMALL_BASE). */
  base?: number | null;
  small?: boolean;
}

/**
 * Worst first: highest first, or lowest first when higher is better ("hoger is beter");
 * areas without a value last, in name order.
 */
export function rankRows<T extends RankRow>(rows: readonly T[], higherIsBetter = false): T[] {
  return [...rows].sort((a, b) =>
    a.value == null && b.value == null
      ? a.name.localeCompare(b.name, 'nl')
      : a.value == null
        ? 1
        : b.value == null
          ? -1
          : (higherIsBetter ? a.value - b.value : b.value - a.value) || a.name.localeCompare(b.name, 'nl'),
  );
}

/** Horizontal bars, worst on top; each bar carries its value as a label. */
export function buildRankingOption(rows: RankRow[], title: string, higherIsBetter = false): EChartsCoreOption {
  const shown = rankRows(rows, higherIsBetter).filter((r) => r.value != null);
  // echarts draws the first category at the bottom; reverse so the highest is on top.
  const ordered = [...shown].reverse();
  return {
    aria: { enabled: true, label: { description: title } },
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { interval: 0 } },
    series: [
      {
        type: 'bar',
        data: ordered.map((r) => r.value),
        itemStyle: { color: '#2166ac' },
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => ordered[p.dataIndex]?.display ?? '' },
      },
    ],
  };
}

export const FUNNEL_SYMBOLS = { 0: 'circle', 95: 'rect', 998: 'triangle' } as const;

/**
 * Rate against size. Points outside the limits differ in symbol (circle / square / triangle) and
 * carry their name as a label, so colour is never the only carrier.
 */
export function buildFunnelOption(
  data: FunnelData,
  labels: { title: string; x: string; y: string; target: string; l95: string; l998: string; inside: string; out95: string; out998: string },
): EChartsCoreOption {
  const line = (name: string, key: 'lower95' | 'upper95' | 'lower998' | 'upper998', type: 'dashed' | 'solid') => ({
    type: 'line',
    name,
    data: data.limits.map((l) => [l.denominator, l[key]]),
    showSymbol: false,
    lineStyle: { type, width: 1.5, color: type === 'dashed' ? '#6b7685' : '#1b1f24' },
    itemStyle: { color: type === 'dashed' ? '#6b7685' : '#1b1f24' },
    silent: true,
    tooltip: { show: false },
  });
  const group = (outside: 0 | 95 | 998, name: string, color: string) => ({
    type: 'scatter',
    name,
    symbol: FUNNEL_SYMBOLS[outside],
    symbolSize: outside === 0 ? 8 : 12,
    itemStyle: { color, borderColor: '#1b1f24', borderWidth: outside === 0 ? 0 : 1 },
    data: data.points
      .filter((p) => p.outside === outside)
      .map((p) => ({ value: [p.denominator, p.value], name: p.name })),
    label: { show: outside !== 0, position: 'right', formatter: '{b}', color: '#1b1f24' },
    tooltip: { formatter: (p: { name: string; value: number[] }) => `${p.name}: ${p.value[1]} (n = ${p.value[0]})` },
  });
  const minX = data.limits[0]?.denominator ?? 0;
  const maxX = data.limits[data.limits.length - 1]?.denominator ?? 1;
  return {
    aria: { enabled: true, label: { description: labels.title } },
    animation: false,
    legend: { bottom: 0 },
    grid: { left: 8, right: 80, top: 16, bottom: 48, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: labels.x, nameLocation: 'middle', nameGap: 28, min: Math.floor(minX), max: Math.ceil(maxX) },
    yAxis: { type: 'value', name: labels.y, scale: true },
    series: [
      {
        ...line(labels.target, 'lower95', 'solid'),
        data: [[minX, data.target], [maxX, data.target]],
        lineStyle: { type: 'dotted', width: 2, color: '#1d3557' },
        itemStyle: { color: '#1d3557' },
      },
      line(labels.l95, 'upper95', 'dashed'),
      { ...line(labels.l95, 'lower95', 'dashed') },
      line(labels.l998, 'upper998', 'solid'),
      { ...line(labels.l998, 'lower998', 'solid') },
      group(0, labels.inside, '#4292c6'),
      group(95, labels.out95, '#e08214'),
      group(998, labels.out998, '#a4161a'),
    ],
  };
}

export { annotationPeriod, periodEnd, placeAnnotation } from '../shared/decision-marks';

export interface SeriesLine {
  code: string;
  name: string;
}

/**
 * One line per chosen area over all periods, with annotations (policy decisions) as vertical
 * lines at the period they take effect; one later than the data is drawn dotted at the last
 * period with `afterData` ("na de laatste gegevens") added to its label.
 */
export function buildSeriesOption(
  observations: Observation[],
  areas: SeriesLine[],
  annotations: { date: string; text: string }[],
  title: string,
  labels: { afterData: string } = { afterData: 'na de laatste gegevens' },
): EChartsCoreOption {
  const periods = [...new Set(observations.map((o) => o.period))].sort();
  const byKey = new Map(observations.map((o) => [`${o.subject}|${o.period}`, o]));
  const marks = decisionMarks(annotations, periods, labels.afterData);
  const symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];
  return {
    aria: { enabled: true, label: { description: title } },
    animation: false,
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: marks.length ? MARK_ROOM : 32, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: areas.map((a, i) => ({
      type: 'line',
      name: a.name,
      // Distinct symbols per line so lines can be told apart without colour.
      symbol: symbols[i % symbols.length],
      symbolSize: 8,
      connectNulls: false,
      data: periods.map((p) => {
        const o = byKey.get(`${a.code}|${p}`);
        return o && !o.suppressed ? o.value : null;
      }),
      ...(i === 0 ? markLineOf(marks) : {}),
    })),
  };
}

export function annotationText(a: Annotation, lang: 'nl' | 'en'): string {
  return typeof a.text === 'string' ? a.text : a.text[lang];
}
