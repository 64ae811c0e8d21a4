import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { AreaDetail, AreaQuadrants } from 'contracts';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { AreasApi } from '../areas/areas-api';
import { IDLE, LoadState, toLoadState } from '../core/http/load-state';
import { LocPipe, NumPipe, TPipe } from '../core/i18n/t.pipe';
import { Chart } from '../shared/chart';
import { LoadStateView } from '../shared/load-state-view';
import { QuadrantsApi } from './quadrants-api';
import { gridCells, trendKey } from './quadrant-layout';
import { buildSparklineOption } from './sparkline-option';
import '../core/i18n/messages-ux';
import { HelpBox } from '../shared/help-box';
import { WijkBuildUp } from './wijk-build-up';
import { BuurtMap } from './buurt-map';
import './wijk-messages';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';

interface WijkData {
  area: AreaDetail | null;
  quadrants: AreaQuadrants;
}

@Component({
  selector: 'app-wijk-page',
  imports: [TPipe, LocPipe, NumPipe, RouterLink, LoadStateView, Chart, HelpBox, WijkBuildUp, BuurtMap],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './wijk-page.html',
  styleUrl: './wijk-page.css',
})
export class WijkPage {
  private readonly areas = inject(AreasApi);
  private readonly quadrantsApi = inject(QuadrantsApi);

  readonly code = input.required<string>();
  readonly period = input<string | undefined>();

  protected readonly state = toSignal(
    toObservable(computed(() => ({ code: this.code(), period: this.period() }))).pipe(
      switchMap(({ code, period }) =>
        combineLatest([
          this.areas.detail(code).pipe(catchError(() => of(null))),
          this.quadrantsApi.forArea(code, period),
        ]).pipe(
          map(([area, quadrants]): WijkData => ({ area, quadrants })),
          toLoadState(),
        ),
      ),
    ),
    { initialValue: IDLE as LoadState<WijkData> },
  );

  protected readonly cells = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? gridCells(s.data.quadrants.quadrants ?? []) : [];
  });
  protected readonly trendKey = trendKey;
  private readonly i18n = inject(I18nService);

  /** The peers follow the level: "Buurten (mediaan)" on a buurt page, "Wijken (mediaan)" on a wijk page. */
  protected peersLabel(level: string | undefined): string {
    if (level === 'neighbourhood' || level === 'district') return this.i18n.t(`col.peers.${level}` as MessageKey);
    return this.i18n.t('col.peers');
  }
  protected readonly sparkline = buildSparklineOption;
}
