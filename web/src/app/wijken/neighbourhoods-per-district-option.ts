import type { EChartsCoreOption } from 'echarts/core';

export interface DistrictCount {
  name: string;
  count: number;
}

/**
 * Horizontal bars (district names are long), first district on top. Pure: no echarts import,
 * so it is tested without a canvas.
 */
export function buildNeighbourhoodsPerDistrictOption(
  rows: DistrictCount[],
  labels: { title: string; axis: string },
): EChartsCoreOption {
  const ordered = [...rows].reverse();
  return {
    aria: { enabled: true, label: { description: labels.title } },
    animation: false,
    grid: { left: 8, right: 40, top: 16, bottom: 32, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: labels.axis, nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: labels.axis,
        data: ordered.map((r) => r.count),
        itemStyle: { color: '#1d3557' },
        label: { show: true, position: 'right', color: '#1b1f24' },
      },
    ],
  };
}

/** Room for every bar label: about 24px per district. */
export function chartHeightFor(rowCount: number): string {
  return `${Math.max(160, rowCount * 24 + 64)}px`;
}
