import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

/** The signal engine's settings: a nested object of numbers, booleans and number lists. */
export type SignalSettings = Record<string, unknown>;

@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);
  private readonly url = '/api/v1/signal-settings';

  get(): Observable<SignalSettings> {
    return this.http.get<SignalSettings>(this.url);
  }

  save(settings: SignalSettings): Observable<SignalSettings> {
    return this.http.put<SignalSettings>(this.url, settings);
  }
}
