import '../core/i18n/messages-inbox';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Signal, SignalMember } from 'contracts';
import { map, switchMap } from 'rxjs';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { LocPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { buildUp } from '../signalen/signal-groups';
import { SignalMembers, quadrantText } from '../signalen/signal-members';
import { SignalsApi } from '../signalen/signals-api';

interface Escalation {
  signal: Signal;
  feeds: SignalMember[];
}

/** Which individual (I/II) signals in an area feed which collective (III/IV) signal (issue 11). */
export function escalations(signals: readonly Signal[]): Escalation[] {
  return signals.map((signal) => ({ signal, feeds: buildUp(signal) })).filter((e) => e.feeds.length > 0);
}

@Component({
  selector: 'app-wijk-build-up',
  imports: [TPipe, LocPipe, RouterLink, LoadStateView, SignalMembers],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="build-up-heading" data-testid="wijk-build-up">
      <h2 id="build-up-heading">{{ 'inbox.wijkBuildUp' | t }}</h2>
      <p class="hint">{{ 'inbox.wijkBuildUpHint' | t }}</p>
      @let s = state();
      @if (s.status === 'ok') {
        @for (e of s.data; track e.signal.id) {
          <div class="card build-up" data-testid="escalation" [attr.data-signal-id]="e.signal.id">
            <app-signal-members [members]="e.feeds" [caption]="'inbox.buildUp' | t" />
            <p>
              ↓ {{ 'inbox.feeds' | t }}:
              <a [routerLink]="['/signalen', e.signal.id]">{{ e.signal.title | loc }}</a>
              ({{ quadrant(e.signal) }})
            </p>
          </div>
        } @empty {
          <p data-testid="no-build-up">{{ 'inbox.noBuildUp' | t }}</p>
        }
      } @else {
        <app-load-state-view [state]="s" />
      }
    </section>
  `,
})
export class WijkBuildUp {
  private readonly api = inject(SignalsApi);
  private readonly i18n = inject(I18nService);
  readonly code = input.required<string>();

  protected readonly state = toSignal(
    toObservable(computed(() => this.code())).pipe(
      switchMap((area) => this.api.page({ area }).pipe(map((p) => escalations(p.items)), toLoadState())),
    ),
    { initialValue: LOADING as LoadState<Escalation[]> },
  );

  protected quadrant(sig: Signal): string {
    return quadrantText(this.i18n, sig.quadrant);
  }
}
