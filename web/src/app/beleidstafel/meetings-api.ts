import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AgendaItem, Meeting, Page } from 'contracts';
import { Observable, map } from 'rxjs';
import { asItems } from '../core/http/load-state';

export interface MeetingInput {
  date: string;
  title: string;
  area: string;
}

@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1/meetings';

  list(): Observable<Meeting[]> {
    return this.http.get<Meeting[] | Page<Meeting>>(this.base).pipe(map(asItems));
  }

  get(id: string): Observable<Meeting> {
    return this.http.get<Meeting>(`${this.base}/${encodeURIComponent(id)}`);
  }

  create(body: MeetingInput): Observable<Meeting> {
    return this.http.post<Meeting>(this.base, body);
  }

  addItem(meetingId: string, body: { signalId: string; notes?: string }): Observable<AgendaItem> {
    return this.http.post<AgendaItem>(`${this.base}/${encodeURIComponent(meetingId)}/items`, body);
  }

  /** Records the decision; `effectDueOn` (YYYY-MM-DD) is when its effect is measured and its owner reminded. */
  decide(meetingId: string, itemId: string, decision: string, effectDueOn: string | null = null): Observable<AgendaItem> {
    return this.http.put<AgendaItem>(
      `${this.base}/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(itemId)}/decision`,
      effectDueOn ? { decision, effectDueOn } : { decision },
    );
  }

  /** The brief as a PDF (`?format=pdf`) in the reader's language; fetched with the token, saved from a Blob. */
  briefPdf(meetingId: string, lang: string): Observable<Blob> {
    return this.http.get(`${this.base}/${encodeURIComponent(meetingId)}/brief`, { params: { format: 'pdf', lang }, responseType: 'blob' });
  }

  /** The server's printable HTML brief; fetched with the token, opened as a Blob URL. */
  briefHtml(meetingId: string): Observable<string> {
    return this.http.get(`${this.base}/${encodeURIComponent(meetingId)}/brief`, { responseType: 'text' });
  }
}
