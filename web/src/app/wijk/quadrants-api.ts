import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AreaQuadrants } from 'contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class QuadrantsApi {
  private readonly http = inject(HttpClient);

  forArea(code: string, period?: string): Observable<AreaQuadrants> {
    const params = period ? new HttpParams().set('period', period) : undefined;
    return this.http.get<AreaQuadrants>(`/api/v1/areas/${encodeURIComponent(code)}/quadrants`, { params });
  }
}
