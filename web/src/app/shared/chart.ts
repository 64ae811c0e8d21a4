import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import type { FeatureCollection } from '../areas/geojson';
import { echarts } from './echarts-setup';

export interface ChartMap {
  name: string;
  geoJson: FeatureCollection;
}

/**
 * The only place echarts is touched. Use it inside `@defer` so echarts stays out of the
 * initial bundle. The canvas is hidden from assistive tech: every chart has a table next to it.
 */
@Component({
  selector: 'app-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div
    echarts
    class="chart"
    aria-hidden="true"
    [options]="ready()"
    [initOpts]="initOpts()"
    [style.height]="height()"
    (chartInit)="chartInit.emit($event)"
    (chartClick)="clicked($event)"
  ></div>`,
  styles: `.chart { width: 100%; }`,
})
export class Chart {
  readonly option = input.required<EChartsCoreOption>();
  readonly height = input('320px');
  /** 'svg' for print pages; canvas otherwise. */
  readonly renderer = input<'canvas' | 'svg'>('canvas');
  /** GeoJSON to register before a map series refers to it by name. */
  readonly map = input<ChartMap | null>(null);
  /** The echarts instance, e.g. for a PNG export with `getDataURL`. */
  readonly chartInit = output<ECharts>();
  /** A click on a data item (a map area, a bar): echarts' event with the item's `name` and `data`. */
  readonly chartClick = output<{ name: string | null }>();

  protected clicked(event: { name?: unknown; data?: unknown }): void {
    const data = event.data && typeof event.data === 'object' ? (event.data as { name?: unknown }) : null;
    const name = typeof data?.name === 'string' ? data.name : typeof event.name === 'string' ? event.name : null;
    this.chartClick.emit({ name });
  }

  protected readonly initOpts = computed(() => ({ renderer: this.renderer() }));
  protected readonly ready = computed(() => {
    const m = this.map();
    // registerMap must run before the option that names the map reaches echarts.
    if (m) echarts.registerMap(m.name, m.geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
    return this.option();
  });
}
