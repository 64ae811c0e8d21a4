import '../core/i18n/messages';
import '../core/i18n/messages-access';
import '../core/i18n/messages-pages';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { QUADRANT_INFO, type AgendaItem, type Meeting, type Signal, type SignalEvent } from 'contracts';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { DayPipe, LocPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { EvidenceView } from '../signalen/evidence-view';
import { SignalsApi } from '../signalen/signals-api';
import { MeetingsApi } from '../shared/meetings-api';
import { AreasApi } from '../areas/areas-api';
import { isSystemActor } from '../shared/actor';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import type { DatedMark } from '../shared/decision-marks';
import '../shared/export-messages';

interface BriefItem {
  item: AgendaItem;
  signal: Signal | null;
}
interface Brief {
  meeting: Meeting;
  items: BriefItem[];
}

/** Comments that interpret the signal, oldest first (the story of how it got here). */
/** What people wrote about the signal (the system's own history lines are not an interpretation). */
export function interpretations(history: SignalEvent[] | undefined): SignalEvent[] {
  return (history ?? []).filter((e) => !!e.comment?.trim() && e.to !== 'dismissed' && !isSystemActor(e.actor));
}

/**
 * Print-ready brief for the policy-table conversation (A4). Lives outside the shell, so there is
 * no navigation on screen or paper; charts render as SVG straight away.
 */
@Component({
  selector: 'app-brief-page',
  imports: [TPipe, DayPipe, LocPipe, RouterLink, LoadStateView, EvidenceView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './brief-page.html',
  styleUrl: './brief-page.css',
})
export class BriefPage {
  private readonly meetings = inject(MeetingsApi);
  private readonly signals = inject(SignalsApi);

  readonly id = input.required<string>();

  protected readonly state = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.meetings.get(id).pipe(
          switchMap((meeting) => {
            const items = [...(meeting.items ?? [])].sort((a, b) => a.position - b.position);
            if (items.length === 0) return of<Brief>({ meeting, items: [] });
            // The agenda carries a summary of each signal; the brief needs its history and evidence.
            return forkJoin(
              items.map((item) =>
                this.signals.get(item.signalId).pipe(
                  catchError(() => of(item.signal ?? null)),
                  map((signal): BriefItem => ({ item, signal })),
                ),
              ),
            ).pipe(map((list): Brief => ({ meeting, items: list })));
          }),
          toLoadState(),
        ),
      ),
    ),
    { initialValue: LOADING as LoadState<Brief> },
  );
  /** The meeting's area by name (people read names, not codes). */
  private readonly areas = inject(AreasApi);
  protected readonly areaName = toSignal(
    toObservable(this.state).pipe(
      switchMap((s) => (s.status === 'ok' ? this.areas.detail(s.data.meeting.area).pipe(map((a) => a.name), catchError(() => of(s.data.meeting.area))) : of(''))),
    ),
    { initialValue: '' },
  );
  private readonly i18n = inject(I18nService);
  /** The item's decision on its evidence chart, at the meeting's date (where its annotation is dated too). */
  protected decisionMarks(meeting: Meeting, item: AgendaItem): DatedMark[] {
    return item.decision ? [{ date: meeting.date, text: this.i18n.t('export.decision' as MessageKey, { text: item.decision }) }] : [];
  }
  protected readonly quadrant = (q: Signal['quadrant']) => QUADRANT_INFO[q];
  protected readonly interpretations = interpretations;

  protected print(): void {
    window.print();
  }
}
