import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, Signal, SignalStatus } from 'contracts';
import { Observable, map } from 'rxjs';
import { asItems } from '../core/http/load-state';

export interface SignalFilters {
  status?: string;
  rule?: string;
  quadrant?: string;
  area?: string;
  indicator?: string;
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

  get(id: string): Observable<Signal> {
    return this.http.get<Signal>(`${this.base}/${encodeURIComponent(id)}`);
  }

  update(id: string, body: SignalUpdate): Observable<Signal> {
    return this.http.patch<Signal>(`${this.base}/${encodeURIComponent(id)}`, body);
  }
}
