import '../core/i18n/messages-pages';
import { actorText, eventComment } from '../shared/actor';
import '../core/i18n/messages-inbox';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { can, type Quadrant, type Signal, type SignalMember, type SignalEvent, type SignalStatus } from 'contracts';
import { catchError, distinctUntilChanged, map, merge, of, Subject, switchMap } from 'rxjs';
import { IndicatorsApi } from '../indicators/indicators-api';
import { AreaNames, municipalityOf } from '../areas/area-names';
import { buildUp, memberCount } from './signal-groups';
import { SignalMembers, quadrantText, seenInText } from './signal-members';
import { MeetingsApi } from '../shared/meetings-api';
import { signalDecisionMarks } from '../shared/decision-marks';
import '../shared/export-messages';
import { apiMessage } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { MessageKey } from '../core/i18n/messages';
import { DayPipe, LocPipe, TPipe } from '../core/i18n/t.pipe';
import { AuthService } from '../core/auth/auth.service';
import { LoadStateView } from '../shared/load-state-view';
import { EvidenceView } from './evidence-view';
import { SignalOwner } from '../meldingen/signal-owner';
import { allowedActions } from './signal-actions';
import { isStale, needsComment } from './signal-order';
import { SignalsApi } from './signals-api';
import { HelpBox } from '../shared/help-box';

@Component({
  selector: 'app-signal-detail-page',
  imports: [TPipe, LocPipe, DayPipe, RouterLink, LoadStateView, EvidenceView, SignalOwner, SignalMembers, HelpBox],
  styles: `.actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; } .actions form { display: flex; flex-direction: column; gap: 0.4rem; } .actions h3 { margin: 0; }`,
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
  /** Decisions on this signal (or its group) as marks on its evidence chart, as on the Verkenner and the brief. */
  protected readonly decisionMarks = computed(() => {
    const s = this.state();
    if (s.status !== 'ok') return [];
    return signalDecisionMarks(this.meetings(), [s.data.id, s.data.groupId], (text) => this.i18n.t('export.decision' as MessageKey, { text }));
  });

  /** The group this signal is a member of (for its title), if any. */
  protected readonly group = toSignal(
    toObservable(computed(() => {
      const s = this.state();
      return s.status === 'ok' ? (s.data.groupId ?? null) : null;
    })).pipe(
      distinctUntilChanged(),
      switchMap((id) => (id ? this.api.get(id).pipe(catchError(() => of(null))) : of(null))),
    ),
    { initialValue: null },
  );
  private readonly indicatorNames = toSignal(
    inject(IndicatorsApi).catalogue().pipe(map((list) => new Map(list.map((i) => [i.code, i.name]))), catchError(() => of(new Map()))),
    { initialValue: new Map() },
  );
  /** Names of the signal's areas (its subjects arrive as codes). */
  private readonly areaNamesApi = inject(AreaNames);
  private readonly subjectNames = toSignal(
    toObservable(computed(() => {
      const s = this.state();
      return s.status === 'ok' ? s.data.subjects : [];
    })).pipe(switchMap((codes) => (codes.length ? this.areaNamesApi.names(codes) : of(new Map<string, string>())))),
    { initialValue: new Map<string, string>() },
  );
  protected subjectName(code: string): string {
    return this.subjectNames().get(code) ?? code;
  }
  /** A wijk's page keeps its municipality in the URL. */
  protected subjectQuery(code: string): Record<string, string> {
    const gm = municipalityOf(code);
    return gm && gm !== code ? { gemeente: gm } : {};
  }
  protected indicatorsText(codes: string[]): string {
    return codes.map((c) => this.i18n.text(this.indicatorNames().get(c) ?? c)).join(', ');
  }
  /** The escalation build-up (I/II members of a III/IV signal) and the group's other members. */
  protected buildUp(sig: Signal): SignalMember[] {
    return buildUp(sig);
  }
  protected otherMembers(sig: Signal): SignalMember[] {
    const bu = new Set(buildUp(sig).map((m) => m.id));
    return (sig.members ?? []).filter((m) => !bu.has(m.id));
  }
  protected seenIn(sig: Signal): string {
    return seenInText(this.i18n, sig.members ?? [], memberCount(sig));
  }
  protected quadrantName(q: Quadrant): string {
    return quadrantText(this.i18n, q);
  }

  private readonly auth = inject(AuthService);
  protected readonly actions = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? allowedActions(this.auth.role(), s.data.status) : [];
  });
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly savedMessage = signal<string | null>(null);
  private readonly now = new Date();

  /** Owner (issue 13): roles with `signals.assign` assign; the history shows the change. */
  protected canAssignOwner(): boolean {
    return can(this.auth.role(), 'signals.assign');
  }
  protected reloadAfterOwner(): void {
    this.api.get(this.id()).subscribe((s) => this.saved$.next(s));
  }

  protected stale(sig: Signal): boolean {
    return isStale(sig, this.now);
  }

  /** Who wrote a history line: people as themselves, the system as "systeem". */
  protected actor(a: string): string {
    return actorText(a, this.i18n.t('actor.system'));
  }
  /** A history comment in the reader's language (the system writes both). */
  protected comment(e: SignalEvent): string {
    return eventComment(e.actor, e.comment, this.i18n.lang());
  }
  protected key(prefix: 'status' | 'rule' | 'severity', value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected act(status: SignalStatus, comment: string, meetingId = ''): void {
    this.savedMessage.set(null);
    if (needsComment(status) && !comment.trim()) {
      this.formError.set(this.i18n.t('signalen.commentRequired'));
      return;
    }
    if (status === 'interpreted' && !comment.trim()) {
      this.formError.set(this.i18n.t('signalen.interpretRequired'));
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
        // Some answers carry no history; keep the page whole by reloading when they do not.
        this.saved$.next(updated.history ? updated : { ...updated, history: this.currentHistory() });
        if (!updated.history) this.reload();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.formError.set(apiMessage(err) ?? this.i18n.t('state.errorGeneric'));
      },
    });
  }

  private currentHistory() {
    const s = this.state();
    return s.status === 'ok' ? s.data.history : undefined;
  }

  private reload(): void {
    this.api.get(this.id()).subscribe({ next: (s) => this.saved$.next(s), error: () => undefined });
  }
}
