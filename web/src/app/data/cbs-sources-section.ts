import './cbs-messages';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CbsSchedule, CbsSource, CbsSyncResult, Indicator } from 'contracts';
import { CBS_SCHEDULES } from 'contracts';
import { BehaviorSubject, switchMap } from 'rxjs';
import { apiMessage, issueText } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { IndicatorsApi } from '../indicators/indicators-api';
import { LoadStateView } from '../shared/load-state-view';
import { CbsApi } from './cbs-api';
import type { CbsMessageKey } from './cbs-messages';

interface FieldProblem {
  field?: string;
  message?: string;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * CBS open-data sync on the Data page (issue 16): link a StatLine table to indicators, fetch it
 * now or on a schedule, see each table's last run in words. Errors arrive as message keys and are
 * shown in the user's language next to their field.
 */
@Component({
  selector: 'app-cbs-sources-section',
  imports: [LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="cbs-heading" class="card" data-testid="cbs-sources">
      <h2 id="cbs-heading">{{ tx('cbs.heading') }}</h2>
      <p class="hint">{{ tx('cbs.hint') }}</p>
      @let s = state();
      @if (s.status === 'ok') {
        @if (s.data.length) {
          <div class="scroll">
            <table>
              <caption class="visually-hidden">{{ tx('cbs.heading') }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ tx('cbs.col.table') }}</th>
                  <th scope="col">{{ tx('cbs.col.mapping') }}</th>
                  <th scope="col">{{ tx('cbs.col.period') }}</th>
                  <th scope="col">{{ tx('cbs.col.schedule') }}</th>
                  <th scope="col">{{ tx('cbs.col.last') }}</th>
                  <th scope="col">{{ tx('cbs.col.actions') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (src of s.data; track src.id) {
                  <tr>
                    <th scope="row">{{ src.name || src.tableId }}@if (src.name) {<span class="code"> {{ src.tableId }}</span>}</th>
                    <td>
                      <ul class="plain">
                        @for (m of mappingOf(src); track m.column) {
                          <li>{{ m.column }} → {{ m.indicator }}</li>
                        }
                      </ul>
                    </td>
                    <td>{{ src.period ?? tx('cbs.periodFromTable') }}</td>
                    <td>
                      {{ scheduleName(src.schedule) }}
                      @if (src.nextRunAt) {<br /><span class="hint">{{ tx('cbs.nextRun', { when: when(src.nextRunAt) }) }}</span>}
                    </td>
                    <td>
                      @if (src.lastRunAt) {
                        {{ when(src.lastRunAt) }}: <strong>{{ statusName(src.lastStatus) }}</strong>
                        @if (src.lastStatus === 'failed') {<br /><span class="error-text">{{ reason(src.lastErrorCode, src.lastErrorParams) }}</span>}
                      } @else {
                        {{ tx('cbs.never') }}
                      }
                    </td>
                    <td class="actions">
                      <button type="button" [disabled]="busy() === src.id" [attr.aria-label]="tx('cbs.syncLabel', { table: label(src) })" (click)="syncNow(src)">
                        {{ busy() === src.id ? tx('cbs.syncing') : tx('cbs.syncNow') }}
                      </button>
                      <button type="button" class="secondary" [attr.aria-label]="tx('cbs.removeLabel', { table: label(src) })" (click)="remove(src)">{{ tx('cbs.remove') }}</button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>{{ tx('cbs.none') }}</p>
        }
      } @else {
        <app-load-state-view [state]="s" />
      }
      @if (result(); as r) {
        <p [class]="r.failed ? 'error' : 'success'" [attr.role]="r.failed ? 'alert' : 'status'" data-testid="cbs-result">{{ r.text }}</p>
      }

      <form (submit)="$event.preventDefault(); create()" novalidate data-testid="cbs-form">
        <h3>{{ tx('cbs.form') }}</h3>
        <div class="grid">
          <div class="field">
            <label for="cbs-table">{{ tx('cbs.tableId') }}</label>
            <input id="cbs-table" name="tableId" [value]="tableId()" (input)="tableId.set(value($event))" autocomplete="off" spellcheck="false"
              aria-describedby="cbs-table-hint" [attr.aria-invalid]="errors()['tableId'] ? 'true' : null" />
            <p class="hint" id="cbs-table-hint">{{ tx('cbs.tableIdHint') }}</p>
            @if (errors()['tableId']; as e) {<p class="error" id="cbs-table-err">{{ e }}</p>}
          </div>
          <div class="field">
            <label for="cbs-name">{{ tx('cbs.name') }}</label>
            <input id="cbs-name" name="name" [value]="name()" (input)="name.set(value($event))" />
          </div>
          <div class="field">
            <label for="cbs-period">{{ tx('cbs.period') }}</label>
            <input id="cbs-period" name="period" [value]="period()" (input)="period.set(value($event))" aria-describedby="cbs-period-hint"
              [attr.aria-invalid]="errors()['period'] ? 'true' : null" />
            <p class="hint" id="cbs-period-hint">{{ tx('cbs.periodHint') }}</p>
            @if (errors()['period']; as e) {<p class="error">{{ e }}</p>}
          </div>
          <div class="field">
            <label for="cbs-schedule">{{ tx('cbs.schedule') }}</label>
            <select id="cbs-schedule" name="schedule" (change)="schedule.set($any(value($event)))">
              @for (sc of schedules; track sc) {
                <option [value]="sc" [selected]="sc === schedule()">{{ scheduleName(sc) }}</option>
              }
            </select>
          </div>
        </div>
        <fieldset>
          <legend>{{ tx('cbs.columns') }}</legend>
          <p class="hint">{{ tx('cbs.columnsHint') }}</p>
          @if (errors()['columns']; as e) {<p class="error">{{ e }}</p>}
          @for (row of rows(); track $index; let i = $index) {
            <div class="map-row">
              <div class="field">
                <label [for]="'cbs-col-' + i">{{ tx('cbs.columnN', { n: i + 1 }) }}</label>
                <input [id]="'cbs-col-' + i" [value]="row.column" (input)="setRow(i, 'column', value($event))" autocomplete="off" spellcheck="false"
                  [attr.aria-invalid]="errors()['columns.' + row.column] ? 'true' : null" />
              </div>
              <div class="field">
                <label [for]="'cbs-ind-' + i">{{ tx('cbs.indicatorN', { n: i + 1 }) }}</label>
                <select [id]="'cbs-ind-' + i" (change)="setRow(i, 'indicator', value($event))">
                  <option value="" [selected]="!row.indicator">{{ tx('cbs.chooseIndicator') }}</option>
                  @for (ind of areaIndicators(); track ind.code) {
                    <option [value]="ind.code" [selected]="ind.code === row.indicator">{{ i18n.text(ind.name) }}</option>
                  }
                </select>
              </div>
              @if (rows().length > 1) {
                <button type="button" class="secondary" (click)="removeRow(i)">{{ tx('cbs.removeColumn', { n: i + 1 }) }}</button>
              }
              @if (errors()['columns.' + row.column]; as e) {<p class="error">{{ e }}</p>}
            </div>
          }
          <button type="button" class="secondary" (click)="addRow()">{{ tx('cbs.addColumn') }}</button>
        </fieldset>
        @if (formMessage(); as m) {
          <p [class]="formFailed() ? 'error' : 'success'" [attr.role]="formFailed() ? 'alert' : 'status'" data-testid="cbs-form-message">{{ m }}</p>
        }
        <button type="submit" class="primary" [disabled]="saving()">{{ tx('cbs.submit') }}</button>
      </form>
    </section>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.75rem 1rem; margin-bottom: 1rem; }
    .field { display: flex; flex-direction: column; min-width: 0; max-width: 100%; }
    .field input, .field select { max-width: 100%; min-width: 0; box-sizing: border-box; }
    .field label { font-weight: 600; }
    .map-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; margin-bottom: 0.5rem; }
    .code { color: var(--muted, #555); font-weight: normal; }
    .plain { list-style: none; margin: 0; padding: 0; }
    .actions { white-space: nowrap; }
    .actions button + button { margin-left: 0.5rem; }
    .error-text { color: var(--error, #a00000); }
    fieldset { border: 1px solid var(--border, #ccc); padding: 0.75rem; margin: 0 0 1rem; min-width: 0; }
    .scroll { overflow-x: auto; }
  `,
})
export class CbsSourcesSection {
  private readonly api = inject(CbsApi);
  protected readonly i18n = inject(I18nService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);
  /** A run wrote or recorded a batch: the page's import history is out of date. */
  readonly synced = output<void>();
  protected readonly schedules = CBS_SCHEDULES;

  protected readonly state = toSignal(this.reload$.pipe(switchMap(() => this.api.list().pipe(toLoadState()))), {
    initialValue: LOADING as LoadState<CbsSource[]>,
  });
  private readonly catalogue = toSignal(inject(IndicatorsApi).catalogue(), { initialValue: [] as Indicator[] });
  protected readonly areaIndicators = computed(() =>
    this.catalogue()
      .filter((i) => i.subjectKind === 'area')
      .sort((a, b) => this.i18n.text(a.name).localeCompare(this.i18n.text(b.name), this.i18n.locale())),
  );

  protected readonly tableId = signal('');
  protected readonly name = signal('');
  protected readonly period = signal('');
  protected readonly schedule = signal<CbsSchedule>('manual');
  protected readonly rows = signal<{ column: string; indicator: string }[]>([{ column: '', indicator: '' }]);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly formMessage = signal<string | null>(null);
  protected readonly formFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly result = signal<{ text: string; failed: boolean } | null>(null);

  protected tx(key: CbsMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  protected value(e: Event): string {
    return (e.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected when(iso: string): string {
    return this.i18n.dateTime(iso);
  }

  protected label(src: CbsSource): string {
    return src.name ? `${src.name} (${src.tableId})` : src.tableId;
  }

  protected scheduleName(s: CbsSchedule): string {
    return this.tx(`cbs.schedule.${s}` as CbsMessageKey);
  }

  protected statusName(s: CbsSource['lastStatus']): string {
    return s ? this.tx(`cbs.status.${s}` as CbsMessageKey) : '';
  }

  protected mappingOf(src: CbsSource): { column: string; indicator: string }[] {
    const names = new Map(this.catalogue().map((i) => [i.code, this.i18n.text(i.name)]));
    return Object.entries(src.columns).map(([column, code]) => ({ column, indicator: names.get(code) ?? code }));
  }

  /** Why a sync failed, in the user's language (a code the app does not know reads as a generic sentence, never the server's English). */
  protected reason(code: string | null, params: Record<string, string | number> | null): string {
    const p = { ...(params ?? {}) };
    if (typeof p['indicator'] === 'string') p['indicator'] = this.mappingName(p['indicator']);
    return issueText({ code, params: p });
  }

  private mappingName(code: string): string {
    const ind = this.catalogue().find((i) => i.code === code);
    return ind ? this.i18n.text(ind.name) : code;
  }

  protected setRow(i: number, key: 'column' | 'indicator', v: string): void {
    this.rows.update((rows) => rows.map((r, j) => (j === i ? { ...r, [key]: v.trim() } : r)));
  }

  protected addRow(): void {
    this.rows.update((rows) => [...rows, { column: '', indicator: '' }]);
  }

  protected removeRow(i: number): void {
    this.rows.update((rows) => rows.filter((_, j) => j !== i));
  }

  protected create(): void {
    const columns: Record<string, string> = {};
    for (const r of this.rows()) if (r.column || r.indicator) columns[r.column] = r.indicator;
    this.saving.set(true);
    this.errors.set({});
    this.formMessage.set(null);
    this.api
      .create({ tableId: this.tableId().trim(), name: this.name().trim() || null, columns, period: this.period().trim() || null, schedule: this.schedule() })
      .subscribe({
        next: (src) => {
          this.saving.set(false);
          this.formFailed.set(false);
          this.formMessage.set(this.tx('cbs.created', { table: this.label(src) }));
          this.tableId.set('');
          this.name.set('');
          this.period.set('');
          this.rows.set([{ column: '', indicator: '' }]);
          this.reload$.next();
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.formFailed.set(true);
          const problems = e instanceof HttpErrorResponse && Array.isArray(e.error?.errors) ? (e.error.errors as FieldProblem[]) : [];
          const byField: Record<string, string> = {};
          for (const p of problems) {
            if (!p.field) continue;
            byField[p.field] = issueText(p);
          }
          this.errors.set(byField);
          const code = e instanceof HttpErrorResponse ? (e.error?.code as string | undefined) : undefined;
          const top = code === 'cbs.table.exists' ? this.i18n.t(code as MessageKey, e instanceof HttpErrorResponse ? e.error?.params : undefined) : null;
          this.formMessage.set(top ?? (problems.length ? this.tx('cbs.invalid') : (apiMessage(e) ?? this.tx('cbs.invalid'))));
        },
      });
  }

  protected syncNow(src: CbsSource): void {
    this.busy.set(src.id);
    this.result.set(null);
    this.api.sync(src.id).subscribe({
      next: (r: CbsSyncResult) => {
        this.busy.set(null);
        const table = this.label(src);
        this.result.set(
          r.status === 'failed'
            ? { failed: true, text: this.tx('cbs.result.failed', { table, reason: this.reason(r.errorCode, r.errorParams) }) }
            : { failed: false, text: this.tx(`cbs.result.${r.status}` as CbsMessageKey, { table, rows: this.i18n.number(r.rowsAccepted, 0) }) },
        );
        this.reload$.next();
        this.synced.emit();
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.result.set({ failed: true, text: apiMessage(e) ?? '' });
      },
    });
  }

  protected remove(src: CbsSource): void {
    if (!window.confirm(this.tx('cbs.removeConfirm', { table: this.label(src) }))) return;
    this.api.remove(src.id).subscribe({ next: () => this.reload$.next(), error: (e: unknown) => this.result.set({ failed: true, text: apiMessage(e) ?? '' }) });
  }
}
