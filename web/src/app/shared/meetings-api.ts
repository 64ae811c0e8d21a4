import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AgendaItem, BriefModel, DecisionInput, DecisionOwner, Meeting, Page } from 'contracts';
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

  /**
   * Records (or corrects) the decision with its owner, deadline and follow-up date (`effectDueOn`,
   * when its effect is measured and the owner reminded). Empty fields are left out.
   */
  decide(meetingId: string, itemId: string, input: DecisionInput): Observable<AgendaItem> {
    const body: DecisionInput = { decision: input.decision };
    if (input.ownerId) body.ownerId = input.ownerId;
    if (input.deadline) body.deadline = input.deadline;
    if (input.effectDueOn) body.effectDueOn = input.effectDueOn;
    return this.http.put<AgendaItem>(`${this.base}/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(itemId)}/decision`, body);
  }

  /** People who can own a decision (the same list as signal owners: managers and analysts). */
  owners(): Observable<(DecisionOwner & { role: string })[]> {
    return this.http.get<(DecisionOwner & { role: string })[]>('/api/v1/signal-owners');
  }

  /** The brief as a PDF (`?format=pdf`) in the reader's language; fetched with the token, saved from a Blob. */
  briefPdf(meetingId: string, lang: string): Observable<Blob> {
    return this.http.get(`${this.base}/${encodeURIComponent(meetingId)}/brief`, { params: { format: 'pdf', lang }, responseType: 'blob' });
  }

  /** The server's printable HTML brief in the reader's language; fetched with the token, opened as a Blob URL. */
  briefHtml(meetingId: string, lang: string): Observable<string> {
    return this.http.get(`${this.base}/${encodeURIComponent(meetingId)}/brief`, { params: { lang }, responseType: 'text' });
  }

  /** The brief's content model (`?format=json`): what the print page shows, as the HTML and PDF briefs do. */
  briefModel(meetingId: string, lang: string): Observable<BriefModel> {
    return this.http.get<BriefModel>(`${this.base}/${encodeURIComponent(meetingId)}/brief`, { params: { format: 'json', lang } });
  }
}
