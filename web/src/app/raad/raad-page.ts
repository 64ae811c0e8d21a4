import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { QUADRANT_INFO, type CouncilSummary, type Quadrant } from 'contracts';
import { of, switchMap } from 'rxjs';
import { IDLE, LoadState, toLoadState } from '../core/http/load-state';
import { MessageKey } from '../core/i18n/messages';
import { LocPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { MunicipalityPicker } from '../shared/municipality-picker';
import { SummaryApi } from './summary-api';

@Component({
  selector: 'app-raad-page',
  imports: [TPipe, LocPipe, MunicipalityPicker, LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './raad-page.html',
  styleUrl: './raad-page.css',
})
export class RaadPage {
  private readonly api = inject(SummaryApi);
  private readonly router = inject(Router);

  readonly code = input<string | undefined>();

  protected readonly state = toSignal(
    toObservable(this.code).pipe(
      switchMap((code) => (code ? this.api.forArea(code).pipe(toLoadState()) : of<LoadState<CouncilSummary>>(IDLE))),
    ),
    { initialValue: IDLE as LoadState<CouncilSummary> },
  );
  protected readonly quadrantInfo = (q: Quadrant) => QUADRANT_INFO[q];
  protected readonly hasContent = computed(() => this.state().status !== 'idle');

  protected statusKey(status: string): MessageKey {
    return `status.${status}` as MessageKey;
  }

  protected pick(code: string): void {
    void this.router.navigate(['/raad', code]);
  }
}
