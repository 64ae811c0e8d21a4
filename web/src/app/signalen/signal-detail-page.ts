import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { SIGNAL_STATUSES, type Signal, type SignalStatus } from 'contracts';
import { catchError, merge, of, Subject, switchMap } from 'rxjs';
import { MeetingsApi } from '../beleidstafel/meetings-api';
import { apiMessage } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { MessageKey } from '../core/i18n/messages';
import { DayPipe, LocPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { needsComment } from './signal-order';
import { SignalsApi } from './signals-api';

@Component({
  selector: 'app-signal-detail-page',
  imports: [TPipe, LocPipe, DayPipe, RouterLink, LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './signal-detail-page.html',
})
export class SignalDetailPage {
  private readonly api = inject(SignalsApi);
  private readonly meetingsApi = inject(MeetingsApi);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();

  /** A saved update replaces the loaded signal without another request. */
  private readonly saved$ = new Subject<Signal>();
  protected readonly state = toSignal(
    merge(
      toObservable(this.id).pipe(switchMap((id) => this.api.get(id).pipe(toLoadState()))),
      this.saved$.pipe(switchMap((s) => of<LoadState<Signal>>({ status: 'ok', data: s }))),
    ),
    { initialValue: LOADING as LoadState<Signal> },
  );
  protected readonly meetings = toSignal(this.meetingsApi.list().pipe(catchError(() => of([]))), { initialValue: [] });

  protected readonly statuses = SIGNAL_STATUSES;
  protected readonly chosen = signal<SignalStatus>('interpreted');
  protected readonly commentNeeded = computed(() => needsComment(this.chosen()));
  protected readonly meetingId = signal('');
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly savedMessage = signal<string | null>(null);

  protected key(prefix: 'status' | 'rule' | 'severity', value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected choose(value: string): void {
    this.chosen.set(value as SignalStatus);
  }

  protected save(comment: string, meetingId: string): void {
    const status = this.chosen();
    this.savedMessage.set(null);
    if (needsComment(status) && !comment.trim()) {
      this.formError.set(this.i18n.t('signalen.commentRequired'));
      return;
    }
    if (status === 'on-agenda' && !meetingId) {
      this.formError.set(this.i18n.t('signalen.meetingRequired'));
      return;
    }
    this.formError.set(null);
    this.busy.set(true);
    const body = { status, comment: comment.trim(), ...(status === 'on-agenda' ? { meetingId } : {}) };
    this.api.update(this.id(), body).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.savedMessage.set(this.i18n.t('signalen.saved'));
        this.saved$.next(updated);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.formError.set(apiMessage(err) ?? this.i18n.t('state.errorGeneric'));
      },
    });
  }
}
