import '../core/i18n/messages-pages';
import './run-messages';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { BehaviorSubject, switchMap } from 'rxjs';
import { LOADING, LoadState, toLoadState } from '../core/http/load-state';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { actorText } from '../shared/actor';
import { LoadStateView } from '../shared/load-state-view';
import type { RunMessageKey } from './run-messages';
import { runTrigger } from './run-trigger';
import { RunsApi, type DetectionRun } from './runs-api';

export { runTrigger } from './run-trigger';

const STATUS: Record<DetectionRun['status'], RunMessageKey> = {
  completed: 'run.status.completed',
  running: 'run.status.running',
  interrupted: 'run.status.interrupted',
  failed: 'run.status.failed',
};

/**
 * Recent detection runs on the Data page (issue 9): when each started and finished, what started
 * it, its status in words (a run a crash left unfinished is "Onderbroken") and what it changed.
 * The page shows it only to roles with `signals.detect`, the capability the endpoint asks.
 */
@Component({
  selector: 'app-detection-runs-section',
  imports: [LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="runs-heading" class="card" data-testid="detection-runs">
      <h2 id="runs-heading">{{ tx('run.heading') }}</h2>
      <p class="hint">{{ tx('run.hint') }}</p>
      @let s = state();
      @if (s.status === 'ok') {
        @if (s.data.length) {
          <div class="scroll">
            <table>
              <caption class="visually-hidden">{{ tx('run.heading') }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ tx('run.col.started') }}</th>
                  <th scope="col">{{ tx('run.col.finished') }}</th>
                  <th scope="col">{{ tx('run.col.duration') }}</th>
                  <th scope="col">{{ tx('run.col.trigger') }}</th>
                  <th scope="col">{{ tx('run.col.status') }}</th>
                  <th scope="col">{{ tx('run.col.signals') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (r of s.data; track r.id) {
                  <tr [attr.data-status]="r.status">
                    <td class="run-when"><time [attr.datetime]="r.startedAt">{{ when(r.startedAt) }}</time></td>
                    <td class="run-when">
                      @if (ended(r) && r.finishedAt) {<time [attr.datetime]="r.finishedAt">{{ when(r.finishedAt) }}</time>} @else {–}
                    </td>
                    <td>{{ duration(r) }}</td>
                    <td class="run-trigger">{{ trigger(r.trigger) }}</td>
                    <td class="run-status">
                      {{ status(r.status) }}
                      @if (r.status === 'interrupted') {<p class="hint" data-testid="run-interrupted">{{ tx('run.interruptedHint') }}</p>}
                      @if (r.status === 'failed') {<p class="hint">{{ tx('run.failedHint') }}</p>}
                    </td>
                    <td class="run-counts">{{ counts(r) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>{{ tx('run.none') }}</p>
        }
        <p><button type="button" class="secondary" data-testid="runs-refresh" (click)="reload()">{{ tx('run.refresh') }}</button></p>
      } @else {
        <app-load-state-view [state]="s" />
      }
    </section>
  `,
  styles: '.run-when { white-space: nowrap; } .run-trigger { overflow-wrap: anywhere; } .run-status { min-width: 9rem; } .run-counts { min-width: 11rem; }',
})
export class DetectionRunsSection {
  private readonly api = inject(RunsApi);
  private readonly i18n = inject(I18nService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly state = toSignal(this.reload$.pipe(switchMap(() => this.api.list().pipe(toLoadState()))), {
    initialValue: LOADING as LoadState<DetectionRun[]>,
  });

  reload(): void {
    this.reload$.next();
  }

  protected tx(key: RunMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key as MessageKey, params);
  }

  /** Completed and failed runs ended on their own; an interrupted run's end is when a restart marked it. */
  protected ended(r: DetectionRun): boolean {
    return r.status === 'completed' || r.status === 'failed';
  }

  protected status(s: DetectionRun['status']): string {
    return this.tx(STATUS[s] ?? 'run.status.unknown');
  }

  protected trigger(t: string): string {
    const { key, params } = runTrigger(t);
    const actor = params?.['actor'];
    return this.tx(key, typeof actor === 'string' ? { ...params, actor: actorText(actor, this.i18n.t('actor.system')) } : params);
  }

  protected when(iso: string): string {
    return this.i18n.dateTime(iso);
  }

  protected duration(r: DetectionRun): string {
    if (!this.ended(r) || !r.finishedAt) return '–';
    const ms = new Date(r.finishedAt).getTime() - new Date(r.startedAt).getTime();
    if (!Number.isFinite(ms) || ms < 0) return '–';
    const total = Math.round(ms / 1000);
    if (total < 1) return this.tx('run.dur.lt1');
    if (total < 60) return this.tx('run.dur.s', { s: total });
    if (total < 3600) return this.tx('run.dur.min', { m: Math.floor(total / 60), s: total % 60 });
    return this.tx('run.dur.h', { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60) });
  }

  /** What a completed run changed; other runs changed nothing (or nothing yet). */
  protected counts(r: DetectionRun): string {
    if (r.status !== 'completed') return '–';
    return this.tx('run.counts', { new: r.created, updated: r.updated, resolved: r.resolved });
  }
}
