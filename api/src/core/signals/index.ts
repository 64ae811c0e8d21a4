/**
 * Signal engine (docs/design.md §5): pure, framework-free. Import from `api/src/core/signals`.
 */
export * from './types';
export { detectSignals, prepareSeries } from './detect';
export { DEFAULT_SIGNAL_SETTINGS, validateSettings, resolveSettings } from './settings';
export { measureEffect, persists } from './effect';
export type { EffectResult } from './effect';
export { toPt, isSuppressed } from './model';
export { periodIndexOf } from '../period';
export { disclose, certainty, severityOf, collectiveSide } from './text';
export { funnelLimitsAt, funnelModel, type FunnelKind, type FunnelMember, type FunnelModel } from './funnel';
export { groupSignals, escalationKey } from './group';
