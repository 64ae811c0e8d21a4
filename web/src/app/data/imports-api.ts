import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportBatch, ImportResult, Page } from 'contracts';
import { Observable, map } from 'rxjs';
import { asItems } from '../core/http/load-state';

export type ImportFormat = 'long' | 'statline';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1/imports';

  upload(file: File, format: ImportFormat): Observable<ImportResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportResult>(this.base, body, { params: new HttpParams().set('format', format) });
  }

  history(): Observable<ImportBatch[]> {
    return this.http.get<ImportBatch[] | Page<ImportBatch>>(this.base).pipe(map(asItems));
  }
}
