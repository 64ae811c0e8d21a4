import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { MunicipalityCoverage, SearchResult } from 'contracts';
import { Observable, shareReplay } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class SearchApi {
  private readonly http = inject(HttpClient);
  private coverage$?: Observable<MunicipalityCoverage[]>;

  search(q: string, limit = 8): Observable<SearchResult> {
    return this.http.get<SearchResult>('/api/v1/areas/search', { params: new HttpParams().set('q', q).set('limit', limit) });
  }

  /** Municipalities with data, most first; once per session. */
  coverage(): Observable<MunicipalityCoverage[]> {
    this.coverage$ ??= this.http.get<MunicipalityCoverage[]>('/api/v1/areas/coverage').pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.coverage$;
  }
}
