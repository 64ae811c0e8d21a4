import type { EChartsCoreOption } from 'echarts/core';

/**
 * The one PNG export of the web app (issue 15, report-ready outputs). A chart on screen is sized for
 * the screen (390 px on a phone) and carries its title in the page's heading; a PNG travels alone,
 * into a report or a slide. So the export renders the page's own option again, off screen, at a
 * fixed report size, with the title, the area, the period, the unit and the source (CC BY: "Bron:
 * CBS") drawn into the image, and with room around the plot so no axis or label is clipped.
 */
export interface PngExportLabels {
  /** The chart's title, e.g. "Schulden­signalen, 2024-Q4". */
  title: string;
  /** Area, period and unit on one line below the title, e.g. "Rotterdam · 2024-Q4 · %". */
  subtitle: string;
  /** The attribution line, e.g. "Bron: CBS"; null when the source is unknown. */
  source: string | null;
}

export interface PngSize {
  width: number;
  height: number;
}

/** Room above the plot for title and subtitle, and below it for the source line. */
export const EXPORT_HEADER = 84;
export const EXPORT_FOOTER = 36;
const MARGIN = 24;
const INK = '#1b1f24';
const MUTED = '#3d4752';

/** The default export size: wide enough that category labels sit side by side. */
export const EXPORT_SIZE: PngSize = { width: 1200, height: 720 };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const px = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const each = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);

/** "Rotterdam · 2024-Q4 · %": the parts that are known, in this order. */
export function exportSubtitle(parts: { area?: string | null; period?: string | null; unit?: string | null }): string {
  return [parts.area, parts.period, parts.unit].filter((p): p is string => !!p && !!p.trim()).join(' · ');
}

/**
 * The attribution an indicator's source asks for. A licence that names its own credit line
 * ("CC BY 4.0 — Bron: CBS") gives it; else a source that names CBS gives "CBS" (CC BY 4.0 requires
 * the credit); else the source as recorded. `prefix` is the reader's "Bron"/"Source".
 */
export function sourceCredit(indicator: { source?: string | null; licence?: string | null } | null | undefined, prefix: string): string | null {
  const licence = indicator?.licence ?? '';
  const own = /\bBron:\s*([^;—]+)/.exec(licence);
  if (own) return `${prefix}: ${own[1].trim()}`;
  const source = indicator?.source?.trim();
  if (!source) return null;
  if (/\bCBS\b/.test(source) || /\bCBS\b/.test(licence)) return `${prefix}: CBS`;
  return `${prefix}: ${source}`;
}

/**
 * The page's option with the export's texts and margins. Grids and map series move inside the
 * header and footer; axis labels are contained in the grid; overlapping data labels are hidden
 * rather than drawn over each other; bottom legends sit above the source line.
 */
export function composeExportOption(option: EChartsCoreOption, labels: PngExportLabels, size: PngSize = EXPORT_SIZE): EChartsCoreOption {
  const o = option as Obj;
  const title = [
    {
      text: labels.title,
      subtext: labels.subtitle,
      left: MARGIN,
      top: 16,
      itemGap: 14,
      textStyle: { fontSize: 20, fontWeight: 'bold', color: INK, width: size.width - 2 * MARGIN, overflow: 'truncate' },
      subtextStyle: { fontSize: 14, color: MUTED, width: size.width - 2 * MARGIN, overflow: 'truncate' },
    },
    ...(labels.source ? [{ text: labels.source, left: MARGIN, bottom: 10, textStyle: { fontSize: 12, fontWeight: 'normal', color: MUTED } }] : []),
  ];
  const legends = each(o['legend']);
  const yNamed = each(o['yAxis']).some((a) => typeof a['name'] === 'string' && a['name']);
  const grids = each(o['grid']);
  const grid = (grids.length ? grids : o['xAxis'] ? [{}] : []).map((g) => ({
    ...g,
    left: Math.max(px(g['left'], MARGIN), MARGIN),
    right: Math.max(px(g['right'], MARGIN), MARGIN + 24),
    top: EXPORT_HEADER + px(g['top'], 8) + (yNamed ? 16 : 0),
    // Everything anchored at the bottom (legend, x-axis name) moves up by the footer together.
    bottom: EXPORT_FOOTER + px(g['bottom'], 8),
    containLabel: true,
  }));
  const series = each(o['series']).map((s) =>
    s['type'] === 'map'
      ? { ...s, top: EXPORT_HEADER + 8, bottom: EXPORT_FOOTER + 8, left: MARGIN, right: MARGIN, roam: false }
      : s['type'] === 'scatter' || s['type'] === 'bar'
        ? { ...s, labelLayout: { hideOverlap: true } }
        : s,
  );
  return {
    ...o,
    animation: false,
    backgroundColor: '#ffffff',
    title,
    ...(grid.length ? { grid } : {}),
    ...(legends.length ? { legend: legends.map((l) => (l['bottom'] !== undefined ? { ...l, bottom: EXPORT_FOOTER + px(l['bottom'], 0) } : { ...l, top: EXPORT_HEADER - 4 })) } : {}),
    series,
    // A tooltip has no place in an image.
    tooltip: { show: false },
  };
}

/** A PNG data URL of the composed option, rendered off screen (echarts loads on demand). */
export async function renderExportPng(option: EChartsCoreOption, labels: PngExportLabels, size: PngSize = EXPORT_SIZE): Promise<string> {
  const { echarts } = await import('./echarts-setup');
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-${size.width + 100}px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.appendChild(host);
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width: size.width, height: size.height });
  try {
    chart.setOption(composeExportOption(option, labels, size));
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
    host.remove();
  }
}
