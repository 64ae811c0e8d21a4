import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apiMessage } from '../core/http/api-error';
import { I18nService } from '../core/i18n/i18n.service';
import { AlertsApi, type Delivery, type Webhook } from './alerts-api';
import { AlertsTPipe, alertsText } from './alerts-i18n';

/** Beheer: webhooks for team channels and the delivery log (with the outbox of the demo). */
@Component({
  selector: 'app-alerts-admin',
  imports: [AlertsTPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.secret { border: 2px solid var(--ok, #2a7); padding: 0.5rem 1rem; } .secret code { word-break: break-all; } td pre { white-space: pre-wrap; max-width: 40rem; }`,
  template: `
    <section aria-labelledby="wh-h">
      <h2 id="wh-h">{{ 'webhooks' | at }}</h2>
      <p>{{ 'webhooksHint' | at }}</p>
      <form (submit)="$event.preventDefault(); create(url.value, name.value, format.value)">
        <label for="wh-url">{{ 'url' | at }}</label>
        <input id="wh-url" #url type="url" required />
        <label for="wh-name">{{ 'name' | at }}</label>
        <input id="wh-name" #name />
        <label for="wh-format">{{ 'format' | at }}</label>
        <select id="wh-format" #format>
          <option value="json">JSON</option><option value="teams">Microsoft Teams</option><option value="slack">Slack</option>
        </select>
        <button type="submit">{{ 'create' | at }}</button>
      </form>
      <p role="status">{{ message() }}</p>
      @if (secret(); as s) { <p class="secret">{{ 'secret' | at }} <code>{{ s }}</code></p> }
      @if (hooks().length) {
        <table>
          <caption class="visually-hidden">{{ 'webhooks' | at }}</caption>
          <thead><tr><th scope="col">{{ 'name' | at }}</th><th scope="col">{{ 'url' | at }}</th><th scope="col">{{ 'format' | at }}</th><th scope="col"><span class="visually-hidden">{{ 'delete' | at }}</span></th></tr></thead>
          <tbody>
            @for (h of hooks(); track h.id) {
              <tr><td>{{ h.name }}</td><td>{{ h.url }}</td><td>{{ h.format }}</td>
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
                <td>{{ d.createdAt.slice(0, 16).replace('T', ' ') }}</td><td>{{ d.channel }}</td><td>{{ d.kind }}</td><td>{{ d.recipient }}</td>
                <td>@if (d.text && d.channel === 'email') { <details><summary>{{ d.subject }}</summary><pre>{{ d.text }}</pre></details> } @else { {{ d.subject ?? '' }} }</td>
                <td>{{ 'status.' + d.status | at }}</td><td>{{ d.attempts }}</td><td>{{ d.lastError ?? '' }}</td>
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

  constructor() {
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

  protected create(url: string, name: string, format: string): void {
    this.api.createWebhook({ url, name: name || undefined, format, filter: { areas: [] } }).subscribe({
      next: (r) => {
        this.secret.set(r.secret);
        this.message.set('');
        this.loadHooks();
      },
      error: (e: unknown) => this.message.set(apiMessage(e) ?? 'Fout / error'),
    });
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
