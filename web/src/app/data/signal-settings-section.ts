import '../core/i18n/messages-pages';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { BehaviorSubject, switchMap } from 'rxjs';
import { apiMessage } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { SettingsApi, type SignalSettings } from './settings-api';
import { buildSettings, fieldErrors, flattenSettings, type SettingsField } from './settings-form';
import { settingGroupLabel, settingLabel } from './setting-labels';

/** Signal rule settings; a 400 answer shows each error next to its field. */
@Component({
  selector: 'app-signal-settings-section',
  imports: [TPipe, LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="settings-heading" class="card">
      <h2 id="settings-heading">{{ 'data.settings' | t }}</h2>
      <p class="hint">{{ 'data.settingsHint' | t }}</p>
      @let s = state();
      @if (s.status === 'ok') {
        <form #form (submit)="$event.preventDefault(); save(form)" novalidate data-testid="settings-form">
          @for (g of groups(); track g.key) {
          <fieldset class="group">
          <legend>{{ g.label }}</legend>
          <div class="grid">
            @for (f of g.fields; track f.path) {
              <div class="field">
                @if (f.type === 'boolean') {
                  <label><input type="checkbox" [name]="f.path" [checked]="f.value" /> {{ label(f.path) }}</label>
                } @else {
                  <label [for]="'set-' + f.path">{{ label(f.path) }}</label>
                  <input [id]="'set-' + f.path" [name]="f.path" [value]="display(f)" inputmode="decimal"
                    [attr.aria-invalid]="errors()[f.path] ? 'true' : null"
                    [attr.aria-describedby]="errors()[f.path] ? 'err-' + f.path : null" />
                }
                @if (errors()[f.path]; as e) {
                  <p class="error" [id]="'err-' + f.path">{{ e }}</p>
                }
              </div>
            }
          </div>
          </fieldset>
          }
          @if (message(); as m) {
            <p [class]="failed() ? 'error' : 'success'" [attr.role]="failed() ? 'alert' : 'status'">{{ m }}</p>
          }
          <button type="submit" [disabled]="busy()">{{ 'data.settingsSave' | t }}</button>
        </form>
      } @else {
        <app-load-state-view [state]="s" />
      }
    </section>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.75rem 1rem; margin-bottom: 1rem; }
    .field { display: flex; flex-direction: column; }
    .field label { font-weight: 600; overflow-wrap: anywhere; }
    .group { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; min-width: 0; }
    .group legend { font-weight: 700; padding: 0 0.25rem; }
  `,
})
export class SignalSettingsSection {
  private readonly api = inject(SettingsApi);
  private readonly i18n = inject(I18nService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly state = toSignal(this.reload$.pipe(switchMap(() => this.api.get().pipe(toLoadState()))), {
    initialValue: LOADING as LoadState<SignalSettings>,
  });
  /** The fields by rule, each group under its name (fields arrive in the server's order). */
  protected readonly groups = computed(() => {
    const lang = this.i18n.lang();
    const out: { key: string; label: string; fields: SettingsField[] }[] = [];
    for (const f of this.fields()) {
      const key = f.path.split('.')[0] ?? f.path;
      let g = out.find((x) => x.key === key);
      if (!g) out.push((g = { key, label: settingGroupLabel(f.path, lang), fields: [] }));
      g.fields.push(f);
    }
    return out;
  });
  protected label(path: string): string {
    return settingLabel(path, this.i18n.lang());
  }
  protected readonly fields = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? flattenSettings(s.data) : [];
  });
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly failed = signal(false);

  protected display(f: SettingsField): string {
    return Array.isArray(f.value) ? f.value.join(', ') : String(f.value);
  }

  protected save(form: HTMLFormElement): void {
    const raw: Record<string, string | boolean> = {};
    for (const f of this.fields()) {
      const el = form.elements.namedItem(f.path) as HTMLInputElement | null;
      raw[f.path] = f.type === 'boolean' ? !!el?.checked : (el?.value ?? '');
    }
    this.busy.set(true);
    this.message.set(null);
    this.api.save(buildSettings(this.fields(), raw)).subscribe({
      next: () => {
        this.busy.set(false);
        this.errors.set({});
        this.failed.set(false);
        this.message.set(this.i18n.t('data.settingsSaved'));
        this.reload$.next();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const errors = fieldErrors(err);
        this.errors.set(errors);
        this.failed.set(true);
        const count = Object.keys(errors).length;
        this.message.set(count ? this.i18n.t('data.settingsInvalid', { count }) : (apiMessage(err) ?? this.i18n.t('state.errorGeneric')));
      },
    });
  }
}
