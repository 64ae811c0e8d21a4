import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Annotation, AreaLevel, Indicator, Observation, ObservationProvenance, Page, FunnelView } from 'contracts';
import { Observable, map, shareReplay, tap } from 'rxjs';
import { asItems } from '../core/http/load-state';

export interface ObservationQuery {
  indicator: string;
  area: string;
  level?: string;
  from?: string;
  to?: string;
}

@Injectable({ providedIn: 'root' })
export class IndicatorsApi {
  private readonly http = inject(HttpClient);
  private catalogue$?: Observable<Indicator[]>;

  catalogue(): Observable<Indicator[]> {
    this.catalogue$ ??= this.http
      .get<Indicator[] | Page<Indicator>>('/api/v1/indicators')
      .pipe(map(asItems), shareReplay({ bufferSize: 1, refCount: true }));
    return this.catalogue$;
  }

  /**
   * Creates or changes indicators (analysts and admins); the cached catalogue is dropped so every
   * page reads the new one.
   */
  save(indicators: Indicator | Indicator[]): Observable<{ upserted: number; indicators: Indicator[] }> {
    return this.http.post<{ upserted: number; indicators: Indicator[] }>('/api/v1/indicators', indicators).pipe(
      tap(() => this.catalogueChanged()),
    );
  }

  /** Indicators were made elsewhere (a StatLine column mapping): the next `catalogue()` reads them. */
  catalogueChanged(): void {
    this.catalogue$ = undefined;
  }

  /** The funnel plot of an indicator's areas at one period, with the engine's limits (null: no funnel for this measure). */
  funnel(query: { indicator: string; area: string; level: string; period: string }): Observable<FunnelView | null> {
    const params = new HttpParams().set('indicator', query.indicator).set('area', query.area).set('level', query.level).set('period', query.period);
    return this.http.get<FunnelView | null>('/api/v1/observations/funnel', { params });
  }

  /** Which import batches wrote each figure of one period (analysts and admins). */
  provenance(query: { indicator: string; area: string; level: string; period: string }): Observable<ObservationProvenance[]> {
    const params = new HttpParams().set('indicator', query.indicator).set('area', query.area).set('level', query.level)
      .set('from', query.period).set('to', query.period);
    return this.http.get<ObservationProvenance[]>('/api/v1/observations/provenance', { params });
  }

  /** The indicators that have data in this area (or inside it). */
  /** Indicators with data in the area (with `level`: for the areas of that level inside it). */
  withDataIn(area: string, level?: AreaLevel): Observable<Indicator[]> {
    let params = new HttpParams().set('area', area);
    if (level) params = params.set('level', level);
    return this.http
      .get<Indicator[] | Page<Indicator>>('/api/v1/indicators', { params })
      .pipe(map(asItems));
  }

  observations(query: ObservationQuery): Observable<Observation[]> {
    let params = new HttpParams().set('indicator', query.indicator).set('area', query.area);
    for (const key of ['level', 'from', 'to'] as const) {
      const value = query[key];
      if (value) params = params.set(key, value);
    }
    return this.http
      .get<Observation[] | Page<Observation>>('/api/v1/observations', { params })
      .pipe(map(asItems));
  }

  /** Dated events (policy decisions, rule changes) for the charts of an indicator in an area. */
  annotations(indicator: string, area: string): Observable<Annotation[]> {
    const params = new HttpParams().set('indicator', indicator).set('area', area);
    return this.http.get<Annotation[] | Page<Annotation>>('/api/v1/annotations', { params }).pipe(map(asItems));
  }
}
