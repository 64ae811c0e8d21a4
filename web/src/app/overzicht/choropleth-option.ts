import type { EChartsCoreOption } from 'echarts/core';

export interface ChoroplethRow {
  code: string;
  name: string;
  value: number | null;
  /** The figure as shown to this user (may be "niet getoond (minder dan N)" when suppressed). */
  display: string;
  /** Population or respondents behind the figure, when known and not hidden. */
  base?: number | null;
  /** True when the base is so small that the figure swings by chance. */
  small?: boolean;
}

/** A class's range in words: one value once ("0", not "0 – 0"). */
export function rangeLabel(c: Pick<ColourClass, 'min' | 'max'>, format: (v: number) => string): string {
  const lo = format(c.min);
  const hi = format(c.max);
  return lo === hi ? lo : `${lo} – ${hi}`;
}

export interface ColourClass {
  index: number;
  min: number;
  max: number;
  color: string;
  /** Text colour with enough contrast on `color`. */
  ink: string;
}

/** Sequential, colour-blind-safe blues, light to dark. */
export const CLASS_COLOURS = ['#deebf7', '#9ecae1', '#4292c6', '#2166ac', '#08306b'];
const CLASS_INK = ['#1b1f24', '#1b1f24', '#ffffff', '#ffffff', '#ffffff'];
export const NO_DATA_COLOUR = '#eeeeee';

/** Up to `k` quantile classes over the values; fewer when values repeat. */
export function buildClasses(values: number[], k = CLASS_COLOURS.length): ColourClass[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  // Upper bounds of the classes: the k quantiles, without repeats. Class 1 starts at the minimum.
  const uppers: number[] = [];
  for (let i = 1; i <= k; i++) {
    const q = sorted[Math.min(sorted.length - 1, Math.ceil((i / k) * sorted.length) - 1)];
    if (uppers.length === 0 || q > uppers[uppers.length - 1]) uppers.push(q);
  }
  const count = uppers.length;
  // Spread the palette so 2 or 3 classes still run from light to dark.
  const colourIndex = (i: number) => (count === 1 ? 2 : Math.round((i * (CLASS_COLOURS.length - 1)) / (count - 1)));
  return Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    min: i === 0 ? sorted[0] : uppers[i - 1],
    max: uppers[i],
    color: CLASS_COLOURS[colourIndex(i)],
    ink: CLASS_INK[colourIndex(i)],
  }));
}

export function classOf(value: number | null, classes: ColourClass[]): ColourClass | null {
  if (value == null || classes.length === 0) return null;
  return classes.find((c) => value <= c.max) ?? classes[classes.length - 1];
}

/** Up to this many areas the map labels each with its name and value; above it, with its class number. */
export const FULL_LABEL_LIMIT = 12;

/**
 * A map series coloured per class. Each area carries a label — name and value for a few areas,
 * the class number (as in the legend) for many — so the map can be read without telling colours
 * apart; the page adds a text legend and a table.
 */
export function buildChoroplethOption(
  mapName: string,
  rows: ChoroplethRow[],
  classes: ColourClass[],
  labels: { title: string; noData: string; unit?: string; period?: string; base?: (row: ChoroplethRow) => string | null },
): EChartsCoreOption {
  // Tooltips carry the unit and the period, and the base (marked when small) where it is known.
  const context = [labels.unit, labels.period].filter((x): x is string => !!x).join(', ');
  return {
    aria: { enabled: true, label: { description: labels.title } },
    animation: false,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'code',
        roam: true,
        selectedMode: false,
        itemStyle: { areaColor: NO_DATA_COLOUR, borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: '#f1c453' }, label: { color: '#1b1f24' } },
        label: { show: true, fontSize: 11, lineHeight: 14 },
        data: rows.map((row) => {
          const cls = classOf(row.value, classes);
          const text = cls ? row.display : labels.noData;
          const label = rows.length <= FULL_LABEL_LIMIT ? `${row.name}\n${text}` : cls ? String(cls.index) : '–';
          return {
            name: row.code,
            value: row.value,
            itemStyle: { areaColor: cls?.color ?? NO_DATA_COLOUR },
            label: { show: true, formatter: label, color: cls?.ink ?? '#1b1f24' },
            tooltip: { formatter: tooltipText(row, text, context, labels.base?.(row) ?? null) },
          };
        }),
      },
    ],
  };
}

/** "Centrum: 12,3 (%, 2024) · 1.234 inwoners" — plain text (echarts escapes nothing here). */
export function tooltipText(row: Pick<ChoroplethRow, 'name'>, text: string, context: string, base: string | null): string {
  const safe = (v: string) => v.replace(/[<>&]/g, '');
  return `${safe(row.name)}: ${safe(text)}${context ? ` (${safe(context)})` : ''}${base ? ` · ${safe(base)}` : ''}`;
}
