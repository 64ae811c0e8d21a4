import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuthOptions, LoginRequest, LoginResponse, Role, UserSummary } from 'contracts';
import { Observable, catchError, finalize, from, map, of, shareReplay, tap } from 'rxjs';

interface StoredSession {
  token: string;
  user: UserSummary;
  /** Epoch milliseconds; the token is dropped once it has passed. */
  expiresAt: number;
}

const STORAGE_KEY = 'wijksignaal.session';
export const LOGIN_URL = '/api/v1/auth/login';
/** Auth routes that must not trigger a renewal themselves. */
export const AUTH_URL = '/api/v1/auth/';
export const REFRESH_URL = '/api/v1/auth/refresh';
export const LOGOUT_URL = '/api/v1/auth/logout';

/**
 * The access token (short-lived) lives in sessionStorage; the session itself is the refresh
 * cookie (httpOnly, shared by all tabs of the browser). A new tab, a reload after the token
 * expired, or the return from the organisation's sign-in page renews the token with that cookie;
 * renewals of all tabs take turns (Web Locks), so a rotated cookie is never presented twice.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<StoredSession | null>(readSession());
  private renewal: Observable<boolean> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly role = computed<Role | null>(() => this.session()?.user.role ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  /** The access token; also when expired (the next call renews it). Null without a session or after it ended. */
  token(): string | null {
    return this.session()?.token || null;
  }

  /** What the login page offers (passwords, "Inloggen met <organisatie>"). */
  options(): Observable<AuthOptions> {
    return this.http.get<AuthOptions>('/api/v1/auth/config').pipe(catchError(() => of<AuthOptions>({ localLogin: true, oidc: null })));
  }

  login(credentials: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(LOGIN_URL, credentials).pipe(tap((res) => this.accept(res)));
  }

  /** Renews the access token with the refresh cookie; one renewal at a time, in this tab and across tabs. */
  refresh(): Observable<boolean> {
    this.renewal ??= from(withLock(() => new Promise<boolean>((resolve) => {
      this.http.post<LoginResponse>(REFRESH_URL, {}).subscribe({
        next: (res) => {
          this.accept(res);
          resolve(true);
        },
        error: () => {
          // The session has ended. Keep who the user was, so the page (and what was typed on it)
          // stays as it is; without a token the next navigation goes to login.
          const s = this.session();
          this.setSession(s ? { ...s, token: '', expiresAt: 0 } : null);
          resolve(false);
        },
      });
    }))).pipe(
      finalize(() => (this.renewal = null)),
      shareReplay(1),
    );
    return this.renewal;
  }

  /** At start-up: with no token in this tab, try the browser's session (another tab, or back from single sign-on). */
  restore(): Promise<boolean> {
    if (this.session()) return Promise.resolve(true);
    // The server marks a live session with a readable hint cookie; without it there is nothing to renew.
    if (typeof document === 'undefined' || !/(^|;\s*)ws_session=1/.test(document.cookie)) return Promise.resolve(false);
    return new Promise((resolve) => this.refresh().pipe(map(Boolean)).subscribe({ next: resolve, error: () => resolve(false) }));
  }

  /** Ends the session on the server too (refresh cookie and access token), then here. */
  signOut(): Observable<void> {
    return this.http.post<void>(LOGOUT_URL, {}).pipe(
      catchError(() => of(undefined)),
      map(() => this.setSession(null)),
    );
  }

  /** Forgets the session in this tab (the server session is ended by signOut). */
  logout(): void {
    this.setSession(null);
  }

  private accept(res: LoginResponse): void {
    const expiresIn = typeof res.expiresIn === 'number' && res.expiresIn > 0 ? res.expiresIn : 900;
    this.setSession({ token: res.accessToken, user: res.user, expiresAt: Date.now() + expiresIn * 1000 });
  }

  private setSession(session: StoredSession | null): void {
    this.session.set(session);
    try {
      if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Without storage the session lives in memory only.
    }
  }
}

/** Runs `work` holding a browser-wide lock when the Web Locks API is there (all tabs share the cookie). */
function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request('wijksignaal-refresh', work) as Promise<T>) : work();
}

function readSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    return s.token && s.user ? s : null;
  } catch {
    return null;
  }
}
