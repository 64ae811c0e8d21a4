import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { ImportBatch, ImportError, ImportResult } from 'contracts';
import { BehaviorSubject, switchMap } from 'rxjs';
import { apiMessage, importErrors } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { DayPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { ImportFormat, ImportsApi } from './imports-api';
import { IndicatorCatalogue } from './indicator-catalogue';
import { SignalSettingsSection } from './signal-settings-section';

@Component({
  selector: 'app-data-page',
  imports: [TPipe, DayPipe, LoadStateView, IndicatorCatalogue, SignalSettingsSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './data-page.html',
})
export class DataPage {
  private readonly api = inject(ImportsApi);
  private readonly i18n = inject(I18nService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly history = toSignal(
    this.reload$.pipe(switchMap(() => this.api.history().pipe(toLoadState()))),
    { initialValue: LOADING as LoadState<ImportBatch[]> },
  );
  protected readonly busy = signal(false);
  protected readonly result = signal<ImportResult | null>(null);
  protected readonly errors = signal<ImportError[]>([]);
  protected readonly message = signal<string | null>(null);

  private static readonly FORMATS: Record<string, MessageKey> = { long: 'data.fmt.long', statline: 'data.fmt.statline', json: 'data.fmt.json' };

  /** The batch's format in words (the raw name for a format this page does not know). */
  protected formatName(format: string): string {
    const key = DataPage.FORMATS[format];
    return key ? this.i18n.t(key) : format;
  }

  protected upload(files: FileList | null, format: string): void {
    const file = files?.[0];
    this.result.set(null);
    this.errors.set([]);
    if (!file) {
      this.message.set(this.i18n.t('data.noFile'));
      return;
    }
    this.message.set(null);
    this.busy.set(true);
    this.api.upload(file, format === 'statline' ? 'statline' : ('long' satisfies ImportFormat)).subscribe({
      next: (res) => {
        this.busy.set(false);
        this.result.set(res);
        this.reload$.next();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.reload$.next(); // a rejected file is kept in the history too
        const errors = importErrors(err);
        this.errors.set(errors);
        this.message.set(
          errors.length
            ? this.i18n.t('data.rejected', { count: errors.length })
            : (apiMessage(err) ?? this.i18n.t('state.errorGeneric')),
        );
      },
    });
  }
}
