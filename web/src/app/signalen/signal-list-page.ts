import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { QUADRANTS, RULES, SIGNAL_STATUSES, type Signal } from 'contracts';
import { map, switchMap } from 'rxjs';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { MessageKey } from '../core/i18n/messages';
import { DayPipe, LocPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { SignalFilters, SignalsApi } from './signals-api';
import { isStale, sortSignals } from './signal-order';
import { AlertsApi } from '../meldingen/alerts-api';
import { AlertsTPipe } from '../meldingen/alerts-i18n';
import { of, type Observable } from 'rxjs';

@Component({
  selector: 'app-signal-list-page',
  imports: [TPipe, LocPipe, DayPipe, RouterLink, LoadStateView, AlertsTPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './signal-list-page.html',
})
export class SignalListPage {
  private readonly api = inject(SignalsApi);
  private readonly router = inject(Router);

  readonly status = input<string | undefined>();
  readonly rule = input<string | undefined>();
  readonly quadrant = input<string | undefined>();
  readonly area = input<string | undefined>();
  readonly indicator = input<string | undefined>();
  /** "Mijn signalen" (issue 13): only signals I own. */
  readonly mine = input<string | undefined>();
  private readonly alertsApi = inject(AlertsApi);

  protected readonly statuses = SIGNAL_STATUSES;
  protected readonly rules = RULES;
  protected readonly quadrants = QUADRANTS;

  protected readonly filters = computed<SignalFilters>(() => ({
    status: this.status(),
    rule: this.rule(),
    quadrant: this.quadrant(),
    area: this.area(),
    indicator: this.indicator(),
    mine: this.mine(),
  }) as SignalFilters);

  protected readonly state = toSignal(
    toObservable(this.filters).pipe(
      switchMap((f) =>
        this.ownedIds((f as SignalFilters & { mine?: string }).mine).pipe(
          switchMap((owned) => this.api.list({ ...f, mine: undefined } as SignalFilters).pipe(map((list) => (owned ? list.filter((s) => owned.includes(s.id)) : list)))),
          map(sortSignals),
          toLoadState(),
        ),
      ),
    ),
    { initialValue: LOADING as LoadState<Signal[]> },
  );

  private ownedIds(mine: string | undefined): Observable<string[] | null> {
    return mine ? this.alertsApi.owned() : of(null);
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
    queryParams['mine'] = data.get('mine') ? '1' : null;
    void this.router.navigate(['/signalen'], { queryParams });
  }
}
