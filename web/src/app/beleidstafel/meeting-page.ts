import '../core/i18n/messages-pages';
import './brief-messages';
import './decision-messages';
import type { DecisionMessageKey } from './decision-messages';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { AgendaItem, Meeting, Signal } from 'contracts';
import { catchError, combineLatest, map, merge, of, Subject, switchMap } from 'rxjs';
import { apiMessage } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { MessageKey } from '../core/i18n/messages';
import { DayPipe, LocPipe, NumPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { HelpBox } from '../shared/help-box';
import { AreaNames, nameOf } from '../areas/area-names';
import { SignalsApi } from '../signalen/signals-api';
import { MeetingsApi } from '../shared/meetings-api';
import { briefFileName, saveBlob } from './brief-download';

@Component({
  selector: 'app-meeting-page',
  imports: [TPipe, DayPipe, LocPipe, NumPipe, RouterLink, LoadStateView, NgTemplateOutlet, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-page.html',
  styles: `
    .item { margin-bottom: 1rem; }
    .item form { display: flex; flex-direction: column; gap: 0.4rem; max-width: 40rem; }
    .tools { display: flex; gap: 0.75rem; flex-wrap: wrap; align-items: center; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
    .facts dt { font-weight: 600; }
    .facts dd { margin: 0; }
  `,
})
export class MeetingPage {
  private readonly api = inject(MeetingsApi);
  private readonly signalsApi = inject(SignalsApi);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();

  private readonly changed$ = new Subject<Meeting>();
  protected readonly state = toSignal(
    merge(
      toObservable(this.id).pipe(switchMap((id) => this.api.get(id).pipe(toLoadState()))),
      this.changed$.pipe(map((m): LoadState<Meeting> => ({ status: 'ok', data: m }))),
    ),
    { initialValue: LOADING as LoadState<Meeting> },
  );
  private readonly meeting = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.data : null;
  });
  private readonly areaNames = inject(AreaNames);
  /** The meeting's area by its name (the code only while the name is unknown). */
  protected readonly areaName = toSignal(
    toObservable(computed(() => this.meeting()?.area ?? null)).pipe(
      switchMap((area) => (area ? this.areaNames.names([area]).pipe(map((names) => nameOf(names, area))) : of(''))),
    ),
    { initialValue: '' },
  );

  /** Open and interpreted signals of the meeting's area that are not on this agenda yet. */
  private readonly candidates$ = toObservable(computed(() => this.meeting()?.area ?? null)).pipe(
    switchMap((area) =>
      area
        ? combineLatest([
            this.signalsApi.list({ status: 'open', area }).pipe(catchError(() => of([] as Signal[]))),
            this.signalsApi.list({ status: 'interpreted', area }).pipe(catchError(() => of([] as Signal[]))),
          ]).pipe(map(([a, b]) => [...b, ...a]))
        : of([] as Signal[]),
    ),
  );
  private readonly allCandidates = toSignal(this.candidates$, { initialValue: [] as Signal[] });
  protected readonly candidates = computed(() => {
    const on = new Set((this.meeting()?.items ?? []).map((i) => i.signalId));
    return this.allCandidates().filter((s) => !on.has(s.id));
  });

  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly itemErrors = signal<Record<string, string>>({});
  /** Who can own a decision; an empty list (e.g. for a role that may not ask) leaves the choice out. */
  protected readonly owners = toSignal(this.api.owners().pipe(catchError(() => of([]))), { initialValue: [] });

  protected dx(key: DecisionMessageKey): string {
    return this.i18n.t(key as MessageKey);
  }

  protected items(m: Meeting): AgendaItem[] {
    return [...(m.items ?? [])].sort((a, b) => a.position - b.position);
  }

  protected statusKey(status: string): MessageKey {
    return `status.${status}` as MessageKey;
  }
  protected effectKey(direction: string): MessageKey {
    return `effect.${direction}` as MessageKey;
  }

  protected addItem(signalId: string, notes: string): void {
    const m = this.meeting();
    if (!m) return;
    if (!signalId) {
      this.error.set(this.i18n.t('beleidstafel.chooseSignal'));
      return;
    }
    this.error.set(null);
    this.busy.set(true);
    this.api.addItem(m.id, { signalId, ...(notes.trim() ? { notes: notes.trim() } : {}) }).subscribe({
      next: () => this.refresh(this.i18n.t('beleidstafel.added')),
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(apiMessage(err) ?? this.i18n.t('state.errorGeneric'));
      },
    });
  }

  protected decide(item: AgendaItem, decision: string, effectDueOn = '', ownerId = '', deadline = ''): void {
    const m = this.meeting();
    if (!m) return;
    if (!decision.trim()) {
      this.itemErrors.update((e) => ({ ...e, [item.id]: this.i18n.t('beleidstafel.decisionRequired') }));
      return;
    }
    this.itemErrors.update((e) => ({ ...e, [item.id]: '' }));
    this.busy.set(true);
    this.api.decide(m.id, item.id, { decision: decision.trim(), effectDueOn: effectDueOn || null, ownerId: ownerId || null, deadline: deadline || null }).subscribe({
      next: () => this.refresh(this.i18n.t('beleidstafel.decided')),
      error: (err: unknown) => {
        this.busy.set(false);
        this.itemErrors.update((e) => ({ ...e, [item.id]: apiMessage(err) ?? this.i18n.t('state.errorGeneric') }));
      },
    });
  }

  protected readonly pdfBusy = signal(false);

  /** Downloads the brief as a PDF (the server renders it from the same content as the HTML brief). */
  protected downloadPdf(): void {
    const m = this.meeting();
    if (!m) return;
    this.pdfBusy.set(true);
    this.api.briefPdf(m.id, this.i18n.lang()).subscribe({
      next: (blob) => {
        this.pdfBusy.set(false);
        saveBlob(blob, briefFileName(m.title, m.date));
      },
      error: () => {
        this.pdfBusy.set(false);
        this.error.set(this.i18n.t('brief.pdfFailed' as MessageKey));
      },
    });
  }

  protected pdfLabel(): string {
    return this.i18n.t((this.pdfBusy() ? 'brief.pdfBusy' : 'brief.pdf') as MessageKey);
  }

  /** Opens the server's HTML brief: it needs the token, so it is fetched and shown from a Blob URL. */
  protected openServerBrief(): void {
    const m = this.meeting();
    if (!m) return;
    // Opened before the request so pop-up blockers see a user action.
    const win = window.open('', '_blank');
    this.api.briefHtml(m.id, this.i18n.lang()).subscribe({
      next: (html) => {
        const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
        if (win) win.location.href = url;
        else window.open(url, '_blank');
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
      error: (err: unknown) => {
        win?.close();
        this.error.set(apiMessage(err) ?? this.i18n.t('state.errorGeneric'));
      },
    });
  }

  private refresh(message: string): void {
    this.api.get(this.id()).subscribe({
      next: (m) => {
        this.busy.set(false);
        this.message.set(message);
        this.changed$.next(m);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(apiMessage(err) ?? this.i18n.t('state.errorGeneric'));
      },
    });
  }
}
