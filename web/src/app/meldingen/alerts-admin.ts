import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal, type WritableSignal } from '@angular/core';
import { QUADRANTS, RULES, SEVERITIES, type AreaSearchHit, type RuleName } from 'contracts';
import { Subject, debounceTime, switchMap, of } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SearchApi } from '../areas/search-api';
import { apiMessage, codeText } from '../core/http/api-error';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { TPipe } from '../core/i18n/t.pipe';
import { AlertsApi, type Delivery, type Webhook } from './alerts-api';
import { AlertsTPipe, alertsText } from './alerts-i18n';

/** Beheer: webhooks for team channels and the delivery log (with the outbox of the demo). */
@Component({
  selector: 'app-alerts-admin',
  imports: [AlertsTPipe, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.secret { border: 2px solid var(--ok, #2a7); padding: 0.5rem 1rem; } .secret code { word-break: break-all; } td pre { white-space: pre-wrap; max-width: 40rem; } .hits, .chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; } .error { color: #b00020; }`,
  template: `
    <section aria-labelledby="wh-h">
      <h2 id="wh-h">{{ 'webhooks' | at }}</h2>
      <p>{{ 'webhooksHint' | at }}</p>
      <form (submit)="$event.preventDefault(); create(url.value, name.value, format.value, sev.value)" data-testid="webhook-form">
        <label for="wh-url">{{ 'url' | at }}</label>
        <input id="wh-url" #url type="url" required [attr.aria-invalid]="errorField() === 'url' ? 'true' : null"
          [attr.aria-describedby]="errorField() === 'url' ? 'wh-error' : null" />
        <label for="wh-name">{{ 'name' | at }}</label>
        <input id="wh-name" #name />
        <label for="wh-format">{{ 'format' | at }}</label>
        <select id="wh-format" #format>
          <option value="json">JSON</option><option value="teams">Microsoft Teams</option><option value="slack">Slack</option>
        </select>
        <fieldset>
          <legend>{{ 'filter' | at }}</legend>
          <label for="wh-area">{{ 'whAreaSearch' | at }}</label>
          <input id="wh-area" #areaQ type="search" autocomplete="off" aria-describedby="wh-area-hint" (input)="searchAreas(areaQ.value)" data-testid="webhook-area-search" />
          <p id="wh-area-hint" class="hint">{{ 'whAreaHint' | at }}</p>
          @if (hits().length) {
            <ul class="hits" aria-label="{{ 'whAreaSearch' | at }}">
              @for (h of hits(); track h.code) {
                <li><button type="button" (click)="addArea(h.code, h.name); areaQ.value = ''">{{ h.name }}@if (h.municipalityName && h.level !== 'municipality') { ({{ h.municipalityName }})}</button></li>
              }
            </ul>
          }
          @if (areas().length) {
            <ul class="chips">
              @for (a of areas(); track a.code) {
                <li>{{ a.name }} <button type="button" (click)="removeArea(a.code)" [attr.aria-label]="'remove' | at: { name: a.name }">×</button></li>
              }
            </ul>
          }
          <fieldset>
            <legend>{{ 'quadrants' | at }}</legend>
            @for (q of quadrantList; track q) {
              <label class="inline"><input type="checkbox" [checked]="quadrants().includes(q)" (change)="toggle(quadrants, q)" /> {{ 'quadrant.' + q | at }}</label>
            }
          </fieldset>
          <fieldset>
            <legend>{{ 'rules' | at }}</legend>
            @for (r of ruleList; track r) {
              <label class="inline"><input type="checkbox" [checked]="rules().includes(r)" (change)="toggle(rules, r)" /> {{ ruleKey(r) | t }}</label>
            }
          </fieldset>
          <label for="wh-sev">{{ 'minSeverity' | at }}</label>
          <select id="wh-sev" #sev>
            @for (s of severities; track s) { <option [value]="s">{{ 'sev.' + s | at }}</option> }
          </select>
        </fieldset>
        @if (error(); as err) { <p class="error" role="alert" id="wh-error" data-testid="webhook-error">{{ err }}</p> }
        <button type="submit">{{ 'create' | at }}</button>
      </form>
      <p role="status">{{ message() }}</p>
      @if (secret(); as s) {
        <p class="secret" data-testid="webhook-secret">{{ 'secret' | at }} <code>{{ s }}</code>
          <button type="button" (click)="copySecret(s)">{{ 'copy' | at }}</button></p>
      }
      @if (hooks().length) {
        <table>
          <caption class="visually-hidden">{{ 'webhooks' | at }}</caption>
          <thead><tr><th scope="col">{{ 'name' | at }}</th><th scope="col">{{ 'url' | at }}</th><th scope="col">{{ 'format' | at }}</th>
            <th scope="col">{{ 'filter' | at }}</th><th scope="col">{{ 'lastResult' | at }}</th><th scope="col"><span class="visually-hidden">{{ 'delete' | at }}</span></th></tr></thead>
          <tbody>
            @for (h of hooks(); track h.id) {
              <tr><td>{{ h.name }}</td><td>{{ h.url }}</td><td>{{ formatName(h.format) }}</td>
                <td>{{ filterText(h) }}</td>
                <td>@if (h.lastDelivery; as ld) { {{ 'status.' + ld.status | at }} ({{ when(ld.at) }})@if (ld.error) { — {{ reason(ld.errorCode, ld.errorParams) }}} } @else { {{ 'never' | at }} }</td>
                <td><button type="button" (click)="remove(h)" [attr.aria-label]="'deleteLabel' | at: { name: h.name }">{{ 'delete' | at }}</button></td></tr>
            }
          </tbody>
        </table>
      } @else { <p>{{ 'none' | at }}</p> }
    </section>
    <section aria-labelledby="dl-h">
      <h2 id="dl-h">{{ 'deliveries' | at }}</h2>
      <p>{{ 'outboxHint' | at }}</p>
      <button type="button" (click)="runNow()">{{ 'runNow' | at }}</button>
      @if (deliveries().length) {
        <table>
          <caption class="visually-hidden">{{ 'deliveries' | at }}</caption>
          <thead><tr>
            <th scope="col">{{ 'when' | at }}</th><th scope="col">{{ 'channel' | at }}</th><th scope="col">{{ 'kind' | at }}</th><th scope="col">{{ 'to' | at }}</th>
            <th scope="col">{{ 'subject' | at }}</th><th scope="col">{{ 'status' | at }}</th><th scope="col">{{ 'attempts' | at }}</th><th scope="col">{{ 'error' | at }}</th>
          </tr></thead>
          <tbody>
            @for (d of deliveries(); track d.id) {
              <tr>
                <td>{{ when(d.createdAt) }}</td><td>{{ 'channel.' + d.channel | at }}</td><td>{{ 'kind.' + d.kind | at }}</td><td>{{ d.recipient }}</td>
                <td>@if (d.text && d.channel === 'email') { <details><summary>{{ d.subject }}</summary><pre>{{ d.text }}</pre></details> } @else { {{ d.subject ?? '' }} }</td>
                <td>{{ 'status.' + d.status | at }}</td><td>{{ d.attempts }}</td>
                <td data-testid="delivery-error">@if (d.lastError) {
                  {{ reason(d.errorCode, d.errorParams) }}
                  <details><summary>{{ 'technical' | at }}</summary><code lang="en">{{ d.lastError }}</code></details>
                }</td>
              </tr>
            }
          </tbody>
        </table>
        @if (next()) { <button type="button" (click)="more()">{{ 'more' | at }}</button> }
      } @else { <p>{{ 'none' | at }}</p> }
    </section>
  `,
})
export class AlertsAdmin {
  private readonly api = inject(AlertsApi);
  private readonly i18n = inject(I18nService);
  protected readonly hooks = signal<Webhook[]>([]);
  protected readonly deliveries = signal<Delivery[]>([]);
  protected readonly next = signal<string | null>(null);
  protected readonly secret = signal<string | null>(null);
  protected readonly message = signal('');
  protected readonly error = signal('');
  protected readonly errorField = signal('');
  protected readonly quadrantList = QUADRANTS;
  protected readonly ruleList = RULES;
  protected readonly severities = SEVERITIES;
  protected readonly areas = signal<{ code: string; name: string }[]>([]);
  protected readonly quadrants = signal<string[]>([]);
  protected readonly rules = signal<string[]>([]);
  protected readonly hits = signal<AreaSearchHit[]>([]);
  private readonly search = inject(SearchApi);
  private readonly query$ = new Subject<string>();

  constructor() {
    this.query$
      .pipe(
        debounceTime(200),
        switchMap((q) => (q.trim().length >= 2 ? this.search.search(q.trim(), 8) : of({ query: q, areas: [], indicators: [] }))),
        takeUntilDestroyed(),
      )
      .subscribe({ next: (r) => this.hits.set(r.areas), error: () => this.hits.set([]) });
    this.loadHooks();
    this.loadDeliveries();
  }

  private loadHooks(): void {
    this.api.webhooks().subscribe((h) => this.hooks.set(h));
  }

  private loadDeliveries(): void {
    this.api.deliveries().subscribe((p) => {
      this.deliveries.set(p.items);
      this.next.set(p.next);
    });
  }

  protected more(): void {
    const url = this.next();
    if (url) this.api.deliveries(url).subscribe((p) => {
      this.deliveries.set([...this.deliveries(), ...p.items]);
      this.next.set(p.next);
    });
  }

  protected searchAreas(q: string): void {
    this.query$.next(q);
  }

  protected addArea(code: string, name: string): void {
    if (!this.areas().some((a) => a.code === code)) this.areas.set([...this.areas(), { code, name }]);
    this.hits.set([]);
  }

  protected removeArea(code: string): void {
    this.areas.set(this.areas().filter((a) => a.code !== code));
  }

  protected toggle(list: WritableSignal<string[]>, v: string): void {
    list.set(list().includes(v) ? list().filter((x) => x !== v) : [...list(), v]);
  }

  protected ruleKey(r: RuleName): MessageKey {
    return `rule.${r}` as MessageKey;
  }

  protected when(iso: string): string {
    return this.i18n.dateTime(iso);
  }

  /** Why a delivery failed, in the user's language (the transport's own text stays under "Technische melding"). */
  protected reason(code: string | null | undefined, params?: Record<string, string | number> | null): string {
    return codeText(code, params ?? undefined) ?? codeText('delivery.failed') ?? '';
  }

  protected formatName(f: string): string {
    return f === 'teams' ? 'Microsoft Teams' : f === 'slack' ? 'Slack' : 'JSON';
  }

  /** The filter in words: area names, quadrants, rules and the minimum severity. */
  protected filterText(h: Webhook): string {
    const lang = this.i18n.lang();
    const t = (k: string) => alertsText(lang, k);
    const areas = h.filter.areas.length ? h.filter.areas.map((c) => h.areaNames?.[c] ?? c).join(', ') : t('whAllAreas');
    const quadrants = h.filter.quadrants?.length ? h.filter.quadrants.map((q) => t(`quadrant.${q}`)).join(', ') : `${t('quadrants').split(' (')[0]}: ${t('whAll')}`;
    const rules = h.filter.rules?.length ? h.filter.rules.map((r) => this.i18n.t(`rule.${r}` as MessageKey)).join(', ') : `${t('rules').split(' (')[0]}: ${t('whAll')}`;
    return `${areas}; ${quadrants}; ${rules}; ${t('minSeverity')} ${t(`sev.${h.filter.minSeverity ?? 'low'}`)}`;
  }

  protected create(url: string, name: string, format: string, minSeverity: string): void {
    this.error.set('');
    this.errorField.set('');
    const filter = { areas: this.areas().map((a) => a.code), quadrants: this.quadrants(), rules: this.rules(), minSeverity };
    this.api.createWebhook({ url, name: name || undefined, format, filter }).subscribe({
      next: (r) => {
        this.secret.set(r.secret);
        this.message.set('');
        this.areas.set([]);
        this.quadrants.set([]);
        this.rules.set([]);
        this.loadHooks();
      },
      error: (e: unknown) => {
        const field = fieldOf(e);
        this.errorField.set(field ?? '');
        const lang = this.i18n.lang();
        const known = field && ['url', 'name', 'format', 'filter.areas'].includes(field);
        this.error.set(field ? alertsText(lang, known ? `field.${field}` : 'field.other', { field }) : (apiMessage(e) ?? 'Fout / error'));
      },
    });
  }

  protected copySecret(s: string): void {
    void navigator.clipboard?.writeText(s).then(
      () => this.message.set(alertsText(this.i18n.lang(), 'copied')),
      () => undefined,
    );
  }

  protected remove(h: Webhook): void {
    this.api.deleteWebhook(h.id).subscribe(() => this.loadHooks());
  }

  protected runNow(): void {
    this.api.run().subscribe({
      next: (r) => {
        this.message.set(alertsText(this.i18n.lang(), 'ran', { sent: r.sent, retried: r.retried, failed: r.failed }));
        this.loadDeliveries();
      },
      error: (e: unknown) => this.message.set(apiMessage(e) ?? 'Fout / error'),
    });
  }
}

/** The first field a 400 answer names (`errors[0].field`). */
function fieldOf(e: unknown): string | null {
  if (!(e instanceof HttpErrorResponse) || e.status !== 400 || !e.error || typeof e.error !== 'object') return null;
  const errors = (e.error as { errors?: { field?: unknown }[] }).errors;
  const f = Array.isArray(errors) ? errors[0]?.field : undefined;
  return typeof f === 'string' ? f : null;
}
