import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CouncilSummary } from 'contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class SummaryApi {
  private readonly http = inject(HttpClient);

  forArea(code: string): Observable<CouncilSummary> {
    return this.http.get<CouncilSummary>(`/api/v1/summary/${encodeURIComponent(code)}`);
  }
}
