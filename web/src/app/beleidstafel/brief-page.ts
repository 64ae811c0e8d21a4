import '../core/i18n/messages';
import '../core/i18n/messages-access';
import '../core/i18n/messages-pages';
import './brief-messages';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { BriefModel } from 'contracts';
import { combineLatest, switchMap } from 'rxjs';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { MeetingsApi } from '../shared/meetings-api';
import { EvidenceView } from '../signalen/evidence-view';
import { briefFileName, saveBlob } from './brief-download';

/**
 * Print-ready brief for the policy-table conversation (A4). It draws the API's brief model
 * (`?format=json`), the same model the server's HTML and PDF briefs are drawn from, so the three
 * carry the same items, words and figures, in the reader's language and as her role may see them.
 * Lives outside the shell, so there is no navigation on screen or paper; charts render as SVG at once.
 */
@Component({
  selector: 'app-brief-page',
  imports: [TPipe, RouterLink, LoadStateView, EvidenceView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './brief-page.html',
  styleUrl: './brief-page.css',
})
export class BriefPage {
  private readonly meetings = inject(MeetingsApi);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();

  protected readonly state = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.i18n.lang)]).pipe(
      switchMap(([id, lang]) => this.meetings.briefModel(id, lang).pipe(toLoadState())),
    ),
    { initialValue: LOADING as LoadState<BriefModel> },
  );

  protected readonly pdfBusy = signal(false);
  protected readonly pdfError = signal(false);
  protected readonly pdfLabel = computed(() => this.i18n.t((this.pdfBusy() ? 'brief.pdfBusy' : 'brief.pdf') as MessageKey));
  protected readonly pdfFailed = computed(() => this.i18n.t('brief.pdfFailed' as MessageKey));

  protected print(): void {
    window.print();
  }

  /** Downloads the server's PDF of this brief (the same model, laid out on A4). */
  protected downloadPdf(model: BriefModel): void {
    this.pdfBusy.set(true);
    this.pdfError.set(false);
    this.meetings.briefPdf(model.meeting.id, this.i18n.lang()).subscribe({
      next: (blob) => {
        this.pdfBusy.set(false);
        saveBlob(blob, briefFileName(model.meeting.title, model.meeting.date));
      },
      error: () => {
        this.pdfBusy.set(false);
        this.pdfError.set(true);
      },
    });
  }
}
