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
import { municipalityOf } from '../areas/area-names';
import { HelpBox } from '../shared/help-box';

@Component({
  selector: 'app-raad-page',
  imports: [TPipe, LocPipe, MunicipalityPicker, LoadStateView, RouterLink, HelpBox],
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
  /** The picker shows the municipality, also on a wijk's or buurt's panel. */
  protected readonly municipality = computed(() => {
    const code = this.code();
    return code ? municipalityOf(code) : null;
  });
  protected readonly quadrantInfo = (q: Quadrant) => QUADRANT_INFO[q];
  protected readonly hasContent = computed(() => this.state().status !== 'idle');

  protected statusKey(status: string): MessageKey {
    return `status.${status}` as MessageKey;
  }

  /** Where an item leads: the same plain-language panel for the area it is about (council's own page). */
  protected itemPath(link: NonNullable<CouncilItem['link']>): string[] {
    return ['/raad', link.area];
  }
  protected itemQuery(link: NonNullable<CouncilItem['link']>): Record<string, string> {
    return !link.area.startsWith('GM') && link.municipality ? { gemeente: link.municipality } : {};
  }

  protected pick(code: string): void {
    void this.router.navigate(['/raad', code]);
  }
}
