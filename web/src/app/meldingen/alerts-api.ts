import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Quadrant, RuleName, Severity } from 'contracts';
import { Observable, Subject, map, tap } from 'rxjs';

export type Mode = 'immediate' | 'daily' | 'weekly' | 'monthly' | 'off';
export interface SubscriptionForm {
  areas: string[];
  quadrants: Quadrant[];
  rules: RuleName[];
  minSeverity: Severity;
  mode: Mode;
  includeStale: boolean;
  language: 'nl' | 'en';
  isDefault?: boolean;
}
export interface Person {
  id: string;
  name: string;
  role: string;
}
export interface Webhook {
  id: string;
  name: string;
  url: string;
  format: string;
  filter: { areas: string[]; quadrants?: string[]; rules?: string[]; minSeverity?: string };
  areaNames?: Record<string, string>;
  lastDelivery?: { status: string; at: string; error: string | null; errorCode?: string | null; errorParams?: Record<string, string | number> | null } | null;
}
export interface Delivery {
  id: string;
  channel: string;
  kind: string;
  recipient: string;
  subject: string | null;
  text: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  /** Why the last attempt failed, as a message key (`delivery.*`) with its parameters. */
  errorCode?: string | null;
  errorParams?: Record<string, string | number> | null;
  createdAt: string;
  sentAt: string | null;
}

@Injectable({ providedIn: 'root' })
export class AlertsApi {
  private readonly http = inject(HttpClient);
  private readonly saved = new Subject<void>();
  /** Fires when my subscription has been saved: what counts as new for me has changed with it. */
  readonly subscriptionSaved$: Observable<void> = this.saved.asObservable();

  subscription(): Observable<SubscriptionForm> {
    return this.http.get<SubscriptionForm>('/api/v1/me/subscriptions');
  }
  saveSubscription(s: SubscriptionForm): Observable<SubscriptionForm> {
    return this.http.put<SubscriptionForm>('/api/v1/me/subscriptions', s).pipe(tap(() => this.saved.next()));
  }
  unread(): Observable<{ count: number }> {
    return this.http.get<{ count: number }>('/api/v1/me/alerts/unread');
  }
  /** Signalen opened: what matched my subscription until now is no longer new. */
  seen(): Observable<unknown> {
    return this.http.post('/api/v1/me/alerts/seen', {});
  }
  people(): Observable<Person[]> {
    return this.http.get<Person[]>('/api/v1/signal-owners');
  }
  owner(signalId: string): Observable<{ owner: Person | null }> {
    return this.http.get<{ owner: Person | null }>(`/api/v1/signals/${encodeURIComponent(signalId)}/owner`);
  }
  setOwner(signalId: string, userId: string | null): Observable<{ owner: Person | null }> {
    return this.http.put<{ owner: Person | null }>(`/api/v1/signals/${encodeURIComponent(signalId)}/owner`, { userId });
  }
  webhooks(): Observable<Webhook[]> {
    return this.http.get<Webhook[]>('/api/v1/webhooks');
  }
  createWebhook(body: { url: string; name?: string; format: string; filter: { areas: string[]; quadrants: string[]; rules: string[]; minSeverity: string } }): Observable<{ id: string; secret: string }> {
    return this.http.post<{ id: string; secret: string }>('/api/v1/webhooks', body);
  }
  deleteWebhook(id: string): Observable<unknown> {
    return this.http.delete(`/api/v1/webhooks/${encodeURIComponent(id)}`);
  }
  deliveries(url = '/api/v1/deliveries?limit=50'): Observable<{ items: Delivery[]; next: string | null }> {
    return this.http.get<Delivery[]>(url, { observe: 'response' }).pipe(
      map((res: HttpResponse<Delivery[]>) => ({ items: res.body ?? [], next: /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null })),
    );
  }
  run(): Observable<{ sent: number; retried: number; failed: number }> {
    return this.http.post<{ sent: number; retried: number; failed: number }>('/api/v1/alerts/run', {});
  }
}
