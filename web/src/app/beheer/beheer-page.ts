import '../core/i18n/messages-pages';
import { ChangeDetectionStrategy, Component, inject, signal, type WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ROLES, type ApiKeyInfo, type Role, type UserAccount } from 'contracts';
import { BehaviorSubject, switchMap, type Observable } from 'rxjs';
import { apiMessage } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import { MessageKey } from '../core/i18n/messages';
import { DayPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { AdminApi } from './admin-api';
import { AlertsAdmin } from '../meldingen/alerts-admin';

@Component({
  selector: 'app-beheer-page',
  imports: [TPipe, DayPipe, LoadStateView, AlertsAdmin],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './beheer-page.html',
  styles: `
    section { margin-bottom: 2rem; }
    .new-key { border: 2px solid var(--ok); background: #eef7f1; padding: 0.75rem 1rem; border-radius: 6px; }
    .new-key code { font-size: 1rem; word-break: break-all; background: #fff; padding: 0.2rem 0.4rem; border: 1px solid var(--line); }
    .row-actions { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
  `,
})
export class BeheerPage {
  private readonly api = inject(AdminApi);
  private readonly i18n = inject(I18nService);
  private readonly reloadUsers$ = new BehaviorSubject<void>(undefined);
  private readonly reloadKeys$ = new BehaviorSubject<void>(undefined);

  protected readonly roles = ROLES;
  protected readonly users = toSignal(this.reloadUsers$.pipe(switchMap(() => this.api.users().pipe(toLoadState()))), {
    initialValue: LOADING as LoadState<UserAccount[]>,
  });
  protected readonly keys = toSignal(this.reloadKeys$.pipe(switchMap(() => this.api.apiKeys().pipe(toLoadState()))), {
    initialValue: LOADING as LoadState<ApiKeyInfo[]>,
  });

  protected readonly userMessage = signal<string | null>(null);
  protected readonly userError = signal<string | null>(null);
  protected readonly keyError = signal<string | null>(null);
  /** The new key, shown once until dismissed; never stored anywhere else. */
  protected readonly newKey = signal<{ name: string; key: string } | null>(null);
  protected readonly copied = signal(false);
  protected readonly busy = signal(false);

  protected roleKey(role: string): MessageKey {
    return `role.${role}` as MessageKey;
  }

  protected createUser(form: HTMLFormElement): void {
    const data = new FormData(form);
    const body = {
      email: String(data.get('email') ?? '').trim(),
      name: String(data.get('name') ?? '').trim(),
      role: String(data.get('role') ?? 'analyst') as Role,
      password: String(data.get('password') ?? ''),
    };
    if (!body.email || !body.name || !body.password) {
      this.userError.set(this.i18n.t('beheer.userRequired'));
      return;
    }
    this.run(this.api.createUser(body), () => {
      form.reset();
      this.userMessage.set(this.i18n.t('beheer.userCreated', { name: body.name }));
      this.reloadUsers$.next();
    }, this.userError);
  }

  protected changeRole(user: UserAccount, role: string): void {
    if (role === user.role) return;
    this.run(this.api.updateUser(user.id, { role: role as Role }), () => {
      this.userMessage.set(this.i18n.t('beheer.userUpdated', { name: user.name }));
      this.reloadUsers$.next();
    }, this.userError);
  }

  protected toggleActive(user: UserAccount): void {
    this.run(this.api.updateUser(user.id, { active: !user.active }), () => {
      this.userMessage.set(this.i18n.t('beheer.userUpdated', { name: user.name }));
      this.reloadUsers$.next();
    }, this.userError);
  }

  protected createKey(form: HTMLFormElement, name: string): void {
    if (!name.trim()) {
      this.keyError.set(this.i18n.t('beheer.keyNameRequired'));
      return;
    }
    this.run(this.api.createApiKey(name.trim()), (res) => {
      form.reset();
      this.copied.set(false);
      this.newKey.set({ name: res.name, key: res.key });
      this.reloadKeys$.next();
    }, this.keyError);
  }

  protected revoke(key: ApiKeyInfo): void {
    if (!window.confirm(this.i18n.t('beheer.revokeConfirm', { name: key.name }))) return;
    this.run(this.api.revokeApiKey(key.id), () => this.reloadKeys$.next(), this.keyError);
  }

  protected async copy(key: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(key);
      this.copied.set(true);
    } catch {
      this.keyError.set(this.i18n.t('beheer.copyFailed'));
    }
  }

  protected dismissKey(): void {
    this.newKey.set(null);
    this.copied.set(false);
  }

  private run<T>(request: Observable<T>, done: (value: T) => void, error: WritableSignal<string | null>): void {
    this.busy.set(true);
    error.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        error.set(apiMessage(err) ?? this.i18n.t('state.errorGeneric'));
      },
    });
  }
}
