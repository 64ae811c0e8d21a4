import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { QUADRANTS, RULES, SEVERITIES, type AreaSummary, type Quadrant, type RuleName } from 'contracts';
import { forkJoin } from 'rxjs';
import { AreasApi } from '../areas/areas-api';
import { apiMessage } from '../core/http/api-error';
import { I18nService } from '../core/i18n/i18n.service';
import { AlertsApi, type Mode, type SubscriptionForm } from './alerts-api';
import { AlertsTPipe, alertsText } from './alerts-i18n';
import '../core/i18n/messages-pages';
import { TPipe } from '../core/i18n/t.pipe';
import type { MessageKey } from '../core/i18n/messages';
import { HelpBox } from '../shared/help-box';

/** "Meldingen": every user chooses areas, quadrants, rules, minimum severity and how often (issue 13). */
@Component({
  selector: 'app-meldingen-page',
  imports: [AlertsTPipe, TPipe, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    fieldset { margin-bottom: 1rem; border: 1px solid var(--line, #ccc); padding: 0.75rem 1rem; }
    .picker { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
    .picker div { display: flex; flex-direction: column; }
    .chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .chips li { border: 1px solid var(--line, #999); border-radius: 1rem; padding: 0.1rem 0.3rem 0.1rem 0.7rem; }
    label.inline { display: inline-flex; gap: 0.3rem; margin-right: 1rem; align-items: center; }
  `,
  template: `
    <h1>{{ 'title' | at }}</h1>
    <p>{{ 'intro' | at }}</p>
    <app-help-box topic="meldingen" />
    @if (form(); as f) {
      @if (f.isDefault) { <p><em>{{ 'isDefault' | at }}</em></p> }
      <form (submit)="$event.preventDefault(); save()">
        <fieldset>
          <legend>{{ 'areas' | at }}</legend>
          <p id="areas-hint">{{ 'areasHint' | at }}</p>
          <ul class="chips" aria-live="polite">
            @for (code of f.areas; track code) {
              <li>{{ names()[code] ?? code }}
                <button type="button" (click)="removeArea(code)" [attr.aria-label]="'remove' | at: { name: names()[code] ?? code }">×</button>
              </li>
            }
          </ul>
          <div class="picker">
            <div>
              <label for="m-muni">Gemeente / Municipality</label>
              <select id="m-muni" #muni (change)="pickMunicipality(muni.value)" aria-describedby="areas-hint">
                <option value="">—</option>
                @for (m of municipalities(); track m.code) { <option [value]="m.code">{{ m.name }}</option> }
              </select>
            </div>
            <div>
              <label for="m-wijk">Wijk / District</label>
              <select id="m-wijk" #wijk (change)="pickWijk(wijk.value)" [disabled]="!wijken().length">
                <option value="">—</option>
                @for (w of wijken(); track w.code) { <option [value]="w.code">{{ w.name }}</option> }
              </select>
            </div>
            <div>
              <label for="m-buurt">Buurt / Neighbourhood</label>
              <select id="m-buurt" #buurt [disabled]="!buurten().length">
                <option value="">—</option>
                @for (b of buurten(); track b.code) { <option [value]="b.code">{{ b.name }}</option> }
              </select>
            </div>
            <button type="button" (click)="addArea(buurt.value || wijk.value || muni.value)">{{ 'add' | at }}</button>
          </div>
        </fieldset>
        <fieldset>
          <legend>{{ 'quadrants' | at }}</legend>
          @for (q of quadrants; track q) {
            <label class="inline"><input type="checkbox" [checked]="f.quadrants.includes(q)" (change)="toggleQuadrant(q)" /> {{ 'quadrant.' + q | at }}</label>
          }
        </fieldset>
        <fieldset>
          <legend>{{ 'rules' | at }}</legend>
          @for (r of rules; track r) {
            <label class="inline"><input type="checkbox" [checked]="f.rules.includes(r)" (change)="toggleRule(r)" /> {{ ruleKey(r) | t }}</label>
          }
        </fieldset>
        <fieldset>
          <legend>{{ 'mode' | at }}</legend>
          @for (m of modes; track m) {
            <label class="inline"><input type="radio" name="mode" [value]="m" [checked]="f.mode === m" (change)="patch({ mode: m })" /> {{ 'mode.' + m | at }}</label>
          }
        </fieldset>
        <p>
          <label for="m-sev">{{ 'minSeverity' | at }}</label>
          <select id="m-sev" #sev (change)="patch({ minSeverity: $any(sev.value) })">
            @for (s of severities; track s) { <option [value]="s" [selected]="f.minSeverity === s">{{ 'sev.' + s | at }}</option> }
          </select>
          <label for="m-lang">{{ 'language' | at }}</label>
          <select id="m-lang" #lang (change)="patch({ language: $any(lang.value) })">
            <option value="nl" [selected]="f.language === 'nl'">Nederlands</option>
            <option value="en" [selected]="f.language === 'en'">English</option>
          </select>
        </p>
        <p><label class="inline"><input type="checkbox" [checked]="f.includeStale" (change)="patch({ includeStale: !f.includeStale })" /> {{ 'includeStale' | at }}</label></p>
        <button type="submit">{{ 'save' | at }}</button>
        <p role="status">{{ message() }}</p>
      </form>
    }
  `,
})
export class MeldingenPage {
  private readonly api = inject(AlertsApi);
  private readonly areas = inject(AreasApi);
  private readonly i18n = inject(I18nService);
  protected readonly quadrants = QUADRANTS;
  protected readonly rules = RULES;
  protected readonly severities = SEVERITIES;
  protected readonly modes: Mode[] = ['immediate', 'daily', 'weekly', 'monthly', 'off'];
  protected readonly form = signal<SubscriptionForm | null>(null);
  protected readonly names = signal<Record<string, string | undefined>>({});
  protected readonly message = signal('');
  protected readonly municipalities = toSignal(this.areas.municipalities(), { initialValue: [] as AreaSummary[] });
  protected readonly wijken = signal<AreaSummary[]>([]);
  protected readonly buurten = signal<AreaSummary[]>([]);

  constructor() {
    this.api.subscription().subscribe((s) => {
      this.form.set(s);
      this.loadNames(s.areas);
    });
  }

  private loadNames(codes: string[]): void {
    const missing = codes.filter((c) => !this.names()[c]);
    if (!missing.length) return;
    forkJoin(missing.map((c) => this.areas.detail(c))).subscribe((list) => {
      const next = { ...this.names() };
      for (const a of list) next[a.code] = a.name;
      this.names.set(next);
    });
  }

  protected ruleKey(r: RuleName): MessageKey {
    return `rule.${r}` as MessageKey;
  }

  protected patch(p: Partial<SubscriptionForm>): void {
    const f = this.form();
    if (f) this.form.set({ ...f, ...p });
  }

  protected pickMunicipality(code: string): void {
    this.buurten.set([]);
    this.wijken.set([]);
    if (code) this.areas.children(code).subscribe((w) => this.wijken.set([...w].sort((a, b) => a.name.localeCompare(b.name, 'nl'))));
  }

  protected pickWijk(code: string): void {
    this.buurten.set([]);
    if (code) this.areas.children(code).subscribe((b) => this.buurten.set([...b].sort((a, b2) => a.name.localeCompare(b2.name, 'nl'))));
  }

  protected addArea(code: string): void {
    const f = this.form();
    if (!f || !code || f.areas.includes(code)) return;
    const known = [...this.municipalities(), ...this.wijken(), ...this.buurten()].find((a) => a.code === code);
    if (known) this.names.set({ ...this.names(), [code]: known.name });
    this.patch({ areas: [...f.areas, code] });
  }

  protected removeArea(code: string): void {
    const f = this.form();
    if (f) this.patch({ areas: f.areas.filter((c) => c !== code) });
  }

  protected toggleQuadrant(q: Quadrant): void {
    const f = this.form();
    if (f) this.patch({ quadrants: f.quadrants.includes(q) ? f.quadrants.filter((x) => x !== q) : [...f.quadrants, q] });
  }

  protected toggleRule(r: RuleName): void {
    const f = this.form();
    if (f) this.patch({ rules: f.rules.includes(r) ? f.rules.filter((x) => x !== r) : [...f.rules, r] });
  }

  protected save(): void {
    const f = this.form();
    if (!f) return;
    const { isDefault: _d, ...body } = f;
    this.api.saveSubscription(body).subscribe({
      next: (s) => {
        this.form.set(s);
        this.message.set(alertsText(this.i18n.lang(), 'saved'));
      },
      error: (e: unknown) => this.message.set(apiMessage(e) ?? 'Fout / error'),
    });
  }
}
