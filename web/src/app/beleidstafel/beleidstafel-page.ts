import '../core/i18n/messages-pages';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { Meeting } from 'contracts';
import { BehaviorSubject, catchError, of, switchMap } from 'rxjs';
import { AreasApi } from '../areas/areas-api';
import { apiMessage } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { DayPipe, TPipe } from '../core/i18n/t.pipe';
import { findMunicipality } from '../shared/find-municipality';
import { LoadStateView } from '../shared/load-state-view';
import { MeetingsApi } from '../shared/meetings-api';
import { HelpBox } from '../shared/help-box';

/** Meetings of the policy table, newest first, and a form to plan a new one. */
@Component({
  selector: 'app-beleidstafel-page',
  imports: [TPipe, DayPipe, RouterLink, LoadStateView, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'beleidstafel.title' | t }}</h1>
    <app-help-box topic="beleidstafel" />
    <section class="card" aria-labelledby="new-meeting-heading">
      <h2 id="new-meeting-heading">{{ 'beleidstafel.new' | t }}</h2>
      <form class="filters" (submit)="$event.preventDefault(); create(date.value, title.value, area.value)" novalidate>
        <div>
          <label for="meeting-date">{{ 'col.date' | t }}</label>
          <input id="meeting-date" #date type="date" required />
        </div>
        <div>
          <label for="meeting-title">{{ 'beleidstafel.meetingTitle' | t }}</label>
          <input id="meeting-title" #title required maxlength="200" />
        </div>
        <div>
          <label for="meeting-area">{{ 'col.municipality' | t }}</label>
          <input id="meeting-area" #area list="meeting-area-options" required autocomplete="off" />
          <datalist id="meeting-area-options">
            @for (m of municipalities(); track m.code) {
              <option [value]="m.name + ' (' + m.code + ')'"></option>
            }
          </datalist>
        </div>
        <button type="submit" data-testid="meeting-create" [disabled]="busy()">{{ 'beleidstafel.create' | t }}</button>
      </form>
      @if (error(); as e) {
        <p class="error" role="alert">{{ e }}</p>
      }
    </section>

    <h2>{{ 'beleidstafel.meetings' | t }}</h2>
    @let s = state();
    @if (s.status === 'ok') {
      @if (sorted().length) {
        <table>
          <caption class="visually-hidden">{{ 'beleidstafel.meetings' | t }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'col.date' | t }}</th>
              <th scope="col">{{ 'beleidstafel.meetingTitle' | t }}</th>
              <th scope="col">{{ 'col.area' | t }}</th>
              <th scope="col" class="num">{{ 'beleidstafel.items' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (m of sorted(); track m.id) {
              <tr data-testid="meeting-row">
                <td>{{ m.date | day }}</td>
                <th scope="row"><a [routerLink]="['/beleidstafel', m.id]">{{ m.title }}</a></th>
                <td>{{ m.area }}</td>
                <td class="num">{{ itemCount(m) }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p>{{ 'beleidstafel.noMeetings' | t }}</p>
      }
    } @else {
      <app-load-state-view [state]="s" />
    }
  `,
})
export class BeleidstafelPage {
  private readonly api = inject(MeetingsApi);
  private readonly areas = inject(AreasApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly state = toSignal(this.reload$.pipe(switchMap(() => this.api.list().pipe(toLoadState()))), {
    initialValue: LOADING as LoadState<Meeting[]>,
  });
  protected readonly sorted = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? [...s.data].sort((a, b) => b.date.localeCompare(a.date)) : [];
  });
  protected readonly municipalities = toSignal(this.areas.municipalities().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected itemCount(m: Meeting): number {
    // The list may answer meetings without their items.
    return Array.isArray(m.items) ? m.items.length : 0;
  }

  protected create(date: string, title: string, areaInput: string): void {
    if (!date || !title.trim() || !areaInput.trim()) {
      this.error.set(this.i18n.t('beleidstafel.required'));
      return;
    }
    const area = findMunicipality(this.municipalities(), areaInput)?.code ?? areaInput.trim();
    this.error.set(null);
    this.busy.set(true);
    this.api.create({ date, title: title.trim(), area }).subscribe({
      next: (m) => {
        this.busy.set(false);
        void this.router.navigate(['/beleidstafel', m.id]);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(apiMessage(err) ?? this.i18n.t('state.errorGeneric'));
      },
    });
  }
}
