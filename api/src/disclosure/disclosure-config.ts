import { ConfigError } from '../config/app-config';

/** Disclosure settings, from the environment the operator (admin) controls (issue 9). */
export interface DisclosureConfig {
  /** DISCLOSURE_MIN_COUNT (default 5): no indicator's minimum is applied below this floor. */
  floor: number;
  /** DISCLOSURE_ROUND_TO (default 0 = off): shown counts of restricted roles rounded to a multiple. */
  roundTo: number;
}

export function loadDisclosureConfig(env: NodeJS.ProcessEnv = process.env): DisclosureConfig {
  const whole = (name: string, fallback: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 0 || v > max) throw new ConfigError(`${name} must be a whole number 0–${max}, got "${raw}"`);
    return v;
  };
  return { floor: whole('DISCLOSURE_MIN_COUNT', 5, 1000), roundTo: whole('DISCLOSURE_ROUND_TO', 0, 1000) };
}
