import './catalogue-messages';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { Indicator, LeadsTo, Measure, Polarity, Quadrant, SubjectKind } from 'contracts';
import { MEASURES, POLARITIES, QUADRANTS, QUADRANT_INFO, SUBJECT_KINDS } from 'contracts';
import { apiMessage } from '../core/http/api-error';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { IndicatorsApi } from '../indicators/indicators-api';
import { type CatalogueMessageKey, fieldErrorKey } from './catalogue-messages';

interface Draft {
  code: string;
  nl: string;
  en: string;
  description: string;
  quadrant: Quadrant;
  theme: string;
  measure: Measure;
  polarity: Polarity;
  subjectKind: SubjectKind;
  per: string;
  minCount: string;
  statlineColumn: string;
  source: string;
  licence: string;
  leadsTo: { indicator: string; maxLag: string }[];
}

function draftOf(i: Indicator | null): Draft {
  return {
    code: i?.code ?? '', nl: i?.name.nl ?? '', en: i?.name.en ?? '', description: i?.description ?? '', quadrant: i?.quadrant ?? 'III',
    theme: i?.theme ?? '', measure: i?.measure ?? 'proportion', polarity: i?.polarity ?? 'higher-is-worse', subjectKind: i?.subjectKind ?? 'area',
    per: i?.per == null ? '' : String(i.per), minCount: String(i?.minCount ?? 5), statlineColumn: i?.statlineColumn ?? '',
    source: i?.source ?? '', licence: i?.licence ?? '', leadsTo: (i?.leadsTo ?? []).map((l) => ({ indicator: l.indicator, maxLag: String(l.maxLag) })),
  };
}

/**
 * Creates or edits one indicator of the catalogue (issue 16): definition, source, licence,
 * quadrant, measure, leads-to links. The server's refusals (a measure that is fixed because there
 * are figures, a minimum below the floor) appear next to their field in the user's language.
 */
