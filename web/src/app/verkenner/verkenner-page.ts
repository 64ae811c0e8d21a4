import '../core/i18n/messages-pages';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { can, type Annotation, type AreaSummary, type Indicator, type Observation, type ObservationProvenance } from 'contracts';
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
import { placeAnnotation } from '../shared/decision-marks';
import type { CsvColumn } from '../shared/csv';
import { downloadCsv, downloadUrl, fileName } from '../shared/download';
import type { ExportMessageKey } from '../shared/export-messages';
import '../shared/export-messages';
import { exportSubtitle, renderExportPng, sourceCredit } from '../shared/png-export';
import type { MessageKey } from '../core/i18n/messages';
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
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(28rem, 100%), 1fr)); gap: 1rem; }
    .charts fieldset { min-width: 0; } .charts fieldset label { display: block; max-width: 100%; overflow-wrap: anywhere; }
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

  protected readonly catalogue = toSignal(this.indicatorsApi.catalogue().pipe(toLoadState()), { initialValue: LOADING });
  protected readonly indicators = computed(() => {
    const s = this.catalogue();
    return s.status === 'ok' ? s.data.filter((i) => i.subjectKind === 'area') : [];
  });
  /** The indicators with data in the chosen area, so the page opens on one that has figures (not "geen waarnemingen"). */
  private readonly withData = toSignal(
    toObservable(computed(() => ({ area: this.area() ?? null, level: this.levelShown(), chosen: !!this.indicator() }))).pipe(
      switchMap(({ area, level, chosen }) =>
        area && !chosen ? this.indicatorsApi.withDataIn(area, level === 'neighbourhood' ? level : undefined).pipe(toLoadState()) : of<LoadState<Indicator[]>>({ status: 'ok', data: [] }),
      ),
    ),
    { initialValue: LOADING as LoadState<Indicator[]> },
  );
  protected readonly indicatorCode = computed(() => {
    const chosen = this.indicator();
    if (chosen) return chosen;
    const w = this.withData();
    if (w.status === 'loading') return null;
    const codes = new Set(w.status === 'ok' ? w.data.map((i) => i.code) : []);
    return (this.indicators().find((i) => codes.has(i.code)) ?? this.indicators()[0])?.code ?? null;
  });
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
          // Buurten are drawn wherever their boundaries are loaded (issue 15); else the table alone.
          this.areasApi.boundaries(code, level === 'district' ? undefined : 'neighbourhood').pipe(catchError(() => of(null))),
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
    return b && b.features?.length ? { name: `${this.levelShown()}-${this.area()}`, geoJson: b } : null;
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
    (this.loaded()?.annotations ?? []).map((a) => ({ date: a.date, text: this.annotationLabel(a) })),
  );
  /** A decision reads "Besluit: … · eigenaar Anna · uiterlijk 1 mrt 2025"; other events their own text. */
  private annotationLabel(a: Annotation): string {
    const d = a.decision;
    if (!d) return annotationText(a, this.i18n.lang());
    return [
      this.tx('export.decision', { text: d.text }),
      ...(d.owner ? [this.tx('export.owner', { name: d.owner })] : []),
      ...(d.deadline ? [this.tx('export.deadline', { date: this.i18n.date(d.deadline) })] : []),
    ].join(' · ');
  }
  protected readonly seriesOption = computed(() =>
    buildSeriesOption(this.loaded()?.observations ?? [], this.seriesAreas(), this.annotationList(), this.indicatorName(), {
      afterData: this.tx('export.afterData'),
    }),
  );
  protected readonly seriesPeriods = computed(() => periodsOf(this.loaded()?.observations ?? []));
  /** The chart's marks in words (its text alternative): one later than the data says so, as the line's label does. */
  protected readonly annotationRows = computed(() => {
    const periods = [...new Set((this.loaded()?.observations ?? []).map((o) => o.period))].sort();
    return this.annotationList().map((a) => ({
      date: a.date,
      text: placeAnnotation(a.date, periods)?.afterData ? `${a.text} (${this.tx('export.afterData')})` : a.text,
    }));
  });
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

  /** The municipality's name for export titles (the list is loaded once per session). */
  private readonly municipalities = toSignal(this.areasApi.municipalities().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly areaName = computed(() => {
    const code = this.area();
    return this.municipalities().find((m) => m.code === code)?.name ?? code ?? '';
  });
  protected tx(key: ExportMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  /** The chart's own option, re-rendered at report size with title, area, period, unit and source. */
  protected exportPng(key: ChartKey): void {
    this.pngFailed.set(false);
    this.writePng(key).catch(() => this.pngFailed.set(true));
  }
  protected readonly pngFailed = signal(false);

  private async writePng(key: ChartKey): Promise<void> {
    const option = { map: this.mapOption(), ranking: this.rankingOption(), funnel: this.funnelOption(), series: this.seriesOption() }[key];
    if (!option) return;
    const chartTitle = {
      map: this.title(),
      ranking: this.title(),
      funnel: this.i18n.t('verkenner.funnelTitle', { indicator: this.indicatorName() }),
      series: this.indicatorName(),
    }[key];
    const period = key === 'series' ? this.seriesPeriodRange() : this.periodShown();
    const labels = {
      title: chartTitle,
      subtitle: exportSubtitle({ area: this.areaName(), period, unit: this.unit() }),
      source: sourceCredit(this.meta(), this.tx('export.source')) ?? this.tx('export.sourceUnknown'),
    };
    // Ranking: one bar per area needs its own height, so no name is squeezed out.
    const height = key === 'ranking' ? Math.max(720, this.ranked().filter((r) => r.value != null).length * 24 + 200) : 720;
    const url = await renderExportPng(option, labels, { width: 1200, height });
    downloadUrl(url, `${fileName(this.indicatorCode(), this.area(), key, period)}.png`);
  }

  /** "2019 – 2024-Q4": the periods the time series spans. */
  private readonly seriesPeriodRange = computed(() => {
    const p = this.seriesPeriods();
    return p.length > 1 ? `${p[0]} – ${p[p.length - 1]}` : (p[0] ?? null);
  });

  /**
   * The table as the reader sees it: names before codes, values rounded as displayed, headers and
   * status in the reader's language, in the reader's spreadsheet dialect (shared/csv.ts).
   */
  protected exportCsv(): void {
    const d = this.loaded();
    if (!d) return;
    const byArea = new Map(d.observations.filter((o) => o.period === this.periodShown()).map((o) => [o.subject, o]));
    const unit = this.unit();
    const source = this.meta()?.source ?? null;
    type Row = { code: string; name: string; o: Observation | undefined };
    const hidden = (r: Row) => !!r.o?.suppressed;
    const columns: CsvColumn<Row>[] = [
      { header: this.tx('export.col.area'), value: (r) => r.name },
      { header: this.tx('export.col.areaCode'), value: (r) => r.code },
      { header: this.tx('export.col.indicator'), value: () => this.indicatorName() },
      { header: this.tx('export.col.period'), value: () => this.periodShown() },
      { header: unit ? this.tx('export.col.valueUnit', { unit }) : this.tx('export.col.value'), value: (r) => (hidden(r) ? this.suppressedText() : (r.o?.value ?? null)), digits: 1 },
      { header: this.tx('export.col.numerator'), value: (r) => (hidden(r) ? null : (r.o?.numerator ?? null)), digits: 0 },
      { header: this.tx('export.col.denominator'), value: (r) => (hidden(r) ? null : (r.o?.denominator ?? null)), digits: 0 },
      { header: this.tx('export.col.status'), value: (r) => (r.o ? this.tx(r.o.status === 'provisional' ? 'export.status.provisional' : 'export.status.final') : null) },
      ...(this.funnel() ? [{ header: this.tx('export.col.funnel'), value: (r: Row) => this.funnelBand(r.code) }] : []),
      { header: this.tx('export.col.source'), value: () => source },
      { header: this.tx('export.col.indicatorCode'), value: () => this.indicatorCode() },
    ];
    const rows: Row[] = this.ranked().map((r) => ({ code: r.code, name: r.name, o: byArea.get(r.code) }));
    downloadCsv(columns, rows, this.i18n.lang(), `${fileName(this.indicatorCode(), this.area(), this.periodShown())}.csv`);
  }
}
