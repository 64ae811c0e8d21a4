import '../core/i18n/messages-pages';
import '../core/i18n/messages-access';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type WritableSignal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AUDIENCES, ROLES, type ApiKeyInfo, type AuditEvent, type Indicator, type Role, type UserAccount } from 'contracts';
import { BehaviorSubject, catchError, filter, of, switchMap, take, type Observable } from 'rxjs';
import { apiMessage } from '../core/http/api-error';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService, interpolate } from '../core/i18n/i18n.service';
import { DICTIONARIES } from '../core/i18n/message-registry';
import { MessageKey } from '../core/i18n/messages';
import { DayPipe, TPipe } from '../core/i18n/t.pipe';
import { LoadStateView } from '../shared/load-state-view';
import { actorText } from '../shared/actor';
import '../core/i18n/messages-pages';
import { AdminApi } from './admin-api';
import { AlertsAdmin } from '../meldingen/alerts-admin';
import { alertsText } from '../meldingen/alerts-i18n';
import { auditRow, type AuditContext, type AuditRow } from './audit-text';
import { HelpBox } from '../shared/help-box';
import { IndicatorsApi } from '../indicators/indicators-api';

@Component({
  selector: 'app-beheer-page',
  imports: [TPipe, DayPipe, LoadStateView, AlertsAdmin, HelpBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './beheer-page.html',
  styles: `
    section { margin-bottom: 2rem; }
    .new-key { border: 2px solid var(--ok); background: #eef7f1; padding: 0.75rem 1rem; border-radius: 6px; }
    .new-key code { font-size: 1rem; word-break: break-all; background: #fff; padding: 0.2rem 0.4rem; border: 1px solid var(--line); }
    .row-actions { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
    .access-form { margin-top: 0.5rem; display: grid; gap: 0.5rem; max-width: 28rem; }
    .access-form select[multiple] { min-height: 8rem; }
    .audit-details { font-size: 0.85rem; overflow-wrap: anywhere; margin: 0; padding: 0; list-style: none; }
    .audit-details li { display: inline; }
    .audit-details li:not(:last-child)::after { content: '; '; }
    .audit-details .k { color: var(--muted); }
    .audit-code { display: block; font-size: 0.75rem; font-weight: normal; color: var(--muted); overflow-wrap: anywhere; }
    @media (min-width: 40.01rem) {
      .audit-when { white-space: nowrap; }
    }
    /* Phone: each event as a block (time and who, then what, then details) instead of a table that scrolls sideways. */
    @media (max-width: 40rem) {
      .audit-table { display: block; overflow-x: visible; }
      .audit-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      .audit-table tbody, .audit-table tr { display: block; }
      .audit-table tr { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
      .audit-table td, .audit-table th { display: block; border: 0; padding: 0.1rem 0; background: none; }
      .audit-table .audit-when, .audit-table .audit-actor { display: inline; font-size: 0.85rem; color: var(--muted); }
      .audit-table .audit-when::after { content: ' · '; }
    }
  `,
})
export class BeheerPage {
  private readonly api = inject(AdminApi);
  private readonly i18n = inject(I18nService);
  protected actor(a: string | null | undefined): string {
    return actorText(a, this.i18n.t('actor.system'));
  }
  private readonly reloadUsers$ = new BehaviorSubject<void>(undefined);
  private readonly reloadKeys$ = new BehaviorSubject<void>(undefined);

  protected readonly roles = ROLES;
  protected readonly newUserRole = AUDIENCES.newUser;
  protected readonly users = toSignal(this.reloadUsers$.pipe(switchMap(() => this.api.users().pipe(toLoadState()))), {
    initialValue: LOADING as LoadState<UserAccount[]>,
  });
  protected readonly keys = toSignal(this.reloadKeys$.pipe(switchMap(() => this.api.apiKeys().pipe(toLoadState()))), {
    initialValue: LOADING as LoadState<ApiKeyInfo[]>,
  });

  /** Municipality names for scopes (names, not codes, on screen). */
  protected readonly municipalities = toSignal(this.api.municipalities(), { initialValue: [] });
  protected readonly municipalityName = computed(() => new Map(this.municipalities().map((m) => [m.code, m.name])));
  /** The user whose access (scope, home) is being edited. */
  protected readonly editing = signal<string | null>(null);
  protected readonly auditRows = signal<AuditEvent[]>([]);
  private readonly indicatorsApi = inject(IndicatorsApi);
  /** Indicator names, fetched once the log shows an event that lists indicators (indicators.upsert). */
  private readonly indicators = toSignal(
    toObservable(this.auditRows).pipe(
      filter((rows) => rows.some((e) => e.action === 'indicators.upsert')),
      take(1),
      switchMap(() => this.indicatorsApi.catalogue().pipe(catchError(() => of<Indicator[]>([])))),
    ),
    { initialValue: [] as Indicator[] },
  );
  protected readonly auditNext = signal<string | null>(null);
  protected readonly auditError = signal<string | null>(null);
  private auditFilter: { actor?: string; action?: string; from?: string; to?: string } = {};

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
      role: String(data.get('role') ?? AUDIENCES.newUser) as Role,
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

  protected scopeText(user: UserAccount): string {
    const list = user.scope?.municipalities;
    if (!list) return this.i18n.t('beheer.scopeAll');
    return list.map((c) => this.municipalityName().get(c) ?? c).join(', ');
  }

  protected homeText(user: UserAccount): string {
    return user.homeMunicipality ? (this.municipalityName().get(user.homeMunicipality) ?? user.homeMunicipality) : this.i18n.t('beheer.homeNone');
  }

  /** Role changes ask first: they end the user's sessions. A cancelled change puts the select back. */
  protected changeRole(user: UserAccount, role: string, select?: HTMLSelectElement): void {
    if (role === user.role) return;
    const confirmed = window.confirm(
      this.i18n.t('beheer.confirmRole', { name: user.name, from: this.i18n.t(this.roleKey(user.role)), to: this.i18n.t(this.roleKey(role)) }),
    );
    if (!confirmed) {
      if (select) select.value = user.role;
      return;
    }
    this.run(this.api.updateUser(user.id, { role: role as Role }), () => {
      this.userMessage.set(this.i18n.t('beheer.userUpdated', { name: user.name }));
      this.reloadUsers$.next();
    }, this.userError);
  }

  protected saveAccess(user: UserAccount, form: HTMLFormElement): void {
    const data = new FormData(form);
    const all = data.get('mode') === 'all';
    const chosen = data.getAll('municipalities').map(String);
    if (!all && chosen.length === 0) {
      this.userError.set(this.i18n.t('beheer.chooseOne'));
      return;
    }
    const home = String(data.get('home') ?? '') || null;
    const scope = all ? null : { municipalities: chosen };
    const scopeText = all ? this.i18n.t('beheer.scopeAll') : chosen.map((c) => this.municipalityName().get(c) ?? c).join(', ');
    const scopeChanged = JSON.stringify(user.scope?.municipalities ?? null) !== JSON.stringify(scope ? [...chosen].sort() : null);
    if (scopeChanged && !window.confirm(this.i18n.t('beheer.confirmScope', { name: user.name, scope: scopeText }))) return;
    this.run(this.api.updateUser(user.id, { ...(scopeChanged ? { scope } : {}), homeMunicipality: home }), () => {
      this.editing.set(null);
      this.userMessage.set(this.i18n.t('beheer.userUpdated', { name: user.name }));
      this.reloadUsers$.next();
      this.loadAudit();
    }, this.userError);
  }

  protected filterAudit(form: HTMLFormElement): void {
    const data = new FormData(form);
    const get = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    this.auditFilter = { actor: get('actor'), action: get('action'), from: get('from'), to: get('to') };
    this.loadAudit();
  }

  protected loadAudit(more = false): void {
    this.auditError.set(null);
    this.api.audit({ ...this.auditFilter, cursor: more ? (this.auditNext() ?? undefined) : undefined }).subscribe({
      next: (page) => {
        this.auditRows.set(more ? [...this.auditRows(), ...page.items] : page.items);
        this.auditNext.set(page.next);
      },
      error: (err: unknown) => this.auditError.set(apiMessage(err) ?? this.i18n.t('state.errorGeneric')),
    });
  }

  /**
   * The log in words, in the reader's language (audit-text.ts): action names, labelled details with
   * names for roles, areas and users the page knows, and the time in local time.
   */
  protected readonly auditView = computed<AuditRow[]>(() => {
    const lang = this.i18n.lang();
    const areas = this.municipalityName();
    const users = this.users();
    const userNames = new Map(users.status === 'ok' ? users.data.map((u) => [u.id, u.name]) : []);
    const indicatorNames = new Map(this.indicators().map((i) => [i.code, i.name[lang]]));
    const dictionary = DICTIONARIES[lang];
    const ctx: AuditContext = {
      text: (key, params) => (dictionary[key] === undefined ? null : interpolate(dictionary[key], params)),
      mode: (mode) => {
        const text = alertsText(lang, `mode.${mode}`);
        return text === `mode.${mode}` ? null : text;
      },
      number: (n) => this.i18n.number(n, 0),
      date: (iso) => this.i18n.date(iso),
      dateTime: (iso) => this.i18n.dateTime(iso),
      areaName: (code) => areas.get(code),
      userName: (id) => userNames.get(id),
      indicatorName: (code) => indicatorNames.get(code),
    };
    return this.auditRows().map((e) => auditRow(e, ctx));
  });

  constructor() {
    this.loadAudit();
  }

  protected toggleActive(user: UserAccount): void {
    if (user.active && !window.confirm(this.i18n.t('beheer.confirmDeactivate', { name: user.name }))) return;
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
