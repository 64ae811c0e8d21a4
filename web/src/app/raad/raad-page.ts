import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { QUADRANT_INFO, type CouncilItem, type CouncilSummary, type Quadrant } from 'contracts';
import { of, switchMap } from 'rxjs';
import { IDLE, LoadState, toLoadState } from '../core/http/load-state';
import { MessageKey } from '../core/i18n/messages';
import { LocPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { MunicipalityPicker } from '../shared/municipality-picker';
import { SummaryApi } from './summary-api';

@Component({
  selector: 'app-raad-page',
  imports: [TPipe, LocPipe, MunicipalityPicker, LoadStateView, RouterLink],
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

  /** Where an item leads: a municipality's Overzicht, or the wijk/buurt page. */
  protected itemPath(link: NonNullable<CouncilItem['link']>): string[] {
    return link.area.startsWith('GM') ? ['/overzicht', link.area] : ['/wijk', link.area];
  }
  protected itemQuery(link: NonNullable<CouncilItem['link']>): Record<string, string> {
    return !link.area.startsWith('GM') && link.municipality ? { gemeente: link.municipality } : {};
  }

  protected pick(code: string): void {
    void this.router.navigate(['/raad', code]);
  }
}
