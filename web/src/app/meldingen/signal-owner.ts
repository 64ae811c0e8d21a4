import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import { apiMessage } from '../core/http/api-error';
import { I18nService } from '../core/i18n/i18n.service';
import { AlertsApi, type Person } from './alerts-api';
import { AlertsTPipe, alertsText } from './alerts-i18n';

/** Owner of a signal: shown to all, assignable by managers, analysts and admins (a manager or analyst). */
@Component({
  selector: 'app-signal-owner',
  imports: [AlertsTPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="owner-h">
      <h2 id="owner-h">{{ 'owner' | at }}</h2>
      <p>{{ owner()?.name ?? ('noOwner' | at) }}</p>
      @if (people().length) {
        <form (submit)="$event.preventDefault(); assign(pick.value)">
          <label for="owner-pick">{{ 'owner' | at }}</label>
          <select id="owner-pick" #pick>
            <option value="">{{ 'noOwner' | at }}</option>
            @for (p of people(); track p.id) { <option [value]="p.id" [selected]="p.id === owner()?.id">{{ p.name }} ({{ p.role }})</option> }
          </select>
          <button type="submit">{{ 'assign' | at }}</button>
          <span role="status">{{ message() }}</span>
        </form>
      }
    </section>
  `,
})
export class SignalOwner implements OnInit {
  private readonly api = inject(AlertsApi);
  private readonly i18n = inject(I18nService);
  readonly signalId = input.required<string>();
  readonly canAssign = input<boolean>(false);
  /** Emitted after a change so the page can reload the history. */
  readonly changed = output<void>();
  protected readonly owner = signal<Person | null>(null);
  protected readonly people = signal<Person[]>([]);
  protected readonly message = signal('');

  ngOnInit(): void {
    this.api.owner(this.signalId()).subscribe((r) => this.owner.set(r.owner));
    if (this.canAssign()) this.api.people().subscribe((p) => this.people.set(p));
  }

  protected assign(userId: string): void {
    this.api.setOwner(this.signalId(), userId || null).subscribe({
      next: (r) => {
        this.owner.set(r.owner);
        this.message.set(alertsText(this.i18n.lang(), 'ownerSaved'));
        this.changed.emit();
      },
      error: (e: unknown) => this.message.set(apiMessage(e) ?? 'Fout / error'),
    });
  }
}
