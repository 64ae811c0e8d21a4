import './import-messages';
import './cbs-messages';
import './catalogue-messages';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { HttpErrorResponse } from '@angular/common/http';
import { RouterLink } from '@angular/router';
import { can, type FormatDetectionInfo, type ImportBatch, type ImportError, type ImportPreview, type ImportResult, type ImportSummary } from 'contracts';
import { BehaviorSubject, catchError, map, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { IndicatorsApi } from '../indicators/indicators-api';
import { apiMessage, codeText, importErrors, issueText } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { actorText } from '../shared/actor';
import '../core/i18n/messages-pages';
import type { ImportMessageKey } from './import-messages';
import { ImportFormat, ImportsApi, type HistoryPage, type UploadOptions } from './imports-api';
import { IndicatorCatalogue } from './indicator-catalogue';
import { SignalSettingsSection } from './signal-settings-section';
import { CbsSourcesSection } from './cbs-sources-section';
import { ColumnMappingSection } from './column-mapping-section';
import { BoundaryUploadSection } from './boundary-upload-section';
import { DetectionRunsSection } from './detection-runs-section';
import { HelpBox } from '../shared/help-box';

@Component({
  selector: 'app-data-page',
  imports: [TPipe, RouterLink, LoadStateView, IndicatorCatalogue, SignalSettingsSection, CbsSourcesSection, ColumnMappingSection, BoundaryUploadSection, DetectionRunsSection, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './data-page.html',
  // Long file names and the changes column must not push the history past the window.
  styles: [
    '.history-source { overflow-wrap: anywhere; } .history-changes { min-width: 11rem; }',
    // Source and period side by side where there is room; their hints wrap instead of widening them.
    '.upload-options > div { flex: 1 1 16rem; max-width: 26rem; } .upload-options input { width: 100%; box-sizing: border-box; }',
  ],
})
export class DataPage {
  private readonly api = inject(ImportsApi);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthService);
  /** The detection runs: only for roles that may list them (`GET /signals/runs` asks `signals.detect`). */
  protected readonly canSeeRuns = computed(() => can(this.auth.role(), 'signals.detect'));
  /** An import error in the user's language (its code), else a generic sentence: never the server's English text. */
  protected issue(e: ImportError): string {
    return issueText(e);
  }
  protected actor(a: string | null | undefined): string {
    return actorText(a, this.i18n.t('actor.system'));
  }
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  private readonly firstPage = toSignal(
    this.reload$.pipe(switchMap(() => this.api.history().pipe(toLoadState()))),
    { initialValue: LOADING as LoadState<HistoryPage> },
  );
  /** Older batches loaded with "Meer laden", for the first page they follow (a reload starts over). */
  private readonly older = signal<{ after: HistoryPage; items: ImportBatch[]; next: string | null } | null>(null);
  protected readonly history = computed<LoadState<ImportBatch[]>>(() => {
    const first = this.firstPage();
    if (first.status !== 'ok') return first;
    const more = this.older();
    return { status: 'ok', data: more?.after === first.data ? [...first.data.items, ...more.items] : first.data.items };
  });
  /** URL of the next older page, null at the end. */
  protected readonly historyNext = computed(() => {
    const first = this.firstPage();
    if (first.status !== 'ok') return null;
    const more = this.older();
    return more?.after === first.data ? more.next : first.data.next;
  });
  protected readonly loadingOlder = signal(false);
  protected readonly olderError = signal(false);

  protected loadOlder(): void {
    const url = this.historyNext();
    const first = this.firstPage();
    if (!url || this.loadingOlder() || first.status !== 'ok') return;
    this.loadingOlder.set(true);
    this.olderError.set(false);
    this.api.historyPage(url).subscribe({
      next: (page) => {
        const more = this.older();
        const have = more?.after === first.data ? more.items : [];
        const seen = new Set([...first.data.items, ...have].map((b) => b.id));
        this.older.set({ after: first.data, items: [...have, ...page.items.filter((b) => !seen.has(b.id))], next: page.next });
        this.loadingOlder.set(false);
      },
      error: () => {
        this.loadingOlder.set(false);
        this.olderError.set(true);
      },
    });
  }
  protected readonly busy = signal(false);
  protected readonly result = signal<ImportResult | null>(null);
  protected readonly errors = signal<ImportError[]>([]);
  protected readonly message = signal<string | null>(null);
  /** The preview of the chosen file, waiting for the analyst's confirmation. */
  protected readonly preview = signal<ImportPreview | null>(null);
  /** What the last completed import changed (from its batch). */
  protected readonly changed = signal<ImportSummary | null>(null);
  private pending: { file: File; format: ImportFormat; options: UploadOptions } | null = null;
  /** Indicator names by code: the page shows names, not codes. */
  private readonly indicators = inject(IndicatorsApi);
  private readonly names$ = new BehaviorSubject<void>(undefined);
  private readonly names = toSignal(
    this.names$.pipe(
      switchMap(() => this.indicators.catalogue()),
      map((list) => new Map(list.map((i) => [i.code, i.name]))),
      catchError(() => of(new Map())),
    ),
    { initialValue: new Map() },
  );

  protected indicatorNames(codes: string[]): string[] {
    return codes.map((c) => this.indicatorName(c));
  }

  protected indicatorName(code: string): string {
    const name = this.names().get(code);
    return name ? this.i18n.text(name) : code;
  }

  private static readonly FORMATS: Record<string, MessageKey> = { long: 'data.fmt.long', statline: 'data.fmt.statline', json: 'data.fmt.json', odata: 'cbs.format' as MessageKey };

  /** The batch's format in words (the raw name for a format this page does not know). */
  protected formatName(format: string): string {
    const key = DataPage.FORMATS[format];
    return key ? this.i18n.t(key) : format;
  }

  /** A batch's status in words. */
  protected statusName(status: ImportBatch['status']): string {
    if (status === 'running' || status === 'interrupted') return this.tx(`imp.status.${status}`);
    return this.i18n.t(status === 'failed' ? 'data.status.failed' : 'data.status.completed');
  }

  /** Texts of the import preview (registered in import-messages.ts). */
  protected tx(key: ImportMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  protected when(iso: string): string {
    return this.i18n.dateTime(iso);
  }

  /** "12 new, 3 overwritten; loneliness (2020)" for the history. */
  protected changes(s: ImportSummary | null | undefined): string {
    if (!s) return '–';
    const changed = this.tx('imp.changed', { new: s.rowsNew, replaced: s.rowsReplaced });
    const periods = s.periods.length > 4 ? `${s.periods.slice(0, 2).join(', ')} … ${s.periods[s.periods.length - 1]}` : s.periods.join(', ');
    return this.tx('imp.changedIn', { changed, indicators: s.indicators.map((c) => this.indicatorName(c)).join(', ') || this.tx('imp.none'), periods });
  }

  /** "Aangenomen formaat: CBS StatLine-download, omdat …": the reason is the server's message key with its details. */
  protected detected(d: FormatDetectionInfo): string {
    return this.tx('imp.detected', { format: this.formatName(d.format), reason: codeText(d.code, d.params) ?? d.reason });
  }

  protected list(items: string[]): string {
    return items.length ? items.join(', ') : this.tx('imp.none');
  }

  private static toFormat(value: string): ImportFormat {
    return value === 'statline' || value === 'long' ? value : 'auto';
  }

  private start(files: FileList | null): File | null {
    const file = files?.[0] ?? null;
    this.remapped.set(false);
    this.result.set(null);
    this.changed.set(null);
    this.preview.set(null);
    this.errors.set([]);
    if (!file) {
      this.message.set(this.i18n.t('data.noFile'));
      return null;
    }
    this.message.set(null);
    this.busy.set(true);
    return file;
  }

  /** Step 1: validate fully on the server, write nothing, show what would change. */
  protected check(files: FileList | null, format: string, options: UploadOptions = {}): void {
    const file = this.start(files);
    if (!file) return;
    const fmt = DataPage.toFormat(format);
    this.api.preview(file, fmt, options).subscribe({
      next: (p) => {
        this.busy.set(false);
        this.pending = { file, format: fmt, options };
        this.preview.set(p);
      },
      error: (err: unknown) => this.failed(err, false),
    });
  }

  /** The preview's column mapping was saved: preview the same file again, now reading the mapped columns. */
  protected readonly remapped = signal(false);
  protected previewAgain(): void {
    const p = this.pending;
    if (!p) return;
    this.busy.set(true);
    this.api.preview(p.file, p.format, p.options).subscribe({
      next: (preview) => {
        this.busy.set(false);
        this.names$.next(); // the mapping may have made new indicators
        this.remapped.set(true);
        this.preview.set(preview);
      },
      error: (err: unknown) => this.failed(err, false),
    });
  }

  protected mappingSaved(): string {
    return this.i18n.t('map.saved' as MessageKey);
  }

  /** Step 2 (or directly): import the file. */
  protected upload(files: FileList | null, format: string, options: UploadOptions = {}): void {
    const file = this.start(files);
    if (!file) return;
    this.send(file, DataPage.toFormat(format), options);
  }

  protected confirm(): void {
    const p = this.pending;
    if (!p) return;
    this.preview.set(null);
    this.busy.set(true);
    this.send(p.file, p.format, p.options);
  }

  protected cancel(): void {
    this.pending = null;
    this.preview.set(null);
  }

  private send(file: File, format: ImportFormat, options: UploadOptions): void {
    this.pending = null;
    this.api.upload(file, format, options).subscribe({
      next: (res) => {
        this.busy.set(false);
        this.result.set(res);
        this.reload$.next();
        if (!res.duplicateOf) this.api.batch(res.batchId).subscribe({ next: (b) => this.changed.set(b.summary ?? null), error: () => undefined });
      },
      error: (err: unknown) => this.failed(err, true),
    });
  }

  /** The CBS section fetched a table: its batch belongs in the history. */
  protected refreshHistory(): void {
    this.reload$.next();
  }

  private failed(err: unknown, reload: boolean): void {
    this.busy.set(false);
    if (reload) this.reload$.next(); // a rejected file is kept in the history too
    const code = err instanceof HttpErrorResponse && err.error && typeof err.error === 'object' ? (err.error as { code?: unknown }).code : undefined;
    if (code === 'import.format.unknown' || code === 'import.format.use-statline') {
      // One message in the user's language instead of an English error table.
      this.errors.set([]);
      this.message.set(this.tx(code));
      return;
    }
    const errors = importErrors(err);
    this.errors.set(errors);
    this.message.set(
      errors.length
        ? this.i18n.t('data.rejected', { count: errors.length })
        : (apiMessage(err) ?? this.i18n.t('state.errorGeneric')),
    );
  }
}
