import type { EChartsCoreOption } from 'echarts/core';

/** A tiny line without axes; gaps stay gaps (suppressed or missing periods). */
export function buildSparklineOption(series: { period: string; value: number | null }[]): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: series.map((p) => p.period), boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    tooltip: { show: false },
    series: [
      {
        type: 'line',
        data: series.map((p) => p.value),
        connectNulls: false,
        symbol: 'none',
        lineStyle: { width: 2, color: '#1d3557' },
      },
    ],
  };
}
