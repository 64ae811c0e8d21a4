import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { HttpParams } from '@angular/common/http';
import type { ApiKeyInfo, AreaSummary, AuditEvent, Page, Role, UserAccount, UserScope } from 'contracts';
import { Observable, map } from 'rxjs';
import { asItems } from '../core/http/load-state';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(): Observable<UserAccount[]> {
    return this.http.get<UserAccount[] | Page<UserAccount>>('/api/v1/users').pipe(map(asItems));
  }
  createUser(body: NewUser): Observable<UserAccount> {
    return this.http.post<UserAccount>('/api/v1/users', body);
  }
  updateUser(
    id: string,
    body: Partial<Pick<UserAccount, 'name' | 'role' | 'active'>> & { password?: string; scope?: UserScope; homeMunicipality?: string | null },
  ): Observable<UserAccount> {
    return this.http.patch<UserAccount>(`/api/v1/users/${encodeURIComponent(id)}`, body);
  }
  /** The register's municipalities (public reference data), for choosing scopes by name. */
  municipalities(): Observable<AreaSummary[]> {
    return this.http.get<AreaSummary[] | Page<AreaSummary>>('/api/v1/areas', { params: { level: 'municipality' } }).pipe(map(asItems));
  }
  /** One page of the audit trail; `next` is the cursor of the following page (from the Link header). */
  audit(filter: { actor?: string; action?: string; from?: string; to?: string; cursor?: string }): Observable<{ items: AuditEvent[]; next: string | null }> {
    let params = new HttpParams().set('limit', '50');
    for (const [k, v] of Object.entries(filter)) if (v) params = params.set(k, v);
    return this.http.get<AuditEvent[]>('/api/v1/audit', { params, observe: 'response' }).pipe(
      map((res) => {
        const link = res.headers.get('Link') ?? '';
        const next = /<[^>]*[?&]cursor=([^&>]+)[^>]*>;\s*rel="next"/.exec(link)?.[1] ?? null;
        return { items: res.body ?? [], next: next ? decodeURIComponent(next) : null };
      }),
    );
  }
  apiKeys(): Observable<ApiKeyInfo[]> {
    return this.http.get<ApiKeyInfo[] | Page<ApiKeyInfo>>('/api/v1/api-keys').pipe(map(asItems));
  }
  /** The answer holds the key itself, once. */
  createApiKey(name: string): Observable<ApiKeyInfo & { key: string }> {
    return this.http.post<ApiKeyInfo & { key: string }>('/api/v1/api-keys', { name });
  }
  revokeApiKey(id: string): Observable<ApiKeyInfo> {
    return this.http.delete<ApiKeyInfo>(`/api/v1/api-keys/${encodeURIComponent(id)}`);
  }
}
