import './boundary-messages';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { AreaLevel, BoundaryError, BoundaryUploadResult } from 'contracts';
import { apiMessage, issueText } from '../core/http/api-error';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { AreasApi } from '../areas/areas-api';
import type { BoundaryMessageKey } from './boundary-messages';

const LEVEL_ORDER: AreaLevel[] = ['country', 'municipality', 'district', 'neighbourhood'];

/**
 * Boundary upload on the Data page (issue 15): GeoJSON or TopoJSON in WGS84 or RD New. The server
 * checks every feature and stores all or nothing; its errors name the feature (position and code)
 * and arrive as message keys, shown here in the user's language.
 */
@Component({
  selector: 'app-boundary-upload-section',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="bnd-heading" class="card" data-testid="boundary-upload">
      <h2 id="bnd-heading">{{ tx('bnd.heading') }}</h2>
      <p class="hint">{{ tx('bnd.hint') }}</p>
      <form (submit)="$event.preventDefault(); send(file.files, crs.value)">
        <div class="filters">
          <div>
            <label for="bnd-file">{{ tx('bnd.file') }}</label>
            <input id="bnd-file" #file type="file" data-testid="boundary-file" accept=".geojson,.json,.topojson,application/geo+json,application/json" />
          </div>
          <div>
            <label for="bnd-crs">{{ tx('bnd.crs') }}</label>
            <select id="bnd-crs" #crs data-testid="boundary-crs">
              <option value="">{{ tx('bnd.crs.auto') }}</option>
              <option value="EPSG:4326">{{ tx('bnd.crs.wgs84') }}</option>
              <option value="EPSG:28992">{{ tx('bnd.crs.rd') }}</option>
            </select>
          </div>
          <button type="submit" data-testid="boundary-submit" [disabled]="busy()">{{ busy() ? tx('bnd.busy') : tx('bnd.submit') }}</button>
        </div>
      </form>
      <div aria-live="polite">
        @if (done(); as d) {
          <p class="success" role="status" data-testid="boundary-result">{{ d.text }}</p>
          @for (m of d.municipalities; track m.code) {
            <p><a [routerLink]="['/overzicht', m.code]" [queryParams]="{ level: 'neighbourhood' }">{{ tx('bnd.openMap', { name: m.name }) }}</a></p>
          }
        }
        @if (message(); as m) {
          <p class="error" role="alert" data-testid="boundary-error">{{ m }}</p>
        }
        @if (errors().length) {
          <div class="scroll">
            <table data-testid="boundary-errors">
              <caption>{{ tx('bnd.errorsCaption') }}</caption>
              <thead>
                <tr><th scope="col">{{ tx('bnd.col.feature') }}</th><th scope="col">{{ tx('bnd.col.problem') }}</th></tr>
              </thead>
              <tbody>
                @for (e of errors(); track $index) {
                  <tr>
                    <th scope="row">{{ e.feature == null ? '–' : tx('bnd.feature', { feature: e.feature }) }}@if (e.area) { · {{ e.area }}}</th>
                    <td>{{ problem(e) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (more() > 0) {
            <p class="hint">{{ tx(more() === 1 ? 'bnd.moreErrors.one' : 'bnd.moreErrors', { count: more() }) }}</p>
          }
        }
      </div>
    </section>
  `,
})
export class BoundaryUploadSection {
  private readonly areas = inject(AreasApi);
  private readonly i18n = inject(I18nService);
  private readonly municipalities = toSignal(this.areas.municipalities(), { initialValue: [] });

  protected readonly busy = signal(false);
  protected readonly done = signal<{ text: string; municipalities: { code: string; name: string }[] } | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly errors = signal<BoundaryError[]>([]);
  protected readonly more = signal(0);

  protected tx(key: BoundaryMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  /** One feature's problem in the user's language (its message key), else a generic sentence. */
  protected problem(e: BoundaryError): string {
    return issueText(e);
  }

  protected send(files: FileList | null, crs: string): void {
    const file = files?.[0] ?? null;
    this.done.set(null);
    this.errors.set([]);
    this.more.set(0);
    if (!file) {
      this.message.set(this.tx('bnd.noFile'));
      return;
    }
    this.message.set(null);
    this.busy.set(true);
    this.areas.uploadBoundaries(file, crs).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.done.set(this.summary(r));
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const body = err instanceof HttpErrorResponse && err.error && typeof err.error === 'object' ? (err.error as { errors?: unknown; errorCount?: unknown }) : null;
        const list = Array.isArray(body?.errors) ? (body.errors as BoundaryError[]).filter((e) => e && typeof e === 'object' && 'feature' in e) : [];
        const perFeature = list.filter((e) => e.feature !== null);
        this.errors.set(perFeature);
        this.more.set(typeof body?.errorCount === 'number' ? Math.max(0, body.errorCount - perFeature.length) : 0);
        const main = apiMessage(err) ?? this.i18n.t('state.errorGeneric');
        this.message.set(main);
      },
    });
  }

  private summary(r: BoundaryUploadResult): { text: string; municipalities: { code: string; name: string }[] } {
    const names = new Map(this.municipalities().map((m) => [m.code, m.name]));
    const municipalities = r.municipalities.map((code) => ({ code, name: names.get(code) ?? code }));
    const levels = LEVEL_ORDER.filter((l) => r.byLevel[l]).map((l) => this.tx(r.byLevel[l] === 1 ? `bnd.level.${l}.one` : `bnd.level.${l}`, { count: this.i18n.number(r.byLevel[l]!, 0) }));
    const text = this.tx(r.updated === 1 ? 'bnd.done.one' : 'bnd.done', {
      count: this.i18n.number(r.updated, 0),
      levels: levels.join(', '),
      municipalities: municipalities.map((m) => m.name).join(', '),
      format: r.format === 'topojson' ? 'TopoJSON' : 'GeoJSON',
      crs: r.crs === 'EPSG:28992' ? this.tx('bnd.crs.rd') : this.tx('bnd.crs.wgs84'),
    });
    return { text, municipalities: r.byLevel.neighbourhood ? municipalities : [] };
  }
}
