import { ConfigError } from './config-error';

/**
 * The one parser for settings from the environment: every `*-config.ts` reads its numbers and
 * switches through these, so a bad value is always a one-line refusal naming the setting and
 * what it got (issue 10: `DB_CONNECT_ATTEMPTS=abc` once made the start-up loop endless).
 */

/** A whole number in [min, max]; unset or blank → the fallback. */
export function wholeNumber(raw: string | undefined, name: string, fallback: number, min: number, max = Infinity): number {
  const text = raw?.trim();
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === Infinity ? `≥ ${min}` : `${min}–${max}`;
    throw new ConfigError(`${name} must be a whole number ${range}, got "${raw}"`);
  }
  return n;
}

/** true/1/yes or false/0/no (any case); unset or blank → the fallback. */
export function yesNo(raw: string | undefined, name: string, fallback: boolean): boolean {
  const v = raw?.trim().toLowerCase();
  if (v === undefined || v === '') return fallback;
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}
