import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiKeyInfo, Page, Role, UserAccount } from 'contracts';
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
  updateUser(id: string, body: Partial<Pick<UserAccount, 'name' | 'role' | 'active'>> & { password?: string }): Observable<UserAccount> {
    return this.http.patch<UserAccount>(`/api/v1/users/${encodeURIComponent(id)}`, body);
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
