import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Meeting, Page } from 'contracts';
import { Observable, map } from 'rxjs';
import { asItems } from '../core/http/load-state';

@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Meeting[]> {
    return this.http.get<Meeting[] | Page<Meeting>>('/api/v1/meetings').pipe(map(asItems));
  }
}
