/**
 * One municipality's detection (issue 14): plain data in, candidate signals and skipped series out.
 * No Nest, no database: a detection job runs it in the instance that claimed the job, on the main
 * thread or in a worker thread.
 */
import {
  detectSignals, periodIndexOf, type AnnotationMeta, type CandidateSignal, type IndicatorMeta, type ObservationPoint, type SignalSettings,
  type SkippedSeries, type SubjectMeta,
} from '../core/signals';
import { periodLabel } from '../core/period';
import type { JobResult } from './signal-jobs.repository';
import type { RawObservation } from './signals.repository';

/** At most this many skipped series are kept per job (and per run). */
export const MAX_SKIPPED_STORED = 1000;

export interface SubjectRow {
  code: string;
  name: string;
  kind: 'area' | 'unit';
  level: string | null;
  unit_kind: string | null;
  parent: string | null;
}

export interface MunicipalityInput {
  municipality: string;
  indicators: IndicatorMeta[];
  settings: SignalSettings;
  subjects: SubjectRow[];
  observations: RawObservation[];
  annotations: AnnotationMeta[];
}

export type MunicipalityResult = JobResult<CandidateSignal, SkippedSeries & { municipality: string }>;

/** An indicator row as the repository reads it, as the engine wants it. */
export function indicatorMeta(r: {
  code: string; name_nl: string; name_en: string; quadrant: IndicatorMeta['quadrant']; measure: IndicatorMeta['measure']; polarity: IndicatorMeta['polarity'];
  subject_kind: IndicatorMeta['subjectKind']; per: number | null; min_count: number | null; leads_to: unknown; topic?: IndicatorMeta['topic'];
}): IndicatorMeta {
  return {
    code: r.code,
    name: { nl: r.name_nl, en: r.name_en },
    quadrant: r.quadrant,
    measure: r.measure,
    polarity: r.polarity,
    subjectKind: r.subject_kind,
    per: r.per,
    minCount: r.min_count ?? 5,
    leadsTo: Array.isArray(r.leads_to) ? (r.leads_to as IndicatorMeta['leadsTo']) : [],
    topic: r.topic ?? null,
  };
}

export function toPoint(o: RawObservation): ObservationPoint | null {
  let period: string;
  try {
    period = periodLabel(o.period_start, o.granularity);
  } catch {
    return null;
  }
  const idx = periodIndexOf(period);
  if (!idx) return null;
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    indicator: o.indicator_code,
    subject: o.subject_code,
    period,
    periodIndex: idx.periodIndex,
    granularity: idx.granularity,
    value: num(o.value),
    numerator: num(o.numerator),
    denominator: num(o.denominator),
    n: num(o.n),
  };
}

export function detectMunicipality(input: MunicipalityInput): MunicipalityResult {
  const { municipality } = input;
  const subjects: SubjectMeta[] = input.subjects.map((s) => ({
    code: s.code,
    name: s.name,
    kind: s.kind,
    level: s.level === 'municipality' || s.level === 'district' || s.level === 'neighbourhood' ? s.level : undefined,
    // Peers: same municipality and level; units: same municipality (and kind, e.g. schools).
    peerGroup: s.kind === 'unit' ? `${municipality}:unit:${s.unit_kind}` : `${municipality}:${s.level}`,
    municipality,
    ...(s.parent ? { parent: s.parent } : {}),
  }));
  const points = input.observations.map(toPoint).filter((p): p is ObservationPoint => p !== null);
  const result = detectSignals({ indicators: input.indicators, subjects, observations: points, annotations: input.annotations, settings: input.settings });
  return {
    signals: result.signals,
    skipped: result.skipped.slice(0, MAX_SKIPPED_STORED).map((s) => ({ ...s, municipality })),
    skippedCount: result.skipped.length,
  };
}
