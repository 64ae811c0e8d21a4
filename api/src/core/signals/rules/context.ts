/**
 * Shared context of the rules: prepared series, test records and text helpers.
 */
import type { Granularity, RuleName } from 'contracts';
import { Pt } from '../model';
import { TEXTS, type Lang } from '../text';
import type { AnnotationMeta, CandidateSignal, IndicatorMeta, SignalSettings, SkippedSeries, SubjectMeta } from '../types';

export interface SeriesGroup {
  ind: IndicatorMeta;
  granularity: Granularity;
  /** Subject → points sorted by periodIndex (unique periods). */
  series: Map<string, Pt[]>;
}

export interface Context {
  settings: SignalSettings;
  indicators: Map<string, IndicatorMeta>;
  subjects: Map<string, SubjectMeta>;
  groups: SeriesGroup[];
  annotations: AnnotationMeta[];
  skipped: SkippedSeries[];
}

export interface Test {
  rule: RuleName;
  p: number;
  /** Rule-specific condition besides the FDR (e.g. outside the funnel). */
  gate: boolean;
  build: (q: number, tests: number) => CandidateSignal;
}

/** Peer comparison of one subject on one indicator (shared by peer-outlier and stacked-problems). */
export interface PeerResult {
  ind: IndicatorMeta;
  subject: string;
  period: string;
  /** One-sided p in the worse direction. */
  p: number;
  /** z in the worse direction (overdispersion-adjusted when applicable). */
  z: number;
  effect: number;
  value: number | null;
  peerValue: number;
  suppressed: boolean;
}

export function subjectName(ctx: Context, code: string): string {
  return ctx.subjects.get(code)?.name ?? code;
}

export function indName(ind: IndicatorMeta, lang: Lang): string {
  return ind.name[lang];
}

export function lc(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

export function peersWord(ctx: Context, code: string, lang: Lang): string {
  const s = ctx.subjects.get(code);
  const peers = TEXTS[lang].peers;
  if (s?.kind === 'unit') return peers.unit;
  if (s?.level === 'district') return peers.district;
  if (s?.level === 'municipality') return peers.municipality;
  return peers.neighbourhood;
}

export function skip(ctx: Context, rule: RuleName, indicator: string, subject: string | undefined, reason: string): void {
  ctx.skipped.push(subject === undefined ? { rule, indicator, reason } : { rule, indicator, subject, reason });
}
