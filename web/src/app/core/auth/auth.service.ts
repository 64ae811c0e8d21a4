import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginRequest, LoginResponse, Role, UserSummary } from 'contracts';
import { Observable, tap } from 'rxjs';

interface StoredSession {
  token: string;
  user: UserSummary;
  /** Epoch milliseconds; the token is dropped once it has passed. */
  expiresAt: number;
}

const STORAGE_KEY = 'wijksignaal.session';
export const LOGIN_URL = '/api/v1/auth/login';

/**
 * Keeps the session in sessionStorage: it survives a reload but not closing the tab,
 * which suits short-lived tokens on shared municipal machines.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<StoredSession | null>(readSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly role = computed<Role | null>(() => this.session()?.user.role ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  token(): string | null {
    const s = this.session();
    if (!s) return null;
    if (s.expiresAt <= Date.now()) {
      this.logout();
      return null;
    }
    return s.token;
  }

  login(credentials: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(LOGIN_URL, credentials).pipe(
      tap((res) => {
        const expiresIn = typeof res.expiresIn === 'number' && res.expiresIn > 0 ? res.expiresIn : 3600;
        this.setSession({ token: res.accessToken, user: res.user, expiresAt: Date.now() + expiresIn * 1000 });
      }),
    );
  }

  logout(): void {
    this.setSession(null);
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

function readSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    return s.token && s.user && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}
