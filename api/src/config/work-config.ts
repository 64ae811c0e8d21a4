import { wholeNumber } from './env';
/** Running work (imports, detection runs): heartbeat and when it counts as interrupted (issue 9). */
export interface WorkConfig {
  /** How often running work beats its heart and the sweep runs (ms); 0 = never (tests call sweep()). */
  heartbeatMs: number;
  /** Running work whose heartbeat is older than this is marked interrupted by any instance (s). */
  staleSeconds: number;
}

export function loadWorkConfig(env: NodeJS.ProcessEnv): WorkConfig {
  return {
    heartbeatMs: wholeNumber(env.WORK_HEARTBEAT_MS, 'WORK_HEARTBEAT_MS', 30_000, 0),
    staleSeconds: wholeNumber(env.WORK_STALE_SECONDS, 'WORK_STALE_SECONDS', 120, 10),
  };
}
