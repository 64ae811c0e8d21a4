import '../core/i18n/messages';
import '../core/i18n/messages-access';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { apiMessage } from '../core/http/api-error';
import { I18nService } from '../core/i18n/i18n.service';
import { TPipe } from '../core/i18n/t.pipe';

@Component({
  selector: 'app-login-page',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string | undefined>();
  readonly expired = input<string | undefined>();
  /** Set when the organisation's sign-in came back with an error. */
  readonly sso = input<string | undefined>();

  /** Passwords and/or "Inloggen met <organisatie>" (GET /auth/config); the password form until known. */
  protected readonly options = toSignal(this.auth.options(), { initialValue: { localLogin: true, oidc: null } });
  protected readonly ssoError = computed(() => this.sso() === 'failed');
  protected readonly ssoHref = computed(() => `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(safeReturnUrl(this.returnUrl()))}`);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(email: string, password: string): void {
    if (!email.trim() || !password) {
      this.error.set(this.i18n.t('login.required'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.auth.login({ email: email.trim(), password }).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(apiMessage(err) ?? this.i18n.t('login.failed'));
      },
    });
  }
}

/** Only same-app paths: never send the user to another origin after login. */
export function safeReturnUrl(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
}
