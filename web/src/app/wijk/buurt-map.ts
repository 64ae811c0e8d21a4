import './wijk-messages';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { AreaSummary, Indicator, Observation } from 'contracts';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { AreasApi } from '../areas/areas-api';
import type { FeatureCollection } from '../areas/geojson';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { IndicatorsApi } from '../indicators/indicators-api';
import { Chart, type ChartMap } from '../shared/chart';
import { buildChoroplethOption, buildClasses, classOf, rangeLabel, type ChoroplethRow } from '../overzicht/choropleth-option';
import { districtRows, periodsOf, worstFirst } from '../overzicht/district-values';

interface BuurtMapData {
  buurten: AreaSummary[];
  boundaries: FeatureCollection;
  indicators: Indicator[];
}

/**
 * The buurt map of a wijk page (issue 15): the buurten of the wijk (on a buurt page: of its wijk,
 * this buurt outlined), coloured by an indicator with buurt figures, with a legend, a table
 * alternative and tooltips with unit and period. Shown only where buurt boundaries are loaded.
 */
@Component({
  selector: 'app-buurt-map',
  imports: [Chart, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (base(); as b) {
      <section class="card buurt-map" aria-labelledby="buurt-map-heading" data-testid="buurt-map">
        <h2 id="buurt-map-heading">{{ tl('bmap.heading', { name: wijkName() }) }}</h2>
        @if (b.indicators.length) {
          <label for="buurt-map-indicator">{{ tl('bmap.indicator') }}</label>
          <select id="buurt-map-indicator" #ind (change)="chosen.set(ind.value)">
            @for (i of b.indicators; track i.code) {
              <option [value]="i.code" [selected]="i.code === indicatorCode()">{{ text(i.name) }}</option>
            }
          </select>
        } @else {
          <p class="hint">{{ tl('bmap.noFigures') }}</p>
        }
        <p class="visually-hidden">{{ tl('bmap.label', { name: wijkName() }) }}</p>
        <div class="map-layout">
          @defer (on idle) {
            <app-chart [option]="option()" [map]="chartMap()" height="360px" (chartClick)="open($event)" />
          } @placeholder {
            <p class="state">{{ tl('chart.loading') }}</p>
          }
          @if (classes().length) {
            <ul class="legend plain" [attr.aria-label]="tl('overzicht.legend')">
              @for (c of classes(); track c.index) {
                <li><span class="swatch" [style.background]="c.color" [style.color]="c.ink" aria-hidden="true">{{ c.index }}</span>
                  {{ tl('col.class') }} {{ c.index }}: {{ range(c) }}</li>
              }
              <li><span class="swatch nodata" aria-hidden="true">–</span> {{ tl('overzicht.noData') }}</li>
            </ul>
          }
        </div>
        <button type="button" [attr.aria-expanded]="showTable()" aria-controls="buurt-map-table" (click)="showTable.set(!showTable())">
          {{ tl(showTable() ? 'chart.hideTable' : 'chart.showTable') }}
        </button>
        <div id="buurt-map-table" class="scroll" [hidden]="!showTable()">
          <table data-testid="buurt-map-table">
            <caption>{{ title() }}</caption>
            <thead>
              <tr><th scope="col">{{ tl('ovz.col.neighbourhood') }}</th><th scope="col" class="num">{{ tl('col.value') }}</th><th scope="col" class="num">{{ tl('ux.baseCol') }}</th></tr>
            </thead>
            <tbody>
              @for (r of rows(); track r.code) {
                <tr>
                  <th scope="row">
                    @if (r.code === current()) { <strong>{{ r.name }}</strong> } @else { <a [routerLink]="['/wijk', r.code]">{{ r.name }}</a> }
                  </th>
                  <td class="num">{{ r.display }}</td>
                  <td class="num">{{ r.base == null ? '–' : num(r.base) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    }
  `,
  styles: [
    `.buurt-map { margin-top: 1.5rem; }
     .map-layout { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 1rem; align-items: start; }
     @media (max-width: 700px) { .map-layout { grid-template-columns: minmax(0, 1fr); } }
     .legend { list-style: none; padding: 0; margin: 0; }
     .legend li { margin: 0.2rem 0; }
     .swatch { display: inline-block; min-width: 1.5rem; text-align: center; border: 1px solid #6b7280; font-size: 0.8rem; }
     .swatch.nodata { background: #eeeeee; color: #1b1f24; }`,
  ],
})
export class BuurtMap {
  private readonly areas = inject(AreasApi);
  private readonly indicatorsApi = inject(IndicatorsApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  /** The wijk whose buurten are drawn. */
  readonly wijk = input.required<string>();
  readonly wijkName = input<string>('');
  /** The buurt of the page, outlined on the map (null on a wijk page). */
  readonly current = input<string | null>(null);

  protected readonly chosen = signal<string | null>(null);
  protected readonly showTable = signal(false);

  /** Buurten, their boundaries and the indicators with buurt figures; null where no buurt boundary is loaded. */
  protected readonly base = toSignal(
    toObservable(this.wijk).pipe(
      switchMap((wijk) =>
        this.areas.boundaries(wijk).pipe(
          switchMap((boundaries) =>
            boundaries.features.some((f) => String(f.properties.code).startsWith('BU'))
              ? combineLatest([this.areas.children(wijk), this.indicatorsApi.withDataIn(wijk, 'neighbourhood').pipe(catchError(() => of([])))]).pipe(
                  map(([buurten, indicators]): BuurtMapData => ({ buurten, boundaries, indicators: indicators.filter((i) => i.subjectKind === 'area') })),
                )
              : of(null),
          ),
          catchError(() => of(null)),
        ),
      ),
    ),
    { initialValue: null },
  );

  protected readonly indicatorCode = computed(() => this.chosen() ?? this.base()?.indicators[0]?.code ?? null);
  private readonly meta = computed(() => this.base()?.indicators.find((i) => i.code === this.indicatorCode()) ?? null);
  private readonly observations = toSignal(
    toObservable(computed(() => ({ wijk: this.wijk(), indicator: this.indicatorCode() }))).pipe(
      switchMap(({ wijk, indicator }) =>
        indicator ? this.indicatorsApi.observations({ indicator, area: wijk, level: 'neighbourhood' }).pipe(catchError(() => of<Observation[]>([]))) : of<Observation[]>([]),
      ),
    ),
    { initialValue: [] as Observation[] },
  );
  protected readonly period = computed(() => periodsOf(this.observations()).at(-1) ?? null);
  protected readonly rows = computed((): ChoroplethRow[] => {
    const b = this.base();
    if (!b) return [];
    const rows = districtRows(b.buurten, this.observations(), this.period(), (v) => this.i18n.number(v), this.i18n.t('ux.suppressed', { n: this.meta()?.minCount ?? 5 }));
    return worstFirst(rows, this.meta()?.polarity === 'higher-is-better');
  });
  protected readonly classes = computed(() => buildClasses(this.rows().flatMap((r) => (r.value == null ? [] : [r.value]))));
  protected readonly title = computed(() =>
    this.tl('bmap.title', { indicator: this.meta() ? this.text(this.meta()!.name) : this.tl('overzicht.noData'), name: this.wijkName(), period: this.period() ?? '–' }),
  );
  protected readonly chartMap = computed<ChartMap | null>(() => {
    const b = this.base();
    return b ? { name: `buurten-${this.wijk()}`, geoJson: b.boundaries } : null;
  });
  private readonly unit = computed(() => {
    const ind = this.meta();
    if (!ind) return undefined;
    if (ind.measure === 'proportion') return '%';
    if (ind.measure === 'rate') return this.i18n.t('ux.perPopulation', { per: this.i18n.number(ind.per ?? 1000, 0) });
    return this.i18n.t(ind.measure === 'mean' ? 'ux.measure.mean' : 'ux.measure.count');
  });
  protected readonly option = computed(() => {
    const option = buildChoroplethOption(this.chartMap()?.name ?? '', this.rows(), this.classes(), {
      title: this.title(),
      noData: this.tl('overzicht.noData'),
      unit: this.unit(),
      period: this.period() ?? undefined,
      base: (row) => (row.base == null ? null : `${this.i18n.t('ux.base', { n: this.i18n.number(row.base, 0) })}${row.small ? ` — ${this.i18n.t('ux.smallBase')}` : ''}`),
    }) as { series: { data: { name: string; itemStyle: Record<string, unknown> }[] }[] };
    // The page's own buurt is outlined.
    for (const d of option.series[0]?.data ?? []) if (d.name === this.current()) d.itemStyle = { ...d.itemStyle, borderColor: '#1b1f24', borderWidth: 3 };
    return option;
  });

  protected tl(key: string, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }
  protected text(name: Indicator['name']): string {
    return this.i18n.text(name);
  }
  protected num(v: number): string {
    return this.i18n.number(v, 0);
  }
  protected range(c: { min: number; max: number }): string {
    return rangeLabel(c, (v) => this.i18n.number(v));
  }
  protected classOf = classOf;

  /** A click on a buurt opens it. */
  protected open(event: { name: string | null }): void {
    const code = event.name;
    if (code && code !== this.current() && this.rows().some((r) => r.code === code)) void this.router.navigate(['/wijk', code]);
  }
}
