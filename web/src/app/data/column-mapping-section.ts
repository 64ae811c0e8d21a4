import './catalogue-messages';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { FieldError, Indicator, Measure, Polarity, Quadrant } from 'contracts';
import { MEASURES, POLARITIES, QUADRANTS, QUADRANT_INFO } from 'contracts';
import { concatMap } from 'rxjs';
import { apiMessage } from '../core/http/api-error';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { IndicatorsApi } from '../indicators/indicators-api';
import { type CatalogueMessageKey, fieldErrorKey } from './catalogue-messages';
import { ImportsApi, type NewIndicator } from './imports-api';

const NEW = '__new__';

/** What a StatLine column holds, from its unit in the header: "Roker (%)" → a share, "(aantal)" → a count. */
export function measureOfColumn(column: string): Measure {
  const unit = /\(([^()]*)\)\s*$/.exec(column)?.[1]?.trim().toLowerCase() ?? '';
  if (unit === '%' || unit.startsWith('% ')) return 'proportion';
  if (unit === 'aantal' || unit === 'number') return 'count';
  return 'mean';
}

/** The unit of a rate column: "Meldingen (per 1 000 inwoners)" → 1000; 1000 when the header says none. */
export function perOfColumn(column: string): number {
  const m = /per\s+(\d[\d .]*)/i.exec(/\(([^()]*)\)\s*$/.exec(column)?.[1] ?? '');
  const n = m ? Number(m[1].replace(/[ .]/g, '')) : NaN;
  return Number.isFinite(n) && n > 0 ? n : 1000;
}

/** A number field as typed: a number when it reads as one, else the text (the server names the problem); empty = absent. */
export function numberInput(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : t;
}

/** A catalogue code for a new indicator named by the analyst: "Rokers (%)" → "rokers". */
export function codeFromName(name: string, taken: ReadonlySet<string>): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'indicator';
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

interface Choice {
  target: string;
  name: string;
  quadrant: Quadrant;
  polarity: Polarity;
  measure: Measure;
  /** As typed: the unit of a rate ("1000") and the disclosure minimum ("5"). */
  per: string;
  minCount: string;
}

/**
 * In the preview of a StatLine file (issue 16): each ignored column can be read into an existing
 * indicator or a new one made right here; the choice is remembered for the table (its header
 * signature), so next year's file imports in one click. After saving, the page previews again.
 */
