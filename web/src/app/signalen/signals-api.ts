import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, Signal, SignalStatus } from 'contracts';
import { Observable, map } from 'rxjs';
import { asItems } from '../core/http/load-state';
import { nextLink } from './signal-groups';

/** One page of top-level signals and the URL of the next page (Link rel="next"), if any. */
export interface SignalPage {
  items: Signal[];
  next: string | null;
}

export interface SignalFilters {
  status?: string;
  rule?: string;
  quadrant?: string;
  area?: string;
  indicator?: string;
  /** `me`: only the signals I own (a server filter, issue 13). */
  owner?: 'me';
}

export interface SignalUpdate {
  status: SignalStatus;
  comment: string;
  meetingId?: string;
}

@Injectable({ providedIn: 'root' })
export class SignalsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1/signals';

  list(filters: SignalFilters): Observable<Signal[]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value) params = params.set(key, value);
    }
    return this.http.get<Signal[] | Page<Signal>>(this.base, { params }).pipe(map(asItems));
  }

  /** First page of top-level signals (groups carry their members); `next` from the Link header. */
  page(filters: SignalFilters): Observable<SignalPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value) params = params.set(key, value);
    }
    return this.http
      .get<Signal[] | Page<Signal>>(this.base, { params, observe: 'response' })
      .pipe(map((res) => ({ items: asItems(res.body ?? []), next: nextLink(res.headers.get('Link')) })));
  }

  /** The page a Link rel="next" points at. */
  nextPage(url: string): Observable<SignalPage> {
    return this.http
      .get<Signal[] | Page<Signal>>(url, { observe: 'response' })
      .pipe(map((res) => ({ items: asItems(res.body ?? []), next: nextLink(res.headers.get('Link')) })));
  }

  get(id: string): Observable<Signal> {
    return this.http.get<Signal>(`${this.base}/${encodeURIComponent(id)}`);
  }

  update(id: string, body: SignalUpdate): Observable<Signal> {
    return this.http.patch<Signal>(`${this.base}/${encodeURIComponent(id)}`, body);
  }
}
