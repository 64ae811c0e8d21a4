import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

/** A run's status as `signal_run` stores it (api/src/signals/signals.repository.ts, migration work-ledger). */
export type DetectionRunStatus = 'running' | 'completed' | 'failed' | 'interrupted';

/** One row of `GET /api/v1/signals/runs` (newest first, the last 20). */
export interface DetectionRun {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: DetectionRunStatus;
  /** `import:<batch>[,import:<batch>…][,+n]`, `manual:<actor>` or `demo-data`: never shown as such. */
  trigger: string;
  created: number;
  updated: number;
  resolved: number;
  skippedCount: number;
}

/** `/api/v1/signals/runs`: recent detection runs (capability `signals.detect`). */
@Injectable({ providedIn: 'root' })
export class RunsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<DetectionRun[]> {
    return this.http.get<DetectionRun[]>('/api/v1/signals/runs');
  }
}
