import '../core/i18n/messages-pages';
import '../core/i18n/messages-ux';
import './overzicht-messages';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { can, QUADRANT_INFO, type AreaSummary, type Indicator, type Observation, type Quadrant, type Signal } from 'contracts';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { AreasApi } from '../areas/areas-api';
import { AuthService } from '../core/auth/auth.service';
import { MessageKey } from '../core/i18n/messages';
import { SignalsApi } from '../signalen/signals-api';
import { classWordKey, openSignalsPerDistrict, quadrantTiles, topSignals } from './open-signals';
import type { FeatureCollection } from '../areas/geojson';
import { IDLE, LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { LocPipe, NumPipe, TPipe } from '../core/i18n/t.pipe';
import { IndicatorsApi } from '../indicators/indicators-api';
import { Chart, ChartMap } from '../shared/chart';
import { LoadStateView } from '../shared/load-state-view';
import { MunicipalityPicker } from '../shared/municipality-picker';
import { buildChoroplethOption, buildClasses, classOf, rangeLabel, type ChoroplethRow } from './choropleth-option';
import { districtRows, periodOrLatest, periodsOf, SMALL_BASE, worstFirst } from './district-values';
import { SearchApi } from '../areas/search-api';
import { HelpBox } from '../shared/help-box';
import { homeMunicipality, leavingPage } from '../shared/home-municipality';

interface MapData {
  districts: AreaSummary[];
  observations: Observation[];
  boundaries: FeatureCollection | null;
}

@Component({
  selector: 'app-overzicht-page',
  imports: [TPipe, LocPipe, NumPipe, RouterLink, MunicipalityPicker, LoadStateView, Chart, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overzicht-page.html',
  styleUrl: './overzicht-page.css',
})
export class OverzichtPage {
  private readonly areas = inject(AreasApi);
  private readonly indicators = inject(IndicatorsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthService);
  private readonly signalsApi = inject(SignalsApi);

  readonly code = input<string | undefined>();
  /** The municipality carried from another page (`?gemeente=`), used when the path has none. */
  readonly gemeente = input<string | undefined>();
  private readonly searchApi = inject(SearchApi);
  /** Set when no municipality could be chosen for the user (no data anywhere yet). */
  protected readonly noHome = signal(false);
  readonly indicator = input<string | undefined>();
  readonly period = input<string | undefined>();
  /** `neighbourhood` draws the buurten (issue 15); anything else the wijken. */
  readonly level = input<string | undefined>();
  protected readonly levelShown = computed((): 'district' | 'neighbourhood' => (this.level() === 'neighbourhood' ? 'neighbourhood' : 'district'));
  /** How many buurten of this municipality have a boundary: the buurt map is offered when any do. */
  private readonly boundaryCounts = toSignal(
    toObservable(computed(() => this.code() ?? null)).pipe(
      switchMap((code) =>
        code
          ? this.areas.detail(code).pipe(map((d): Partial<Record<string, number>> => d.boundaryCounts ?? {}), catchError(() => of<Partial<Record<string, number>>>({})))
          : of<Partial<Record<string, number>>>({}),
      ),
    ),
    { initialValue: {} as Partial<Record<string, number>> },
  );
  protected readonly hasBuurtMap = computed(() => (this.boundaryCounts()['neighbourhood'] ?? 0) > 0);
  /** 'signals' colours the map by the number of open signals. */
  readonly colour = input<string | undefined>();

  /** Without `figures.explore` (council members) the overview is the plain one: classes in words, never figures (docs/design.md §2, §6). */
  protected readonly council = computed(() => !can(this.auth.role(), 'figures.explore'));
  protected readonly bySignals = computed(() => this.colour() === 'signals' && !this.council());

  protected readonly openSignals = toSignal(
    toObservable(computed(() => (this.council() ? null : (this.code() ?? null)))).pipe(
      switchMap((code) =>
        code ? this.signalsApi.list({ area: code, status: 'open' }).pipe(toLoadState()) : of<LoadState<Signal[]>>(IDLE),
      ),
    ),
    { initialValue: IDLE as LoadState<Signal[]> },
  );
  private readonly signalList = computed(() => {
    const s = this.openSignals();
    return s.status === 'ok' ? s.data : [];
  });
  protected readonly tiles = computed(() => quadrantTiles(this.signalList()));
  protected readonly top = computed(() => topSignals(this.signalList()));
  protected readonly quadrantInfo = (q: Quadrant) => QUADRANT_INFO[q];

  /**
   * Lands every role on a municipality (issue 15): the one in the URL, else the user's home
   * municipality (login answer `user.homeMunicipality`), else the municipality with the most data.
   */
  private readonly landing = effect((onCleanup) => {
    if (this.code()) return;
    const carried = this.gemeente();
    if (carried) {
      this.pick(carried, true);
      return;
    }
    const home = (this.auth.user() as { homeMunicipality?: string | null } | null)?.homeMunicipality ?? null;
    if (home) {
      this.pick(home, true);
      return;
    }
    const sub = this.searchApi
      .coverage()
      .pipe(catchError(() => of([])))
      .subscribe((coverage) => {
        // The user may have clicked elsewhere while the coverage loaded: landing then would pull
        // them back here (and cancel their navigation).
        if (leavingPage(this.router, '/overzicht')) return;
        const target = homeMunicipality(home, coverage);
        if (target) this.pick(target, true);
        else this.noHome.set(true);
      });
    onCleanup(() => sub.unsubscribe());
  });

  /** The indicators with data in this municipality, so the first choice always shows something. */
  protected readonly catalogue = toSignal(
    toObservable(computed(() => ({ code: this.code() ?? null, level: this.levelShown() }))).pipe(
      switchMap(({ code, level }) =>
        code
          ? this.indicators.withDataIn(code, level === 'neighbourhood' ? level : undefined).pipe(toLoadState())
          : of<LoadState<Indicator[]>>(LOADING),
      ),
    ),
    { initialValue: LOADING as LoadState<Indicator[]> },
  );
  protected readonly areaIndicators = computed(() => {
    const s = this.catalogue();
    return s.status === 'ok' ? s.data.filter((i) => i.subjectKind === 'area') : [];
  });
  protected readonly indicatorCode = computed(() => this.indicator() ?? this.areaIndicators()[0]?.code ?? null);
  protected readonly indicatorName = computed(() => {
    const found = this.areaIndicators().find((i) => i.code === this.indicatorCode());
    return found ? this.i18n.text(found.name) : (this.indicatorCode() ?? '');
  });

  private readonly municipalities = toSignal(this.areas.municipalities(), { initialValue: [] });
  protected readonly municipalityName = computed(
    () => this.municipalities().find((m) => m.code === this.code())?.name ?? this.code() ?? '',
  );

  protected readonly data = toSignal(
    toObservable(
      computed(() => ({ code: this.code(), indicator: this.indicatorCode(), ready: this.catalogue().status === 'ok', level: this.levelShown() })),
    ).pipe(
      switchMap(({ code, indicator, ready, level }) => {
        if (!code) return of<LoadState<MapData>>(IDLE);
        // No indicator with data here: say so instead of loading for ever.
        if (!indicator) return of<LoadState<MapData>>(ready ? { status: 'ok', data: { districts: [], observations: [], boundaries: null } } : LOADING);
        const buurten = level === 'neighbourhood';
        return combineLatest([
          buurten ? this.areas.neighbourhoodsIn(code) : this.areas.children(code),
          this.indicators.observations({ indicator, area: code, level }),
          // A municipality without boundaries still gets its table.
          this.areas.boundaries(code, buurten ? 'neighbourhood' : undefined).pipe(catchError(() => of(null))),
        ]).pipe(
          map(([districts, observations, boundaries]) => ({ districts, observations, boundaries })),
          toLoadState(),
        );
      }),
    ),
    { initialValue: IDLE as LoadState<MapData> },
  );

  private readonly loaded = computed(() => {
    const s = this.data();
    return s.status === 'ok' ? s.data : null;
  });
  protected readonly periods = computed(() => periodsOf(this.loaded()?.observations ?? []));
  protected readonly periodShown = computed(() => periodOrLatest(this.periods(), this.period()));
  private readonly valueRows = computed((): ChoroplethRow[] => {
    const d = this.loaded();
    if (!d) return [];
    if (this.bySignals()) return openSignalsPerDistrict(d.districts, this.signalList());
    const min = this.areaIndicators().find((i) => i.code === this.indicatorCode())?.minCount ?? 5;
    return districtRows(d.districts, d.observations, this.periodShown(), (v) => this.i18n.number(v), this.i18n.t('ux.suppressed', { n: min }));
  });
  protected readonly classes = computed(() =>
    buildClasses(this.valueRows().flatMap((r) => (r.value == null ? [] : [r.value]))),
  );
  protected readonly smallBase = SMALL_BASE;
  /** The chosen indicator's catalogue entry (polarity, measure, unit). */
  private readonly indicatorMeta = computed(() => this.areaIndicators().find((i) => i.code === this.indicatorCode()) ?? null);
  /** For the council the shown figure becomes the class in words; worst areas first. */
  protected readonly rows = computed((): ChoroplethRow[] => {
    const rows = worstFirst(this.valueRows(), !this.bySignals() && this.indicatorMeta()?.polarity === 'higher-is-better');
    if (!this.council()) return rows;
    return rows.map((r) => {
      const c = classOf(r.value, this.classes());
      return { ...r, base: null, small: false, display: c ? this.i18n.t(classWordKey(c)) : this.i18n.t('overzicht.noData') };
    });
  });
  protected readonly title = computed(() =>
    this.i18n.t(this.levelShown() === 'neighbourhood' ? ('ovz.mapTitleBuurt' as MessageKey) : 'overzicht.mapTitle', {
      indicator: this.bySignals() ? this.i18n.t('overzicht.openSignals') : this.indicatorName(),
      name: this.municipalityName(),
      period: this.periodShown() ?? '–',
    }),
  );
  protected readonly chartMap = computed<ChartMap | null>(() => {
    const b = this.loaded()?.boundaries;
    return b && b.features?.length ? { name: `${this.levelShown()}-${this.code()}`, geoJson: b } : null;
  });
  protected readonly option = computed(() =>
    buildChoroplethOption(this.chartMap()?.name ?? '', this.rows(), this.classes(), {
      title: this.title(),
      noData: this.i18n.t('overzicht.noData'),
      unit: this.bySignals() || this.council() ? undefined : this.unit(),
      period: this.bySignals() ? undefined : (this.periodShown() ?? undefined),
      base: (row) => this.baseText(row),
    }),
  );

  /** The unit of the chosen indicator in words ("%", "per 1.000 inwoners", "aantal"). */
  protected readonly unit = computed(() => {
    const ind = this.indicatorMeta();
    if (!ind) return '';
    if (ind.measure === 'proportion') return '%';
    if (ind.measure === 'rate') return this.i18n.t('ux.perPopulation', { per: this.i18n.number(ind.per ?? 1000, 0) });
    return this.i18n.t(ind.measure === 'mean' ? 'ux.measure.mean' : 'ux.measure.count');
  });

  /** "1.234 inwoners of respondenten", marked uncertain when small; null when unknown or hidden. */
  protected baseText(row: ChoroplethRow): string | null {
    if (row.base == null) return null;
    const text = this.i18n.t('ux.base', { n: this.i18n.number(row.base, 0) });
    return row.small ? `${text} — ${this.i18n.t('ux.smallBase')}` : text;
  }

  /** A click on the map opens the area, as its name in the table does. */
  protected openArea(event: { name: string | null }): void {
    if (this.council()) return;
    const code = event.name;
    if (!code || !this.rows().some((r) => r.code === code)) return;
    void this.router.navigate(['/wijk', code], { queryParams: { gemeente: this.code() } });
  }

  protected classLabel(index: number): string {
    const c = this.classes()[index];
    if (!c) return '';
    if (this.council()) return this.i18n.t(classWordKey(c));
    return rangeLabel(c, (v) => this.i18n.number(v));
  }

  protected classWord(value: number | null): string {
    const c = classOf(value, this.classes());
    return c ? this.i18n.t(classWordKey(c)) : this.i18n.t('overzicht.noData');
  }

  protected key(prefix: 'severity' | 'rule', value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected classIndex(value: number | null): number | null {
    return classOf(value, this.classes())?.index ?? null;
  }

  /** True when the catalogue answered and this municipality has no indicator with data. */
  protected readonly noData = computed(() => this.catalogue().status === 'ok' && this.areaIndicators().length === 0);

  protected pick(code: string, replaceUrl = false): void {
    void this.router.navigate(['/overzicht', code], { queryParams: { indicator: this.indicator(), colour: this.colour(), level: this.level() }, replaceUrl });
  }

  /** Texts of the buurt map (registered in overzicht-messages.ts). */
  protected tl(key: string, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  protected setQuery(key: 'indicator' | 'period' | 'colour' | 'level', value: string): void {
    const queryParams =
      key === 'level'
        ? { level: value === 'neighbourhood' ? 'neighbourhood' : null, indicator: null, period: null }
        : key === 'colour'
        ? { colour: value === 'signals' ? 'signals' : null }
        : key === 'indicator'
          ? { indicator: value, period: null }
          : { indicator: this.indicator(), period: value };
    void this.router.navigate(['/overzicht', this.code()], { queryParams, queryParamsHandling: 'merge' });
  }
}