@Component({
  selector: 'app-column-mapping-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="mapping-heading" class="mapping" data-testid="column-mapping">
      <h4 id="mapping-heading">{{ tx('map.heading') }}</h4>
      <p class="hint">{{ tx('map.hint') }}</p>
      <div class="scroll">
        <table>
          <caption class="visually-hidden">{{ tx('map.heading') }}</caption>
          <thead><tr><th scope="col">{{ tx('map.column') }}</th><th scope="col">{{ tx('map.target') }}</th></tr></thead>
          <tbody>
            @for (col of columns(); track col) {
              @let c = choice(col);
              <tr>
                <th scope="row" class="col">{{ col }}</th>
                <td>
                  <select [attr.aria-label]="tx('map.targetLabel', { column: col })" (change)="choose(col, { target: v($event) })">
                    <option value="" [selected]="!c.target">{{ tx('map.skip') }}</option>
                    @for (i of fitting(col); track i.code) {<option [value]="i.code" [selected]="c.target === i.code">{{ i18n.text(i.name) }}</option>}
                    <option [value]="NEW" [selected]="c.target === NEW">{{ tx('map.newIndicator') }}</option>
                  </select>
                  @if (c.target === NEW) {
                    <div class="new">
                      <input [attr.aria-label]="tx('map.newNameLabel', { column: col })" [placeholder]="tx('map.newName')" [value]="c.name" (input)="choose(col, { name: v($event) })" />
                      <select [attr.aria-label]="tx('map.newQuadrant', { column: col })" (change)="choose(col, { quadrant: $any(v($event)) })">
                        @for (q of quadrants; track q) {<option [value]="q" [selected]="q === c.quadrant">{{ q }} – {{ i18n.text(quadrantInfo[q].name) }}</option>}
                      </select>
                      <select [attr.aria-label]="tx('map.newPolarity', { column: col })" (change)="choose(col, { polarity: $any(v($event)) })">
                        @for (p of polarities; track p) {<option [value]="p" [selected]="p === c.polarity">{{ i18n.t(p === 'higher-is-worse' ? 'data.higherWorse' : 'data.higherBetter') }}</option>}
                      </select>
                      <select [attr.aria-label]="tx('map.newMeasure', { column: col })" (change)="choose(col, { measure: $any(v($event)) })">
                        @for (m of measures; track m) {<option [value]="m" [selected]="m === c.measure">{{ tx($any('measure.' + m)) }}</option>}
                      </select>
                      @if (c.measure === 'rate') {
                        <label class="inline">{{ tx('map.newPer') }}
                          <input class="num" inputmode="numeric" size="6" [attr.aria-label]="tx('map.newPerLabel', { column: col })" [value]="c.per" (input)="choose(col, { per: v($event) })" />
                        </label>
                      }
                      <label class="inline" [title]="tx('map.newMinCountHint')">{{ tx('map.newMinCount') }}
                        <input class="num" inputmode="numeric" size="4" [attr.aria-label]="tx('map.newMinCountLabel', { column: col })" [value]="c.minCount" (input)="choose(col, { minCount: v($event) })" />
                      </label>
                    </div>
                  }
                  @if (errors()[col]; as e) {<p class="error">{{ e }}</p>}
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (message(); as m) {<p class="error" role="alert">{{ m }}</p>}
      <button type="button" data-testid="mapping-apply" [disabled]="busy() || !anyChosen()" (click)="apply()">{{ busy() ? tx('map.busy') : tx('map.apply') }}</button>
    </section>
  `,
  styles: `
    .mapping { margin: 1rem 0; }
    .col { font-weight: normal; overflow-wrap: anywhere; max-width: 24rem; text-align: left; }
    .new { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; align-items: center; }
    .inline { display: inline-flex; gap: 0.4rem; align-items: center; }
    .inline input { width: 5rem; }
    select, input { max-width: 100%; min-width: 0; box-sizing: border-box; }
    .scroll { overflow-x: auto; max-height: 28rem; overflow-y: auto; }
  `,
})
export class ColumnMappingSection {
  private readonly imports = inject(ImportsApi);
  private readonly indicators = inject(IndicatorsApi);
  protected readonly i18n = inject(I18nService);
  readonly signature = input.required<string>();
  readonly columns = input.required<string[]>();
  readonly title = input<string | null>(null);
  /** Saved: the page previews the file again. */
  readonly mapped = output<void>();

  protected readonly NEW = NEW;
  protected readonly quadrants = QUADRANTS;
  protected readonly quadrantInfo = QUADRANT_INFO;
  protected readonly polarities = POLARITIES;
  protected readonly measures = MEASURES;
  private readonly catalogue = toSignal(this.indicators.catalogue(), { initialValue: [] as Indicator[] });
  private readonly choices = signal<Record<string, Partial<Choice>>>({});
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly message = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly anyChosen = computed(() => Object.values(this.choices()).some((c) => c.target));

  protected tx(key: CatalogueMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  protected v(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }

  protected choice(col: string): Choice {
    const c = this.choices()[col] ?? {};
    return {
      target: c.target ?? '', name: c.name ?? col.replace(/\s*\([^()]*\)\s*$/, ''), quadrant: c.quadrant ?? 'I', polarity: c.polarity ?? 'higher-is-worse',
      measure: c.measure ?? measureOfColumn(col), per: c.per ?? String(perOfColumn(col)), minCount: c.minCount ?? '5',
    };
  }

  /** Existing area indicators whose measure fits the column. */
  protected fitting(col: string): Indicator[] {
    const m = measureOfColumn(col);
    return this.catalogue().filter((i) => i.subjectKind === 'area' && (m === 'mean' ? i.measure !== 'proportion' && i.measure !== 'count' : i.measure === m));
  }

  protected choose(col: string, patch: Partial<Choice>): void {
    this.choices.update((all) => ({ ...all, [col]: { ...all[col], ...patch } }));
  }

  protected apply(): void {
    const chosen = this.columns().filter((c) => this.choice(c).target);
    const errors: Record<string, string> = {};
    const taken = new Set(this.catalogue().map((i) => i.code));
    const newIndicators: Record<string, NewIndicator> = {};
    const columns: Record<string, string> = {};
    for (const col of chosen) {
      const c = this.choice(col);
      if (c.target !== NEW) {
        columns[col] = c.target;
        continue;
      }
      if (!c.name.trim()) {
        errors[col] = this.tx('map.nameRequired');
        continue;
      }
      const code = codeFromName(c.name, taken);
      taken.add(code);
      // Per and the minimum are checked by the server (the floor is the administrator's): sent as typed.
      const per = c.measure === 'rate' ? numberInput(c.per) ?? null : null;
      newIndicators[col] = {
        code, name: { nl: c.name.trim(), en: c.name.trim() }, quadrant: c.quadrant, measure: c.measure, polarity: c.polarity,
        per, minCount: numberInput(c.minCount), source: this.title() ? `CBS StatLine: ${this.title()}` : 'CBS StatLine', description: col,
      };
    }
    this.errors.set(errors);
    this.message.set(null);
    if (Object.keys(errors).length) return;
    this.busy.set(true);
    this.imports
      .mapping(this.signature())
      .pipe(concatMap((existing) => this.imports.saveMapping(this.signature(), { ...existing, ...columns }, this.title(), newIndicators)))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.choices.set({});
          if (Object.keys(newIndicators).length) this.indicators.catalogueChanged();
          this.mapped.emit();
        },
        error: (e: unknown) => {
          this.busy.set(false);
          const list = e instanceof HttpErrorResponse && Array.isArray(e.error?.errors) ? (e.error.errors as FieldError[]) : [];
          this.errors.set(this.columnErrors(list));
          this.message.set(list.length ? this.tx('mapping.invalid') : (apiMessage(e) ?? this.tx('cat.invalid')));
        },
      });
  }

  /** The server's refusals by column (`field` is the column), in the user's language. */
  private columnErrors(list: FieldError[]): Record<string, string> {
    const byColumn: Record<string, string> = {};
    for (const fe of list) {
      if (!this.columns().includes(fe.field)) continue;
      const params: Record<string, string | number> = { ...(fe.params ?? {}) };
      if (typeof params['measure'] === 'string') params['measure'] = this.tx(`measure.${params['measure']}` as CatalogueMessageKey);
      const field = typeof params['field'] === 'string' ? params['field'] : '';
      byColumn[fe.field] ??= this.tx(fieldErrorKey(field, fe.code), params);
    }
    return byColumn;
  }
}
