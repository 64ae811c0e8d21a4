import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AreaSummary } from 'contracts';
import { AreasApi } from '../areas/areas-api';
import { LOADING, toLoadState } from '../core/http/load-state';
import '../core/i18n/messages-ux';
import { TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from './load-state-view';
import { findMunicipality, withDataFirst } from './find-municipality';
import { SearchApi } from '../areas/search-api';
import { catchError, combineLatest, map, of } from 'rxjs';
import type { MunicipalityCoverage } from 'contracts';

/** Searchable picker over all municipalities (native datalist: keyboard and screen-reader friendly). */
@Component({
  selector: 'app-municipality-picker',
  imports: [TPipe, LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="picker" (submit)="$event.preventDefault(); choose(query.value)">
      <label for="municipality-input">{{ 'picker.municipality' | t }}</label>
      <div class="picker-row">
        <input
          #query
          id="municipality-input"
          list="municipality-options"
          autocomplete="off"
          aria-describedby="municipality-hint"
          [attr.aria-invalid]="unknown() ? 'true' : null"
          [value]="draft() ?? currentLabel()"
          (input)="draft.set(query.value)"
          (change)="choose(query.value, true)"
        />
        <button type="submit">{{ 'picker.show' | t }}</button>
      </div>
      <p id="municipality-hint" class="hint">{{ 'picker.hint' | t }}</p>
      @if (unknown(); as value) {
        <p class="error" role="alert">{{ 'picker.unknown' | t: { value } }}</p>
      }
      <datalist id="municipality-options">
        @for (m of municipalities(); track m.code) {
          <option [value]="label(m)">{{ hasData(m.code) ? label(m) + ' · ' + ('ux.withData' | t) : label(m) }}</option>
        }
      </datalist>
    </form>
    <app-load-state-view [state]="state()" />
  `,
})
export class MunicipalityPicker {
  private readonly areas = inject(AreasApi);
  readonly selected = input<string | null | undefined>(null);
  readonly picked = output<string>();

  private readonly search = inject(SearchApi);
  private readonly withData = signal<ReadonlySet<string>>(new Set());
  /** Municipalities with data first (issue 15); without the coverage answer, plain name order. */
  protected readonly state = toSignal(
    combineLatest([
      this.areas.municipalities(),
      this.search.coverage().pipe(catchError(() => of<MunicipalityCoverage[]>([]))),
    ]).pipe(
      map(([all, coverage]) => {
        this.withData.set(new Set(coverage.map((c) => c.code)));
        return withDataFirst(all, coverage.map((c) => c.code));
      }),
      toLoadState(),
    ),
    { initialValue: LOADING },
  );
  protected hasData(code: string): boolean {
    return this.withData().has(code);
  }
  protected readonly municipalities = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.data : [];
  });
  protected readonly currentLabel = computed(() => {
    const m = this.municipalities().find((a) => a.code === this.selected());
    return m ? this.label(m) : (this.selected() ?? '');
  });
  protected readonly unknown = signal<string | null>(null);
  /**
   * What the user typed since the last choice. The label of the current municipality arrives with
   * the list; it must not overwrite what she already typed, and a new choice starts afresh.
   */
  protected readonly draft = linkedSignal<string | null | undefined, string | null>({ source: this.selected, computation: () => null });
  /** A choice made before the list arrived: resolved as soon as it is there, not refused. */
  private readonly pending = signal<{ value: string; quiet: boolean } | null>(null);

  constructor() {
    effect(() => {
      const wanted = this.pending();
      if (wanted && this.state().status !== 'loading') {
        this.pending.set(null);
        this.choose(wanted.value, wanted.quiet);
      }
    });
  }

  protected label(m: AreaSummary): string {
    return `${m.name} (${m.code})`;
  }

  protected choose(value: string, quiet = false): void {
    if (!value.trim()) return;
    if (this.state().status === 'loading') {
      // A submit wins over the quiet change event that the same click fires first.
      if (!this.pending() || !quiet) this.pending.set({ value, quiet });
      return;
    }
    const match = findMunicipality(this.municipalities(), value);
    if (match) {
      this.unknown.set(null);
      this.picked.emit(match.code);
    } else if (!quiet) {
      this.unknown.set(value);
    }
  }
}