@Component({
  selector: 'app-indicator-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="editor" (submit)="$event.preventDefault(); save()" novalidate data-testid="indicator-editor" [attr.aria-labelledby]="'editor-heading'">
      <h3 id="editor-heading">{{ indicator() ? tx('cat.editing', { name: i18n.text(indicator()!.name) }) : tx('cat.creating') }}</h3>
      <div class="grid">
        @if (!indicator()) {
          <div class="field">
            <label for="ed-code">{{ tx('cat.code') }}</label>
            <input id="ed-code" [value]="d().code" (input)="set('code', v($event))" spellcheck="false" autocomplete="off" aria-describedby="ed-code-hint"
              [attr.aria-invalid]="err('code') ? 'true' : null" />
            <p class="hint" id="ed-code-hint">{{ tx('cat.codeHint') }}</p>
            @if (err('code'); as e) {<p class="error">{{ e }}</p>}
          </div>
        }
        <div class="field">
          <label for="ed-nl">{{ tx('cat.nameNl') }}</label>
          <input id="ed-nl" [value]="d().nl" (input)="set('nl', v($event))" [attr.aria-invalid]="err('name.nl') ? 'true' : null" />
          @if (err('name.nl'); as e) {<p class="error">{{ e }}</p>}
        </div>
        <div class="field">
          <label for="ed-en">{{ tx('cat.nameEn') }}</label>
          <input id="ed-en" [value]="d().en" (input)="set('en', v($event))" [attr.aria-invalid]="err('name.en') ? 'true' : null" />
          @if (err('name.en'); as e) {<p class="error">{{ e }}</p>}
        </div>
        <div class="field">
          <label for="ed-quadrant">{{ tx('cat.quadrant') }}</label>
          <select id="ed-quadrant" (change)="set('quadrant', v($event))">
            @for (q of quadrants; track q) {<option [value]="q" [selected]="q === d().quadrant">{{ q }} – {{ i18n.text(quadrantInfo[q].name) }}</option>}
          </select>
        </div>
        <div class="field">
          <label for="ed-measure">{{ tx('cat.measure') }}</label>
          <select id="ed-measure" (change)="set('measure', v($event))" aria-describedby="ed-measure-hint" [attr.aria-invalid]="err('measure') ? 'true' : null">
            @for (m of measures; track m) {<option [value]="m" [selected]="m === d().measure">{{ tx($any('measure.' + m)) }}</option>}
          </select>
          <p class="hint" id="ed-measure-hint">{{ tx('cat.measureHint') }}</p>
          @if (err('measure'); as e) {<p class="error">{{ e }}</p>}
        </div>
        @if (d().measure === 'rate') {
          <div class="field">
            <label for="ed-per">{{ tx('cat.per') }}</label>
            <input id="ed-per" inputmode="numeric" [value]="d().per" (input)="set('per', v($event))" aria-describedby="ed-per-hint" [attr.aria-invalid]="err('per') ? 'true' : null" />
            <p class="hint" id="ed-per-hint">{{ tx('cat.perHint') }}</p>
            @if (err('per'); as e) {<p class="error">{{ e }}</p>}
          </div>
        }
        <div class="field">
          <label for="ed-polarity">{{ tx('cat.polarity') }}</label>
          <select id="ed-polarity" (change)="set('polarity', v($event))">
            @for (p of polarities; track p) {<option [value]="p" [selected]="p === d().polarity">{{ i18n.t(p === 'higher-is-worse' ? 'data.higherWorse' : 'data.higherBetter') }}</option>}
          </select>
        </div>
        <div class="field">
          <label for="ed-subject">{{ tx('cat.subjectKind') }}</label>
          <select id="ed-subject" (change)="set('subjectKind', v($event))" [attr.aria-invalid]="err('subjectKind') ? 'true' : null">
            @for (k of subjectKinds; track k) {<option [value]="k" [selected]="k === d().subjectKind">{{ tx($any('subject.' + k)) }}</option>}
          </select>
          @if (err('subjectKind'); as e) {<p class="error">{{ e }}</p>}
        </div>
        <div class="field">
          <label for="ed-min">{{ tx('cat.minCount') }}</label>
          <input id="ed-min" inputmode="numeric" [value]="d().minCount" (input)="set('minCount', v($event))" aria-describedby="ed-min-hint" [attr.aria-invalid]="err('minCount') ? 'true' : null" />
          <p class="hint" id="ed-min-hint">{{ tx('cat.minCountHint') }}</p>
          @if (err('minCount'); as e) {<p class="error">{{ e }}</p>}
        </div>
        <div class="field">
          <label for="ed-theme">{{ tx('cat.theme') }}</label>
          <input id="ed-theme" [value]="d().theme" (input)="set('theme', v($event))" />
        </div>
        <div class="field">
          <label for="ed-statline">{{ tx('cat.statlineColumn') }}</label>
          <input id="ed-statline" [value]="d().statlineColumn" (input)="set('statlineColumn', v($event))" />
        </div>
        <div class="field">
          <label for="ed-source">{{ tx('cat.source') }}</label>
          <input id="ed-source" [value]="d().source" (input)="set('source', v($event))" />
        </div>
        <div class="field">
          <label for="ed-licence">{{ tx('cat.licence') }}</label>
          <input id="ed-licence" [value]="d().licence" (input)="set('licence', v($event))" />
        </div>
      </div>
      <div class="field wide">
        <label for="ed-description">{{ tx('cat.description') }}</label>
        <textarea id="ed-description" rows="2" [value]="d().description" (input)="set('description', v($event))"></textarea>
      </div>
      <fieldset>
        <legend>{{ tx('cat.leadsTo') }}</legend>
        <p class="hint">{{ tx('cat.leadsToHint') }}</p>
        @for (l of d().leadsTo; track $index; let i = $index) {
          <div class="lead">
            <div class="field">
              <label [for]="'ed-lead-' + i">{{ tx('cat.leadsToN', { n: i + 1 }) }}</label>
              <select [id]="'ed-lead-' + i" (change)="setLead(i, 'indicator', v($event))">
                @for (o of others(); track o.code) {<option [value]="o.code" [selected]="o.code === l.indicator">{{ i18n.text(o.name) }}</option>}
              </select>
            </div>
            <div class="field">
              <label [for]="'ed-lag-' + i">{{ tx('cat.maxLagN', { n: i + 1 }) }}</label>
              <input [id]="'ed-lag-' + i" inputmode="numeric" [value]="l.maxLag" (input)="setLead(i, 'maxLag', v($event))" />
            </div>
            <button type="button" class="secondary" (click)="removeLead(i)">{{ tx('cat.removeLead', { n: i + 1 }) }}</button>
          </div>
        }
        @if (err('leadsTo'); as e) {<p class="error">{{ e }}</p>}
        <button type="button" class="secondary" (click)="addLead()" [disabled]="!others().length">{{ tx('cat.addLead') }}</button>
      </fieldset>
      @if (message(); as m) {<p class="error" role="alert">{{ m }}</p>}
      <div class="buttons">
        <button type="submit" class="primary" [disabled]="busy()">{{ tx('cat.save') }}</button>
        <button type="button" class="secondary" (click)="closed.emit(null)">{{ tx('cat.cancel') }}</button>
      </div>
    </form>
  `,
  styles: `
    .editor { border: 1px solid var(--border, #ccc); padding: 1rem; margin: 1rem 0; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.75rem 1rem; margin-bottom: 0.75rem; }
    .field { display: flex; flex-direction: column; min-width: 0; max-width: 100%; }
    .field input, .field select, .field textarea { max-width: 100%; min-width: 0; box-sizing: border-box; }
    .field label { font-weight: 600; }
    .wide textarea { width: 100%; box-sizing: border-box; }
    .lead { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; margin-bottom: 0.5rem; }
    fieldset { border: 1px solid var(--border, #ccc); margin: 0.75rem 0; min-width: 0; }
    .buttons { display: flex; gap: 0.5rem; }
  `,
})
export class IndicatorEditor {
  private readonly api = inject(IndicatorsApi);
  protected readonly i18n = inject(I18nService);
  /** The indicator to edit; null creates a new one. */
  readonly indicator = input<Indicator | null>(null);
  readonly catalogue = input<Indicator[]>([]);
  /** The saved indicator, or null when cancelled. */
  readonly closed = output<Indicator | null>();

  protected readonly quadrants = QUADRANTS;
  protected readonly quadrantInfo = QUADRANT_INFO;
  protected readonly measures = MEASURES;
  protected readonly polarities = POLARITIES;
  protected readonly subjectKinds = SUBJECT_KINDS;
  private readonly edits = signal<Partial<Draft>>({});
  protected readonly d = computed<Draft>(() => ({ ...draftOf(this.indicator()), ...this.edits() }));
  protected readonly others = computed(() => this.catalogue().filter((i) => i.code !== this.d().code));
  private readonly errors = signal<Record<string, string>>({});
  protected readonly message = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected tx(key: CatalogueMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  protected v(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }

  protected err(field: string): string | undefined {
    return this.errors()[field];
  }

  protected set<K extends keyof Draft>(key: K, value: string): void {
    this.edits.update((e) => ({ ...e, [key]: value }));
  }

  protected setLead(i: number, key: 'indicator' | 'maxLag', value: string): void {
    const leads = this.d().leadsTo.map((l, j) => (j === i ? { ...l, [key]: value } : l));
    this.edits.update((e) => ({ ...e, leadsTo: leads }));
  }

  protected addLead(): void {
    this.edits.update((e) => ({ ...e, leadsTo: [...this.d().leadsTo, { indicator: this.others()[0]?.code ?? '', maxLag: '2' }] }));
  }

  protected removeLead(i: number): void {
    this.edits.update((e) => ({ ...e, leadsTo: this.d().leadsTo.filter((_, j) => j !== i) }));
  }

  protected save(): void {
    const d = this.d();
    const num = (s: string): number => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));
    const body: Indicator = {
      code: d.code.trim(), name: { nl: d.nl.trim(), en: d.en.trim() }, description: d.description.trim() || null, quadrant: d.quadrant,
      theme: d.theme.trim() || null, measure: d.measure, polarity: d.polarity, subjectKind: d.subjectKind,
      per: d.measure === 'rate' ? num(d.per) : null, minCount: num(d.minCount), statlineColumn: d.statlineColumn.trim() || null,
      leadsTo: d.leadsTo.map((l): LeadsTo => ({ indicator: l.indicator, maxLag: num(l.maxLag) })), source: d.source.trim() || null, licence: d.licence.trim() || null,
    };
    this.busy.set(true);
    this.errors.set({});
    this.message.set(null);
    this.api.save(body).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.closed.emit(r.indicators[0] ?? body);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const list = e instanceof HttpErrorResponse && Array.isArray(e.error?.errors) ? (e.error.errors as { field: string; code?: string; params?: Record<string, string | number> }[]) : [];
        const byField: Record<string, string> = {};
        for (const fe of list) {
          const field = fe.field.replace(/^\[\d+\]\./, '').replace(/^leadsTo.*/, 'leadsTo');
          const params = { ...(fe.params ?? {}) };
          if (typeof params['measure'] === 'string') params['measure'] = this.tx(`measure.${params['measure']}` as CatalogueMessageKey);
          byField[field] ??= this.tx(fieldErrorKey(fe.field, fe.code), params);
        }
        this.errors.set(byField);
        this.message.set(list.length ? this.tx('cat.invalid') : (apiMessage(e) ?? this.tx('cat.invalid')));
      },
    });
  }
}
