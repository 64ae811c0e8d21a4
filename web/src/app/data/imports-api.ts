import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportBatch, ImportPreview, ImportResult, Measure, Page, Polarity, Quadrant } from 'contracts';
import { Observable, map } from 'rxjs';
import { asItems } from '../core/http/load-state';
import { nextLink } from '../signalen/signal-groups';

/** One page of the import history and the URL of the next (older) page, if any. */
export interface HistoryPage {
  items: ImportBatch[];
  next: string | null;
}

export type ImportFormat = 'auto' | 'long' | 'statline';

/** A new indicator read from a StatLine column (`newIndicators` of the mapping); numbers as typed where not numbers. */
export interface NewIndicator {
  code: string;
  name: { nl: string; en: string };
  quadrant: Quadrant;
  measure: Measure;
  polarity: Polarity;
  per: number | string | null;
  minCount?: number | string;
  source: string;
  description: string;
}

/** The upload form's optional fields: provenance, and the period of a file without one. */
export interface UploadOptions {
  source?: string;
  period?: string;
}

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1/imports';

  upload(file: File, format: ImportFormat, options: UploadOptions = {}): Observable<ImportResult> {
    return this.http.post<ImportResult>(this.base, this.form(file), { params: this.params(format, options) });
  }

  /** `?dryRun=true`: validated fully, nothing written; answers what would change. */
  preview(file: File, format: ImportFormat, options: UploadOptions = {}): Observable<ImportPreview> {
    return this.http.post<ImportPreview>(this.base, this.form(file), { params: this.params(format, options).set('dryRun', 'true') });
  }

  private params(format: ImportFormat, options: UploadOptions): HttpParams {
    let params = new HttpParams().set('format', format);
    if (options.source?.trim()) params = params.set('source', options.source.trim());
    if (options.period?.trim()) params = params.set('period', options.period.trim());
    return params;
  }

  /** The remembered column mapping of a StatLine table (by its header signature), if any. */
  mapping(signature: string): Observable<Record<string, string>> {
    return this.http
      .get<{ signature: string; columns: Record<string, string> }[]>('/api/v1/statline-mappings')
      .pipe(map((list) => list.find((m) => m.signature === signature)?.columns ?? {}));
  }

  /** Saves the table's mapping; `newIndicators` (by column) are created with it, all or nothing, checked by the server. */
  saveMapping(signature: string, columns: Record<string, string>, title: string | null, newIndicators: Record<string, NewIndicator> = {}): Observable<unknown> {
    return this.http.put(`/api/v1/statline-mappings/${encodeURIComponent(signature)}`, {
      columns, ...(title ? { title } : {}), ...(Object.keys(newIndicators).length ? { newIndicators } : {}),
    });
  }

  batch(id: string): Observable<ImportBatch> {
    return this.http.get<ImportBatch>(`${this.base}/${encodeURIComponent(id)}`);
  }

  /** The newest batches; `next` is the URL of older ones (Link rel="next", DESIGN §4b), null at the end. */
  history(): Observable<HistoryPage> {
    return this.historyPage(this.base);
  }

  /** The page a Link rel="next" points at. */
  historyPage(url: string): Observable<HistoryPage> {
    return this.http
      .get<ImportBatch[] | Page<ImportBatch>>(url, { observe: 'response' })
      .pipe(map((res) => ({ items: asItems(res.body), next: nextLink(res.headers.get('Link')) })));
  }

  private form(file: File): FormData {
    const body = new FormData();
    body.append('file', file, file.name);
    return body;
  }
}
