import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CbsSchedule, CbsSource, CbsSyncResult } from 'contracts';
import type { Observable } from 'rxjs';

export interface CbsSourceInput {
  tableId: string;
  name: string | null;
  columns: Record<string, string>;
  period: string | null;
  schedule: CbsSchedule;
}

/** `/api/v1/cbs-sources`: CBS open-data tables synced into indicators (issue 16). */
@Injectable({ providedIn: 'root' })
export class CbsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1/cbs-sources';

  list(): Observable<CbsSource[]> {
    return this.http.get<CbsSource[]>(this.base);
  }

  create(input: CbsSourceInput): Observable<CbsSource> {
    return this.http.post<CbsSource>(this.base, input);
  }

  sync(id: string): Observable<CbsSyncResult> {
    return this.http.post<CbsSyncResult>(`${this.base}/${encodeURIComponent(id)}/sync`, {});
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${encodeURIComponent(id)}`);
  }
}
