import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
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
  template: `<div echarts class="chart" aria-hidden="true" [options]="ready()" [style.height]="height()"></div>`,
  styles: `.chart { width: 100%; }`,
})
export class Chart {
  readonly option = input.required<EChartsCoreOption>();
  readonly height = input('320px');
  /** GeoJSON to register before a map series refers to it by name. */
  readonly map = input<ChartMap | null>(null);

  protected readonly ready = computed(() => {
    const m = this.map();
    // registerMap must run before the option that names the map reaches echarts.
    if (m) echarts.registerMap(m.name, m.geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
    return this.option();
  });
}
