import '../core/i18n/messages-ux';
import { ChangeDetectionStrategy, ChangeDetectorRef, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import type { AreaSearchHit, IndicatorSearchHit, SearchResult } from 'contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { TPipe } from '../core/i18n/t.pipe';
import { CurrentMunicipality } from './current-municipality';
import { SearchApi } from '../areas/search-api';

type Hit = AreaSearchHit | IndicatorSearchHit;
type SearchState = { status: 'idle' } | { status: 'loading' } | { status: 'error' } | { status: 'ok'; result: SearchResult };

/** Where a chosen hit leads; the municipality travels along as `gemeente` (see shell). */
export function hitLink(hit: Hit, municipality: string | null): { path: string[]; queryParams: Record<string, string> } {
  if (hit.kind === 'indicator') {
    return { path: ['/verkenner'], queryParams: municipality ? { indicator: hit.code, area: municipality } : { indicator: hit.code } };
  }
  if (hit.level === 'municipality') return { path: ['/overzicht', hit.code], queryParams: {} };
  return { path: ['/wijk', hit.code], queryParams: hit.municipality ? { gemeente: hit.municipality } : {} };
}

/**
 * The option an arrow key leads to. `requested` counts presses made since the query changed, even
 * while its results are still loading (n = 0): they apply as soon as the list arrives, so the
 * highlighted option never lags behind the keys. -1 is "none".
 */
export function moveActive(requested: number, key: 'ArrowDown' | 'ArrowUp', n: number): number {
  if (n === 0) return key === 'ArrowDown' ? requested + 1 : Math.max(-1, requested - 1);
  const current = Math.min(requested, n - 1);
  if (key === 'ArrowDown') return (current + 1) % n;
  return current <= 0 ? n - 1 : current - 1;
}

/** The option shown as active for a requested index and a list of n options. */
export function effectiveActive(requested: number, n: number): number {
  return n === 0 || requested < 0 ? -1 : Math.min(requested, n - 1);
}

/**
 * Header search over municipalities, wijken, buurten and indicators (WAI-ARIA 1.2 combobox with
 * a listbox popup: arrows move, Enter opens, Escape closes, focus stays in the text box).
 */
@Component({
  selector: 'app-header-search',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="header-search" role="search">
      <label for="header-search-input" class="visually-hidden">{{ 'search.label' | t }}</label>
      <input
        #box
        id="header-search-input"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-controls="header-search-list"
        aria-describedby="header-search-hint"
        [attr.aria-expanded]="open()"
        [attr.aria-activedescendant]="active() >= 0 && open() ? 'header-search-opt-' + active() : null"
        [placeholder]="'search.placeholder' | t"
        [value]="query()"
        (input)="onInput(box.value)"
        (keydown)="onKey($event)"
        (focus)="focused.set(true)"
        (blur)="onBlur()"
      />
      <span id="header-search-hint" class="visually-hidden">{{ 'search.hint' | t }}</span>
      <ul id="header-search-list" role="listbox" [attr.aria-label]="'search.label' | t" [hidden]="!open()" class="search-list">
        @for (h of hits(); track h.kind + h.code; let i = $index) {
          <li
            role="option"
            [id]="'header-search-opt-' + i"
            [attr.aria-selected]="i === active()"
            [class.active]="i === active()"
            (mousedown)="$event.preventDefault()"
            (click)="choose(h)"
          >
            <span class="hit-name">{{ name(h) }}</span>
            <span class="hit-meta">{{ meta(h) }}</span>
          </li>
        }
      </ul>
      <p class="visually-hidden" aria-live="polite">{{ status() }}</p>
      @if (open() && hits().length === 0 && status()) {
        <p class="search-empty">{{ status() }}</p>
      }
    </div>
  `,
  styles: `
    .header-search { position: relative; min-width: 0; }
    .header-search input { width: 100%; min-width: 12rem; max-width: 22rem; padding: 0.35rem 0.5rem; font: inherit; box-sizing: border-box; }
    .search-list, .search-empty {
      position: absolute; z-index: 20; left: 0; top: 100%; margin: 2px 0 0; padding: 0; list-style: none;
      background: #fff; color: #1b1b1b; border: 1px solid #5a6470; border-radius: 4px; width: max(100%, 20rem); max-width: 92vw;
      max-height: 60vh; overflow-y: auto; box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
    }
    .search-empty { padding: 0.5rem; }
    .search-list li { padding: 0.4rem 0.6rem; cursor: pointer; display: flex; flex-direction: column; }
    .search-list li.active, .search-list li:hover { background: #e8f0fb; outline: 2px solid #1f5fae; outline-offset: -2px; }
    .hit-meta { font-size: 0.85em; color: #4a4f55; }
  `,
})
export class HeaderSearch {
  private readonly api = inject(SearchApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly current = inject(CurrentMunicipality);
  private readonly box = viewChild<ElementRef<HTMLInputElement>>('box');

  protected readonly query = signal('');
  protected readonly focused = signal(false);
  /** Arrow presses since the query changed (see moveActive); `active` is the option they select. */
  private readonly requested = signal(-1);
  protected readonly active = computed(() => effectiveActive(this.requested(), this.hits().length));
  private readonly cdr = inject(ChangeDetectorRef);
  private readonly dismissed = signal(false);

  private readonly state = toSignal(
    toObservable(this.query).pipe(
      map((q) => q.trim()),
      debounceTime(150),
      distinctUntilChanged(),
      switchMap((q) =>
        q.length < 2
          ? of<SearchState>({ status: 'idle' })
          : this.api.search(q).pipe(
              map((result): SearchState => ({ status: 'ok', result })),
              catchError(() => of<SearchState>({ status: 'error' })),
              startWith<SearchState>({ status: 'loading' }),
            ),
      ),
    ),
    { initialValue: { status: 'idle' } as SearchState },
  );

  protected readonly hits = computed((): Hit[] => {
    const s = this.state();
    return s.status === 'ok' ? [...s.result.areas, ...s.result.indicators] : [];
  });
  protected readonly open = computed(() => this.focused() && !this.dismissed() && this.state().status !== 'idle');
  protected readonly status = computed(() => {
    const s = this.state();
    if (s.status === 'error') return this.i18n.t('search.error');
    if (s.status !== 'ok') return '';
    const n = this.hits().length;
    return n ? this.i18n.t('search.results', { count: n }) : this.i18n.t('search.none', { query: s.result.query });
  });

  protected name(h: Hit): string {
    return h.kind === 'indicator' ? this.i18n.text(h.name) : h.name;
  }

  protected meta(h: Hit): string {
    if (h.kind === 'indicator') return `${this.i18n.t('search.indicator')} · ${h.code}`;
    const level = this.i18n.t(`search.level.${h.level}` as MessageKey);
    return h.level !== 'municipality' && h.municipalityName ? `${level} ${this.i18n.t('search.in', { name: h.municipalityName })}` : level;
  }

  protected onInput(value: string): void {
    this.query.set(value);
    this.requested.set(-1);
    this.dismissed.set(false);
  }

  protected onBlur(): void {
    this.focused.set(false);
  }

  protected onKey(event: KeyboardEvent): void {
    const n = this.hits().length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        this.dismissed.set(false);
        this.requested.set(moveActive(this.requested(), event.key, n));
        // Render now, not on the next tick: assistive technology reads aria-activedescendant
        // as the key is handled, and a quick second press must see the option the first chose.
        this.cdr.detectChanges();
        break;
      case 'Enter': {
        const h = this.hits()[this.active() >= 0 ? this.active() : 0];
        if (h && this.open()) {
          event.preventDefault();
          this.choose(h);
        }
        break;
      }
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          this.dismissed.set(true);
          this.requested.set(-1);
        } else {
          this.query.set('');
        }
        break;
    }
  }

  protected choose(h: Hit): void {
    const link = hitLink(h, h.kind === 'area' ? h.municipality : this.current.code());
    this.dismissed.set(true);
    this.query.set('');
    this.box()?.nativeElement.blur();
    void this.router.navigate(link.path, { queryParams: link.queryParams });
  }
}
