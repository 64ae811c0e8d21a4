import type { SettingsFieldError, SignalSettings, SignalSettingsPatch } from './types';

/** Defaults, tuned with bench/signals.ts (recall ≥ 0.9, ≤ 2 false alarms per 1,000 noise series). */
export const DEFAULT_SIGNAL_SETTINGS: SignalSettings = {
  fdrQ: 0.05,
  peerOutlier: { enabled: true, coverage: 0.998, minPeers: 5, overdispersionTestLevel: 0.95, winsorise: 0.1, periods: 4 },
  risingTrend: { enabled: true, minBaselinePeriods: 6, maxBaselinePeriods: 16, windows: [1, 2, 3, 4], alpha: 0.001 },
  leadingIndicator: { enabled: true, defaultMaxLag: 4, leaderAlpha: 0.01, followerAlpha: 0.01 },
  systemicPattern: { enabled: true, minAreas: 8, areaAlpha: 0.2, minShare: 0.3, lookback: 1, annotationWindow: 1 },
  stackedProblems: { enabled: true, minIndicators: 2, minQuadrants: 2, indicatorAlpha: 0.05 },
  severity: { strongQ: 0.001, moderateQ: 0.01, largeEffect: 0.5, moderateEffect: 0.2 },
  monitoring: { persistPeriods: 4, effectAlpha: 0.05 },
};

type Check = (v: unknown) => string | null;

const num =
  (min: number, max: number, opts: { integer?: boolean; exclusiveMin?: boolean; exclusiveMax?: boolean } = {}): Check =>
  (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number';
    if (opts.integer && !Number.isInteger(v)) return 'must be an integer';
    if (opts.exclusiveMin ? v <= min : v < min) return `must be ${opts.exclusiveMin ? 'greater than' : 'at least'} ${min}`;
    if (opts.exclusiveMax ? v >= max : v > max) return `must be ${opts.exclusiveMax ? 'less than' : 'at most'} ${max}`;
    return null;
  };
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const windows: Check = (v) => {
  if (!Array.isArray(v) || v.length === 0 || v.length > 6) return 'must be a list of 1 to 6 integers';
  for (const w of v) if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 12) return 'each window must be an integer from 1 to 12';
  return null;
};
const prob = num(0, 1, { exclusiveMin: true, exclusiveMax: true });

const RULES: { [K in keyof SignalSettings]: SignalSettings[K] extends object ? Record<keyof SignalSettings[K], Check> : Check } = {
  fdrQ: num(0, 0.5, { exclusiveMin: true }),
  peerOutlier: {
    enabled: bool,
    coverage: num(0.8, 1, { exclusiveMax: true }),
    minPeers: num(3, 10000, { integer: true }),
    overdispersionTestLevel: num(0.5, 1, { exclusiveMax: true }),
    winsorise: num(0, 0.25),
    periods: num(1, 24, { integer: true }),
  },
  risingTrend: {
    enabled: bool,
    minBaselinePeriods: num(3, 60, { integer: true }),
    maxBaselinePeriods: num(3, 120, { integer: true }),
    windows,
    alpha: num(0, 0.2, { exclusiveMin: true }),
  },
  leadingIndicator: {
    enabled: bool,
    defaultMaxLag: num(1, 24, { integer: true }),
    leaderAlpha: num(0, 0.2, { exclusiveMin: true }),
    followerAlpha: num(0, 0.2, { exclusiveMin: true }),
  },
  systemicPattern: {
    enabled: bool,
    minAreas: num(3, 100000, { integer: true }),
    areaAlpha: num(0.01, 0.5),
    minShare: prob,
    lookback: num(1, 12, { integer: true }),
    annotationWindow: num(0, 12, { integer: true }),
  },
  stackedProblems: {
    enabled: bool,
    minIndicators: num(2, 20, { integer: true }),
    minQuadrants: num(1, 4, { integer: true }),
    indicatorAlpha: num(0, 0.2, { exclusiveMin: true }),
  },
  severity: {
    strongQ: prob,
    moderateQ: prob,
    largeEffect: num(0, 100, { exclusiveMin: true }),
    moderateEffect: num(0, 100, { exclusiveMin: true }),
  },
  monitoring: {
    persistPeriods: num(1, 24, { integer: true }),
    effectAlpha: prob,
  },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validate a (partial) settings object and merge it over `base` (default: the defaults).
 * Unknown fields and out-of-range values are reported per dotted field name (→ HTTP 400).
 */
export function validateSettings(
  patch: unknown,
  base: SignalSettings = DEFAULT_SIGNAL_SETTINGS,
): { settings: SignalSettings; errors: SettingsFieldError[] } {
  const errors: SettingsFieldError[] = [];
  const settings = structuredClone(base);
  if (patch === undefined || patch === null) return { settings, errors };
  if (!isRecord(patch)) return { settings, errors: [{ field: '', message: 'settings must be an object' }] };
  // The generic walk writes into a typed object by key; the record view is safe because every key is checked against RULES.
  const target = settings as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const rule = (RULES as unknown as Record<string, Check | Record<string, Check>>)[key];
    if (rule === undefined) {
      errors.push({ field: key, message: 'unknown setting' });
    } else if (typeof rule === 'function') {
      const msg = rule(value);
      if (msg) errors.push({ field: key, message: msg });
      else target[key] = value;
    } else if (!isRecord(value)) {
      errors.push({ field: key, message: 'must be an object' });
    } else {
      const section = target[key] as Record<string, unknown>;
      for (const [sub, subValue] of Object.entries(value)) {
        const check = rule[sub];
        if (check === undefined) errors.push({ field: `${key}.${sub}`, message: 'unknown setting' });
        else {
          const msg = check(subValue);
          if (msg) errors.push({ field: `${key}.${sub}`, message: msg });
          else section[sub] = Array.isArray(subValue) ? [...subValue] : subValue;
        }
      }
    }
  }
  if (settings.risingTrend.maxBaselinePeriods < settings.risingTrend.minBaselinePeriods)
    errors.push({ field: 'risingTrend.maxBaselinePeriods', message: 'must be at least risingTrend.minBaselinePeriods' });
  if (settings.severity.strongQ > settings.severity.moderateQ)
    errors.push({ field: 'severity.strongQ', message: 'must be at most severity.moderateQ' });
  if (settings.severity.largeEffect < settings.severity.moderateEffect)
    errors.push({ field: 'severity.largeEffect', message: 'must be at least severity.moderateEffect' });
  if (settings.stackedProblems.minQuadrants > settings.stackedProblems.minIndicators)
    errors.push({ field: 'stackedProblems.minQuadrants', message: 'must be at most stackedProblems.minIndicators' });
  return { settings: errors.length ? structuredClone(base) : settings, errors };
}

/** Merge without validation errors (throws on invalid input). */
export function resolveSettings(patch?: SignalSettingsPatch): SignalSettings {
  const { settings, errors } = validateSettings(patch);
  if (errors.length) throw new Error(`Invalid signal settings: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return settings;
}
