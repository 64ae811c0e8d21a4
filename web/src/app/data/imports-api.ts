import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportBatch, ImportPreview, ImportResult, Page } from 'contracts';
import { Observable, map } from 'rxjs';
import { asItems } from '../core/http/load-state';
import { nextLink } from '../signalen/signal-groups';

/** One page of the import history and the URL of the next (older) page, if any. */
export interface HistoryPage {
  items: ImportBatch[];
  next: string | null;
}

export type ImportFormat = 'auto' | 'long' | 'statline';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1/imports';

  upload(file: File, format: ImportFormat): Observable<ImportResult> {
    return this.http.post<ImportResult>(this.base, this.form(file), { params: new HttpParams().set('format', format) });
  }

  /** `?dryRun=true`: validated fully, nothing written; answers what would change. */
  preview(file: File, format: ImportFormat): Observable<ImportPreview> {
    return this.http.post<ImportPreview>(this.base, this.form(file), { params: new HttpParams().set('format', format).set('dryRun', 'true') });
  }

  /** The remembered column mapping of a StatLine table (by its header signature), if any. */
  mapping(signature: string): Observable<Record<string, string>> {
    return this.http
      .get<{ signature: string; columns: Record<string, string> }[]>('/api/v1/statline-mappings')
      .pipe(map((list) => list.find((m) => m.signature === signature)?.columns ?? {}));
  }

  saveMapping(signature: string, columns: Record<string, string>, title: string | null): Observable<unknown> {
    return this.http.put(`/api/v1/statline-mappings/${encodeURIComponent(signature)}`, { columns, ...(title ? { title } : {}) });
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
