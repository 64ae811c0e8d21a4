import '../core/i18n/messages-pages';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Indicator } from 'contracts';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { LocPipe, TPipe } from '../core/i18n/t.pipe';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { IndicatorsApi } from '../indicators/indicators-api';
import { LoadStateView } from '../shared/load-state-view';

/** The indicator catalogue: quadrant mapping, polarity, disclosure minimum, StatLine column, leading pairs. */
@Component({
  selector: 'app-indicator-catalogue',
  imports: [TPipe, LocPipe, LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">{{ 'data.catalogue' | t }}</h2>
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
                </tr>
              </thead>
              <tbody>
                @for (i of s.data; track i.code) {
                  <tr>
                    <th scope="row">{{ i.name | loc }}</th>
                    <td><code>{{ i.code }}</code></td>
                    <td>{{ i.quadrant }}</td>
                    <td>{{ (i.polarity === 'higher-is-worse' ? 'data.higherWorse' : 'data.higherBetter') | t }}</td>
                    <td>{{ measureKey(i) | t }}@if (i.per) { (per {{ i.per }})}</td>
                    <td class="num">{{ i.minCount }}</td>
                    <td>{{ i.statlineColumn ?? '–' }}</td>
                    <td>{{ leads(i, s.data) }}</td>
                  </tr>
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
  styles: `.scroll { overflow-x: auto; }`,
})
export class IndicatorCatalogue {
  private readonly api = inject(IndicatorsApi);
  private readonly i18n = inject(I18nService);
  protected readonly state = toSignal(this.api.catalogue().pipe(toLoadState()), { initialValue: LOADING as LoadState<Indicator[]> });
  protected leads(i: Indicator, all: readonly Indicator[]): string {
    const name = (code: string) => {
      const found = all.find((x) => x.code === code);
      return found ? this.i18n.text(found.name) : code;
    };
    return (i.leadsTo ?? []).map((l) => `${name(l.indicator)} (≤ ${l.maxLag})`).join(', ') || '–';
  }
  protected measureKey(i: Indicator): MessageKey {
    return `measure.${i.measure}` as MessageKey;
  }
}
