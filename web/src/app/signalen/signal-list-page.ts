import '../core/i18n/messages-inbox';
import { ChangeDetectionStrategy, ChangeDetectorRef, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { QUADRANTS, RULES, SIGNAL_STATUSES, type Quadrant, type Signal } from 'contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { AreasApi } from '../areas/areas-api';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { MessageKey } from '../core/i18n/messages';
import { DayPipe, LocPipe, TPipe } from '../core/i18n/t.pipe';
import { IndicatorsApi } from '../indicators/indicators-api';
import { findMunicipality } from '../shared/find-municipality';
import { LoadStateView } from '../shared/load-state-view';
import { memberCount } from './signal-groups';
import { SignalMembers, quadrantText, seenInText } from './signal-members';
import { SignalFilters, SignalsApi } from './signals-api';
import { isStale, sortSignals } from './signal-order';
import { AlertsTPipe } from '../meldingen/alerts-i18n';
import { HelpBox } from '../shared/help-box';

@Component({
  selector: 'app-signal-list-page',
  imports: [TPipe, LocPipe, DayPipe, RouterLink, LoadStateView, AlertsTPipe, SignalMembers, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.group-toggle { margin-top: 0.3rem; } .members-cell { padding: 0 0 0.8rem 1.5rem; } .seen-in { display: block; font-weight: normal; }`,
  templateUrl: './signal-list-page.html',
})
export class SignalListPage {
  private readonly api = inject(SignalsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  readonly status = input<string | undefined>();
  readonly rule = input<string | undefined>();
  readonly quadrant = input<string | undefined>();
  readonly area = input<string | undefined>();
  readonly indicator = input<string | undefined>();
  /** "Alleen mijn signalen" (issue 13): `owner=me` in the URL and the API, a server filter. */
  readonly owner = input<string | undefined>();

  protected readonly statuses = SIGNAL_STATUSES;
  protected readonly rules = RULES;
  protected readonly quadrants = QUADRANTS;

  /** Names for the filters: indicators and municipalities (codes stay in the URL only). */
  protected readonly indicators = toSignal(inject(IndicatorsApi).catalogue().pipe(catchError(() => of([]))), { initialValue: [] });
  private readonly areasApi = inject(AreasApi);
  protected readonly municipalities = toSignal(this.areasApi.municipalities().pipe(catchError(() => of([]))), { initialValue: [] });
  /** A wijk's or buurt's name (a municipality's comes from the list above). */
  private readonly areaName = toSignal(
    toObservable(this.area).pipe(
      switchMap((code) =>
        !code || code.startsWith('GM')
          ? of(null)
          : this.areasApi.detail(code).pipe(
              map((d) => {
                const municipality = d.ancestors.find((a) => a.level === 'municipality');
                return municipality ? `${d.name} (${municipality.name})` : d.name;
              }),
              catchError(() => of(null)),
            ),
      ),
    ),
    { initialValue: null },
  );
  /** The area filter as a person reads it: the area's name, never its code alone. */
  protected readonly areaLabel = computed(() => {
    const code = this.area();
    if (!code) return '';
    return this.municipalities().find((m) => m.code === code)?.name ?? this.areaName() ?? code;
  });

  protected readonly filters = computed<SignalFilters>(() => ({
    status: this.status(),
    rule: this.rule(),
    quadrant: this.quadrant(),
    area: this.area(),
    indicator: this.indicator(),
    owner: this.owner() === 'me' ? 'me' : undefined,
  }));

  /** Loaded top-level signals (first page plus every "meer laden"). */
  protected readonly state = signal<LoadState<Signal[]>>(LOADING);
  /** URL of the next page (Link rel="next"), null at the end. */
  protected readonly next = signal<string | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal(false);
  /** Groups opened to show their members. */
  protected readonly open = signal<ReadonlySet<string>>(new Set());
  private readonly cdr = inject(ChangeDetectorRef);

  constructor() {
    toObservable(this.filters)
      .pipe(
        switchMap((f) => this.api.page(f).pipe(toLoadState())),
        takeUntilDestroyed(),
      )
      .subscribe((s) => {
        if (s.status === 'ok') {
          this.state.set({ status: 'ok', data: sortSignals(s.data.items) });
          this.next.set(s.data.next);
        } else {
          this.state.set(s);
          this.next.set(null);
        }
        this.open.set(new Set());
        this.moreError.set(false);
      });
  }

  protected loadMore(): void {
    const url = this.next();
    if (!url || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(false);
    this.api.nextPage(url).subscribe({
      next: (page) => {
        const current = this.state();
        const have = current.status === 'ok' ? current.data : [];
        const seen = new Set(have.map((s) => s.id));
        this.state.set({ status: 'ok', data: [...have, ...sortSignals(page.items.filter((s) => !seen.has(s.id)))] });
        this.next.set(page.next);
        this.loadingMore.set(false);
      },
      error: () => {
        this.loadingMore.set(false);
        this.moreError.set(true);
      },
    });
  }

  protected toggle(id: string): void {
    const next = new Set(this.open());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.open.set(next);
    // Render now: the button's aria-expanded must change as it is pressed, not a tick later.
    this.cdr.detectChanges();
  }

  protected memberCount = memberCount;

  protected seenIn(sig: Signal): string {
    return seenInText(this.i18n, sig.members ?? [], memberCount(sig));
  }

  protected quadrantName(q: Quadrant): string {
    return quadrantText(this.i18n, q);
  }

  private readonly now = new Date();
  protected stale(signal: Signal): boolean {
    return isStale(signal, this.now);
  }

  protected key(prefix: 'status' | 'rule' | 'severity', value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected apply(form: HTMLFormElement): void {
    const data = new FormData(form);
    const queryParams: Record<string, string | null> = {};
    for (const name of ['status', 'rule', 'quadrant', 'area', 'indicator']) {
      const value = String(data.get(name) ?? '').trim();
      queryParams[name] = value || null;
    }
    queryParams['owner'] = data.get('owner') ? 'me' : null;
    // The area field takes a municipality's name (or "Name (GM0518)") or an area code.
    const area = queryParams['area'];
    // Unchanged (the field shows the current area's name): keep its code.
    if (area && area === this.areaLabel()) queryParams['area'] = this.area() ?? area;
    else if (area) queryParams['area'] = findMunicipality(this.municipalities(), area)?.code ?? area;
    void this.router.navigate(['/signalen'], { queryParams });
  }
}
