import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Meeting } from 'contracts';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { DayPipe, LocPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { MeetingsApi } from './meetings-api';

@Component({
  selector: 'app-beleidstafel-page',
  imports: [TPipe, DayPipe, LocPipe, RouterLink, LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'beleidstafel.title' | t }}</h1>
    @let s = state();
    @if (s.status === 'ok') {
      @for (m of s.data; track m.id) {
        <section class="card meeting" [attr.aria-labelledby]="'meeting-' + m.id">
          <h2 [id]="'meeting-' + m.id">{{ m.date | day }} · {{ m.title }}</h2>
          <h3>{{ 'beleidstafel.agenda' | t }}</h3>
          <ol>
            @for (item of m.items; track item.id) {
              <li>
                <a [routerLink]="['/signalen', item.signalId]">{{ item.signal ? (item.signal.title | loc) : item.signalId }}</a>
                <p>
                  <strong>{{ 'beleidstafel.decision' | t }}:</strong>
                  {{ item.decision ?? ('beleidstafel.noDecision' | t) }}
                </p>
              </li>
            }
          </ol>
        </section>
      } @empty {
        <p>{{ 'beleidstafel.noMeetings' | t }}</p>
      }
    } @else {
      <app-load-state-view [state]="s" />
    }
  `,
  styles: `.meeting { margin-bottom: 1rem; }`,
})
export class BeleidstafelPage {
  private readonly api = inject(MeetingsApi);
  protected readonly state = toSignal(this.api.list().pipe(toLoadState()), {
    initialValue: LOADING as LoadState<Meeting[]>,
  });
}
