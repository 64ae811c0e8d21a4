import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AreaDetail, AreaLevel, AreaSummary, BoundaryUploadResult } from 'contracts';
import { Observable, map, shareReplay } from 'rxjs';
import type { FeatureCollection } from './geojson';

const BASE = '/api/v1/areas';

@Injectable({ providedIn: 'root' })
export class AreasApi {
  private readonly http = inject(HttpClient);
  private municipalities$?: Observable<AreaSummary[]>;

  /** The 342 municipalities change once a year: load them once per session. */
  municipalities(): Observable<AreaSummary[]> {
    this.municipalities$ ??= this.list({ level: 'municipality' }).pipe(
      map((areas) => [...areas].sort((a, b) => a.name.localeCompare(b.name, 'nl'))),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.municipalities$;
  }

  list(query: { level?: AreaLevel; parent?: string }): Observable<AreaSummary[]> {
    let params = new HttpParams();
    if (query.parent) params = params.set('parent', query.parent);
    if (query.level) params = params.set('level', query.level);
    return this.http.get<AreaSummary[]>(BASE, { params });
  }

  children(code: string): Observable<AreaSummary[]> {
    return this.list({ parent: code });
  }

  neighbourhoodsIn(code: string): Observable<AreaSummary[]> {
    return this.list({ parent: code, level: 'neighbourhood' });
  }

  detail(code: string): Observable<AreaDetail> {
    return this.http.get<AreaDetail>(`${BASE}/${encodeURIComponent(code)}`);
  }

  /** The children's boundaries; `level` on a municipality: every area of that level inside it. */
  boundaries(code: string, level?: AreaLevel): Observable<FeatureCollection> {
    const params = level ? new HttpParams().set('level', level) : undefined;
    return this.http.get<FeatureCollection>(`${BASE}/${encodeURIComponent(code)}/boundaries`, { params });
  }

  /** Boundary upload (analyst, admin): GeoJSON or TopoJSON, all or nothing. */
  uploadBoundaries(file: File, crs: string): Observable<BoundaryUploadResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    const params = crs ? new HttpParams().set('crs', crs) : undefined;
    return this.http.post<BoundaryUploadResult>(`${BASE}/boundaries`, body, { params });
  }
}
