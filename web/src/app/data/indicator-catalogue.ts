import '../core/i18n/messages-pages';
import './catalogue-messages';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Indicator } from 'contracts';
import { BehaviorSubject, switchMap } from 'rxjs';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { LocPipe, TPipe } from '../core/i18n/t.pipe';
import { IndicatorsApi } from '../indicators/indicators-api';
import { LoadStateView } from '../shared/load-state-view';
import type { CatalogueMessageKey } from './catalogue-messages';
import { IndicatorEditor } from './indicator-editor';

/** The indicator catalogue: quadrant mapping, polarity, disclosure minimum, StatLine column, leading pairs. */
@Component({
  selector: 'app-indicator-catalogue',
  imports: [TPipe, LocPipe, LoadStateView, IndicatorEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">{{ 'data.catalogue' | t }}</h2>
      @if (saved(); as m) {<p class="success" role="status" data-testid="catalogue-saved">{{ m }}</p>}
      @if (editing() === 'new') {
        <app-indicator-editor [catalogue]="list()" (closed)="closed($event)" />
      } @else {
        <button type="button" data-testid="indicator-new" (click)="edit('new')">{{ tx('cat.new') }}</button>
      }
      @let s = state();
      @if (s.status === 'ok') {
        @if (s.data.length) {
          <div class="scroll">
            <table data-testid="indicator-catalogue">
              <caption class="visually-hidden">{{ 'data.catalogue' | t }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'col.indicator' | t }}</th>
                  <th scope="col">{{ 'col.code' | t }}</th>
                  <th scope="col">{{ 'col.quadrant' | t }}</th>
                  <th scope="col">{{ 'data.polarity' | t }}</th>
                  <th scope="col">{{ 'data.measure' | t }}</th>
                  <th scope="col" class="num">{{ 'data.minCount' | t }}</th>
                  <th scope="col">{{ 'data.statlineColumn' | t }}</th>
                  <th scope="col">{{ 'data.leadsTo' | t }}</th>
                  <th scope="col"><span class="visually-hidden">{{ tx('cat.edit') }}</span></th>
                </tr>
              </thead>
              <tbody>
                @for (i of s.data; track i.code) {
                  <tr>
                    <th scope="row">{{ i.name | loc }}</th>
                    <td><code>{{ i.code }}</code></td>
                    <td>{{ i.quadrant }}</td>
                    <td>{{ (i.polarity === 'higher-is-worse' ? 'data.higherWorse' : 'data.higherBetter') | t }}</td>
                    <td>{{ measureName(i) }}</td>
                    <td class="num">{{ i.minCount }}</td>
                    <td>{{ i.statlineColumn ?? '–' }}</td>
                    <td>{{ leads(i) }}</td>
                    <td><button type="button" class="secondary" [attr.aria-label]="tx('cat.editLabel', { name: (i.name | loc) })" (click)="edit(i.code)">{{ tx('cat.edit') }}</button></td>
                  </tr>
                  @if (editing() === i.code) {
                    <tr><td colspan="9"><app-indicator-editor [indicator]="i" [catalogue]="list()" (closed)="closed($event)" /></td></tr>
                  }
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>{{ 'state.empty' | t }}</p>
        }
      } @else {
        <app-load-state-view [state]="s" />
      }
    </section>
  `,
  styles: `.scroll { overflow-x: auto; position: relative; }`,
})
export class IndicatorCatalogue {
  private readonly api = inject(IndicatorsApi);
  private readonly i18n = inject(I18nService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);
  protected readonly state = toSignal(this.reload$.pipe(switchMap(() => this.api.catalogue().pipe(toLoadState()))), { initialValue: LOADING as LoadState<Indicator[]> });
  protected readonly list = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.data : [];
  });
  /** The code of the indicator being edited, 'new' for a new one, null when none. */
  protected readonly editing = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);

  protected tx(key: CatalogueMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  protected edit(code: string): void {
    this.saved.set(null);
    this.editing.set(code);
  }

  protected closed(saved: Indicator | null): void {
    this.editing.set(null);
    if (!saved) return;
    this.saved.set(this.tx('cat.saved', { name: this.i18n.text(saved.name) }));
    this.reload$.next();
  }

  protected measureName(i: Indicator): string {
    const name = this.tx(`measure.${i.measure}` as CatalogueMessageKey);
    return i.measure === 'rate' && i.per ? name.replace('…', this.i18n.number(i.per, 0)) : name;
  }

  protected leads(i: Indicator): string {
    const names = new Map(this.list().map((x) => [x.code, this.i18n.text(x.name)]));
    return (i.leadsTo ?? []).map((l) => `${names.get(l.indicator) ?? l.indicator} (≤ ${l.maxLag})`).join(', ') || '–';
  }
}
