import { wholeNumber } from '../config/env';

/** Disclosure settings, from the environment the operator (admin) controls (issue 9). */
export interface DisclosureConfig {
  /** DISCLOSURE_MIN_COUNT (default 5): no indicator's minimum is applied below this floor. */
  floor: number;
  /** DISCLOSURE_ROUND_TO (default 0 = off): shown counts of restricted roles rounded to a multiple. */
  roundTo: number;
}

export function loadDisclosureConfig(env: NodeJS.ProcessEnv = process.env): DisclosureConfig {
  return {
    floor: wholeNumber(env.DISCLOSURE_MIN_COUNT, 'DISCLOSURE_MIN_COUNT', 5, 0, 1000),
    roundTo: wholeNumber(env.DISCLOSURE_ROUND_TO, 'DISCLOSURE_ROUND_TO', 0, 0, 1000),
  };
}
