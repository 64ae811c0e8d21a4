import '../core/i18n/messages-pages';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { can, type Annotation, type AreaSummary, type Observation, type ObservationProvenance } from 'contracts';
import type { ECharts } from 'echarts/core';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { AreasApi } from '../areas/areas-api';
import { AuthService } from '../core/auth/auth.service';
import type { FeatureCollection } from '../areas/geojson';
import { IDLE, LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { DayPipe, LocPipe, TPipe } from '../core/i18n/t.pipe';
import { IndicatorsApi } from '../indicators/indicators-api';
import { buildChoroplethOption, buildClasses } from '../overzicht/choropleth-option';
import { districtRows, periodOrLatest, periodsOf, SMALL_BASE } from '../overzicht/district-values';
import { Chart, ChartMap } from '../shared/chart';
import { downloadCsv, downloadUrl, fileName } from '../shared/download';
import { LoadStateView } from '../shared/load-state-view';
import { MunicipalityPicker } from '../shared/municipality-picker';
import { annotationText, buildFunnelOption, buildRankingOption, buildSeriesOption, rankRows } from './explorer-options';
import { funnelData } from './funnel-limits';
import '../core/i18n/messages-ux';
import { HelpBox } from '../shared/help-box';

interface ExplorerData {
  areas: AreaSummary[];
  observations: Observation[];
  boundaries: FeatureCollection | null;
  annotations: Annotation[];
}
type ChartKey = 'map' | 'ranking' | 'funnel' | 'series';
const LEVELS = ['district', 'neighbourhood'] as const;

@Component({
  selector: 'app-verkenner-page',
  imports: [TPipe, LocPipe, DayPipe, RouterLink, MunicipalityPicker, LoadStateView, Chart, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './verkenner-page.html',
  styles: `
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1rem; }
    .tools { display: flex; gap: 0.5rem; flex-wrap: wrap; margin: 0.5rem 0; }
    fieldset { border: 1px solid var(--line); border-radius: 6px; }
    fieldset label { font-weight: 400; margin-right: 1rem; white-space: nowrap; }
    details { margin-bottom: 1rem; }
    td details { margin: 0; }
    td ol { margin: 0.25rem 0; padding-left: 1.25rem; }
  `,
})
export class VerkennerPage {
  private readonly areasApi = inject(AreasApi);
  private readonly indicatorsApi = inject(IndicatorsApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);

  readonly indicator = input<string | undefined>();
  readonly area = input<string | undefined>();
  readonly period = input<string | undefined>();
  readonly level = input<string | undefined>();
  /** Comma-separated area codes for the time series. */
  readonly areas = input<string | undefined>();

  protected readonly levels = LEVELS;
  private readonly charts = new Map<ChartKey, ECharts>();

  protected readonly catalogue = toSignal(this.indicatorsApi.catalogue().pipe(toLoadState()), { initialValue: LOADING });
  protected readonly indicators = computed(() => {
    const s = this.catalogue();
    return s.status === 'ok' ? s.data.filter((i) => i.subjectKind === 'area') : [];
  });
  protected readonly indicatorCode = computed(() => this.indicator() ?? this.indicators()[0]?.code ?? null);
  protected readonly meta = computed(() => this.indicators().find((i) => i.code === this.indicatorCode()) ?? null);
  protected readonly levelShown = computed(() => (this.level() === 'neighbourhood' ? 'neighbourhood' : 'district'));

  protected readonly data = toSignal(
    toObservable(computed(() => ({ code: this.area(), indicator: this.indicatorCode(), level: this.levelShown() }))).pipe(
      switchMap(({ code, indicator, level }) => {
        if (!code) return of<LoadState<ExplorerData>>(IDLE);
        if (!indicator) return of<LoadState<ExplorerData>>(LOADING);
        return combineLatest([
          level === 'district' ? this.areasApi.children(code) : this.areasApi.neighbourhoodsIn(code),
          this.indicatorsApi.observations({ indicator, area: code, level }),
          level === 'district' ? this.areasApi.boundaries(code).pipe(catchError(() => of(null))) : of(null),
          this.indicatorsApi.annotations(indicator, code).pipe(catchError(() => of([]))),
        ]).pipe(
          map(([areas, observations, boundaries, annotations]) => ({ areas, observations, boundaries, annotations })),
          toLoadState(),
        );
      }),
    ),
    { initialValue: IDLE as LoadState<ExplorerData> },
  );
  protected readonly loaded = computed(() => {
    const s = this.data();
    return s.status === 'ok' ? s.data : null;
  });

  protected readonly periods = computed(() => periodsOf(this.loaded()?.observations ?? []));
  protected readonly periodShown = computed(() => periodOrLatest(this.periods(), this.period()));
  private readonly names = computed(() => new Map((this.loaded()?.areas ?? []).map((a) => [a.code, a.name])));
  protected readonly rows = computed(() => {
    const d = this.loaded();
    if (!d) return [];
    return districtRows(d.areas, d.observations, this.periodShown(), (v) => this.i18n.number(v), this.suppressedText());
  });
  private readonly higherIsBetter = computed(() => this.meta()?.polarity === 'higher-is-better');
  protected readonly ranked = computed(() => rankRows(this.rows(), this.higherIsBetter()));
  protected readonly smallBase = SMALL_BASE;
  protected readonly unit = computed(() => {
    const m = this.meta();
    if (!m) return '';
    if (m.measure === 'proportion') return '%';
    if (m.measure === 'rate') return this.i18n.t('verkenner.per', { per: m.per ?? 1 });
    return '';
  });
  protected readonly indicatorName = computed(() => (this.meta() ? this.i18n.text(this.meta()!.name) : (this.indicatorCode() ?? '')));
  protected readonly title = computed(() =>
    this.i18n.t('verkenner.chartTitle', { indicator: this.indicatorName(), period: this.periodShown() ?? '–' }),
  );

  protected readonly chartMap = computed<ChartMap | null>(() => {
    const b = this.loaded()?.boundaries;
    return b && b.features?.length ? { name: `districts-${this.area()}`, geoJson: b } : null;
  });
  protected readonly classes = computed(() => buildClasses(this.rows().flatMap((r) => (r.value == null ? [] : [r.value]))));
  protected readonly mapOption = computed(() =>
    buildChoroplethOption(this.chartMap()?.name ?? '', this.rows(), this.classes(), {
      title: this.title(),
      noData: this.i18n.t('overzicht.noData'),
      unit: this.unit() || undefined,
      period: this.periodShown() ?? undefined,
      base: (row) =>
        row.base == null
          ? null
          : `${this.i18n.t('ux.base', { n: this.i18n.number(row.base, 0) })}${row.small ? ` — ${this.i18n.t('ux.smallBase')}` : ''}`,
    }),
  );

  /** A click on a map area opens that area's page. */
  protected openArea(event: { name: string | null }): void {
    const code = event.name;
    if (!code || !this.rows().some((r) => r.code === code)) return;
    void this.router.navigate(['/wijk', code], { queryParams: this.area()?.startsWith('GM') ? { gemeente: this.area() } : {} });
  }
  protected readonly rankingOption = computed(() => buildRankingOption(this.rows(), this.title(), this.higherIsBetter()));

  /** The funnel with the engine's own limits, computed by the API on the full aggregates. */
  private readonly funnelView = toSignal(
    toObservable(
      computed(() => ({ indicator: this.indicatorCode(), area: this.area(), level: this.levelShown(), period: this.periodShown(), measure: this.meta()?.measure })),
    ).pipe(
      switchMap(({ indicator, area, level, period, measure }) =>
        indicator && area && period && (measure === 'proportion' || measure === 'rate')
          ? this.indicatorsApi.funnel({ indicator, area, level, period }).pipe(catchError(() => of(null)))
          : of(null),
      ),
    ),
    { initialValue: null },
  );
  protected readonly funnel = computed(() => funnelData(this.funnelView(), this.names()));

  /** Those who load data see which import batches wrote each figure (the API answers others 403). */
  protected readonly showsProvenance = computed(() => can(this.auth.role(), 'imports.create'));
  private readonly provenanceView = toSignal(
    toObservable(computed(() => ({ indicator: this.indicatorCode(), area: this.area(), level: this.levelShown(), period: this.periodShown(), show: this.showsProvenance() }))).pipe(
      switchMap(({ indicator, area, level, period, show }) =>
        show && indicator && area && period
          ? this.indicatorsApi.provenance({ indicator, area, level, period }).pipe(catchError(() => of<ObservationProvenance[]>([])))
          : of<ObservationProvenance[]>([]),
      ),
    ),
    { initialValue: [] as ObservationProvenance[] },
  );
  /** Subject → batches that wrote its figure, oldest first. */
  protected readonly provenance = computed(() => new Map(this.provenanceView().map((p) => [p.subject, p.batches])));
  protected readonly funnelOption = computed(() => {
    const f = this.funnel();
    const t = (k: Parameters<I18nService['t']>[0]) => this.i18n.t(k);
    return f
      ? buildFunnelOption(f, {
          title: this.i18n.t('verkenner.funnelTitle', { indicator: this.indicatorName() }),
          x: t('verkenner.size'),
          y: `${this.indicatorName()} ${this.unit()}`.trim(),
          target: t('verkenner.target'),
          l95: t('verkenner.limit95'),
          l998: t('verkenner.limit998'),
          inside: t('verkenner.inside'),
          out95: t('verkenner.outside95'),
          out998: t('verkenner.outside998'),
        })
      : null;
  });

  /** Areas on the time series: from the URL, else the three highest. */
  protected readonly seriesAreas = computed(() => {
    const wanted = (this.areas() ?? '').split(',').filter((c) => this.names().has(c));
    const codes = wanted.length ? wanted : this.ranked().filter((r) => r.value != null).slice(0, 3).map((r) => r.code);
    return codes.map((code) => ({ code, name: this.names().get(code) ?? code }));
  });
  protected readonly annotationList = computed(() =>
    (this.loaded()?.annotations ?? []).map((a) => ({ date: a.date, text: annotationText(a, this.i18n.lang()) })),
  );
  protected readonly seriesOption = computed(() =>
    buildSeriesOption(this.loaded()?.observations ?? [], this.seriesAreas(), this.annotationList(), this.indicatorName()),
  );
  protected readonly seriesPeriods = computed(() => periodsOf(this.loaded()?.observations ?? []));
  /** "niet getoond (minder dan N)" with N the indicator's own minimum (issue 15). */
  protected suppressedText(): string {
    return this.i18n.t('ux.suppressed', { n: this.meta()?.minCount ?? 5 });
  }
  protected seriesCell(code: string, period: string): string {
    const o = this.loaded()?.observations.find((x) => x.subject === code && x.period === period);
    if (!o) return '–';
    return o.suppressed ? this.suppressedText() : this.i18n.number(o.value);
  }
  protected denominatorOf(code: string): number | null {
    return this.funnel()?.points.find((p) => p.subject === code)?.denominator ?? null;
  }
  protected isInSeries(code: string): boolean {
    return this.seriesAreas().some((a) => a.code === code);
  }
  protected funnelBand(code: string): string {
    const p = this.funnel()?.points.find((x) => x.subject === code);
    if (!p) return '–';
    if (p.outside === 0) return this.i18n.t('verkenner.inside');
    const side = this.i18n.t(p.side === 'above' ? 'verkenner.above' : 'verkenner.below');
    return `${this.i18n.t(p.outside === 998 ? 'verkenner.outside998' : 'verkenner.outside95')} (${side})`;
  }

  protected setQuery(params: Record<string, string | null>): void {
    void this.router.navigate(['/verkenner'], { queryParams: params, queryParamsHandling: 'merge' });
  }
  protected pick(code: string): void {
    this.setQuery({ area: code, areas: null });
  }
  protected toggleSeries(code: string, on: boolean): void {
    const current = this.seriesAreas().map((a) => a.code);
    const next = on ? [...new Set([...current, code])] : current.filter((c) => c !== code);
    this.setQuery({ areas: next.join(',') || null });
  }

  protected registerChart(key: ChartKey, chart: ECharts): void {
    this.charts.set(key, chart);
  }
  protected exportPng(key: ChartKey): void {
    const chart = this.charts.get(key);
    if (!chart) return;
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    downloadUrl(url, `${fileName(this.indicatorCode(), this.area(), key, this.periodShown())}.png`);
  }
  protected exportCsv(): void {
    const d = this.loaded();
    if (!d) return;
    const byArea = new Map(d.observations.filter((o) => o.period === this.periodShown()).map((o) => [o.subject, o]));
    // Names beside the codes (issue 15): a spreadsheet reader sees the area and the indicator by name.
    const header = ['code', 'name', 'indicator', 'indicator name', 'period', 'value', 'numerator', 'denominator', 'status', 'funnel'];
    const rows = this.ranked().map((r) => {
      const o = byArea.get(r.code);
      const hidden = !!o?.suppressed;
      return [
        r.code,
        r.name,
        this.indicatorCode(),
        this.indicatorName(),
        this.periodShown(),
        hidden ? this.suppressedText() : (o?.value ?? null),
        hidden ? null : (o?.numerator ?? null),
        hidden ? null : (o?.denominator ?? null),
        o?.status ?? null,
        this.funnel() ? this.funnelBand(r.code) : null,
      ];
    });
    downloadCsv(header, rows, `${fileName(this.indicatorCode(), this.area(), this.periodShown())}.csv`);
  }
}
