import { ChangeDetectionStrategy, Component, computed, inject, input, signal, effect } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { combineLatest, map, of, switchMap } from 'rxjs';
import { AreasApi } from '../areas/areas-api';
import { IDLE, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { TPipe } from '../core/i18n/t.pipe';
import { Chart } from '../shared/chart';
import { LoadStateView } from '../shared/load-state-view';
import { MunicipalityPicker } from '../shared/municipality-picker';
import { AuthService } from '../core/auth/auth.service';
import { DistrictGroup, groupByDistrict } from './district-groups';
import { buildNeighbourhoodsPerDistrictOption, chartHeightFor } from './neighbourhoods-per-district-option';
import { HelpBox } from '../shared/help-box';

@Component({
  selector: 'app-wijken-page',
  imports: [TPipe, RouterLink, MunicipalityPicker, LoadStateView, Chart, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './wijken-page.html',
  styleUrl: './wijken-page.css',
})
export class WijkenPage {
  private readonly areas = inject(AreasApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  /** Municipality code from the URL (`/wijken/GM0518`). */
  readonly code = input<string | undefined>();

  private readonly municipalities = toSignal(this.areas.municipalities(), { initialValue: [] });
  protected readonly municipalityName = computed(
    () => this.municipalities().find((m) => m.code === this.code())?.name ?? this.code() ?? '',
  );

  protected readonly groups = toSignal(
    toObservable(this.code).pipe(
      switchMap((code) =>
        code
          ? combineLatest([this.areas.children(code), this.areas.neighbourhoodsIn(code)]).pipe(
              map(([districts, neighbourhoods]) => groupByDistrict(districts, neighbourhoods)),
              toLoadState(),
            )
          : of<LoadState<DistrictGroup[]>>(IDLE),
      ),
    ),
    { initialValue: IDLE as LoadState<DistrictGroup[]> },
  );

  protected readonly groupList = computed(() => {
    const s = this.groups();
    return s.status === 'ok' ? s.data : [];
  });
  protected readonly neighbourhoodTotal = computed(() =>
    this.groupList().reduce((sum, g) => sum + g.neighbourhoods.length, 0),
  );
  protected readonly chartOption = computed(() =>
    buildNeighbourhoodsPerDistrictOption(
      this.groupList().map((g) => ({ name: g.district.name, count: g.neighbourhoods.length })),
      { title: this.i18n.t('wijken.chartTitle'), axis: this.i18n.t('col.neighbourhoods') },
    ),
  );
  protected readonly chartHeight = computed(() => chartHeightFor(this.groupList().length));
  protected readonly showTable = signal(false);

  protected pick(code: string): void {
    void this.router.navigate(['/wijken', code]);
  }

  private readonly home = inject(AuthService).user()?.homeMunicipality ?? null;
  /** Without a municipality in the URL the page opens on the user's home municipality (set by an admin). */
  private readonly openHome = effect(() => {
    if (!this.code() && this.home) void this.router.navigate(['/wijken', this.home], { replaceUrl: true });
  });
}
