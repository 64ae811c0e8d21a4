import { wholeNumber } from './env';
import { availableParallelism } from 'node:os';
/** Running work (imports, detection runs): heartbeat and when it counts as interrupted (issue 9). */
export interface WorkConfig {
  /** How often running work beats its heart and the sweep runs (ms); 0 = never (tests call sweep()). */
  heartbeatMs: number;
  /** Running work whose heartbeat is older than this is marked interrupted by any instance (s). */
  staleSeconds: number;
  /**
   * How often an instance looks for detection jobs of a run another instance started (ms); 0 = never
   * (it then works only on the runs it starts itself). Issue 14.
   */
  detectionTickMs: number;
  /** Detection jobs one instance works on at once (reading one municipality while computing another). */
  detectionConcurrency: number;
  /** Worker threads for the statistics of detection jobs (0: on the main thread). */
  detectionThreads: number;
}

export function loadWorkConfig(env: NodeJS.ProcessEnv): WorkConfig {
  const threads = wholeNumber(env.SIGNAL_THREADS, 'SIGNAL_THREADS', Math.min(4, availableParallelism()), 0);
  return {
    heartbeatMs: wholeNumber(env.WORK_HEARTBEAT_MS, 'WORK_HEARTBEAT_MS', 30_000, 0),
    staleSeconds: wholeNumber(env.WORK_STALE_SECONDS, 'WORK_STALE_SECONDS', 120, 10),
    detectionTickMs: wholeNumber(env.SIGNAL_JOBS_TICK_MS, 'SIGNAL_JOBS_TICK_MS', 1000, 0),
    detectionConcurrency: wholeNumber(env.SIGNAL_JOB_CONCURRENCY, 'SIGNAL_JOB_CONCURRENCY', Math.max(2, threads + 1), 1),
    detectionThreads: threads,
  };
}
