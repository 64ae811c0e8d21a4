/**
 * Plain input/output types of the signal engine (docs/design.md §5). No framework imports.
 */
import type {
  Evidence, EvidenceAnnotation, Granularity, IndicatorTopic, LocalizedText, Measure, Polarity, Quadrant, RuleName, Severity, SubjectKind,
} from 'contracts';

/** Catalogue entry of an indicator, as the engine needs it. */
export interface IndicatorMeta {
  code: string;
  name: LocalizedText;
  /** Home quadrant (I–IV). */
  quadrant: Quadrant;
  /** count: numerator (or value) is a count; proportion: numerator/denominator; rate: numerator per `per` of denominator; mean: value with n respondents. */
  measure: Measure;
  polarity: Polarity;
  subjectKind: SubjectKind;
  /** For `rate`: the value is per this many of the denominator (e.g. 1000). */
  per: number | null;
  /** Disclosure minimum: counts below it (and values derived from them) are never shown. Default 5. */
  minCount: number;
  /** Leading-indicator pairs: this indicator leads `indicator` by at most `maxLag` periods. */
  leadsTo: { indicator: string; maxLag: number }[];
  /** What it counts, where a rule's text depends on it (null: nothing special). */
  topic?: IndicatorTopic | null;
}

export interface SubjectMeta {
  /** Area code (CBS) or unit code (BRIN…). */
  code: string;
  name: string;
  kind: SubjectKind;
  level?: 'municipality' | 'district' | 'neighbourhood';
  /** Peers are subjects with the same peerGroup (e.g. `GM0599:neighbourhood` or `GM0599:school`), compared in the same period. */
  peerGroup: string;
  /** Municipality code the subject lies in. */
  municipality: string;
  /** The area one level up (a buurt's wijk; a unit's area); used to group escalations (issue 11). */
  parent?: string;
}

export interface ObservationPoint {
  indicator: string;
  subject: string;
  /** Label: '2024', '2024-Q1', '2024-03'. */
  period: string;
  /** Integer ordinal, consecutive within a granularity (year; year*4+q−1; year*12+m−1). See `periodIndexOf`. */
  periodIndex: number;
  granularity: Granularity;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Respondents (for `mean`). */
  n: number | null;
}

/** A dated event (e.g. a policy-table decision or a rule change) on the charts of some indicators. */
/** An annotation as the engine reads it (same shape as the evidence's). */
export type AnnotationMeta = EvidenceAnnotation;

export interface PeerOutlierSettings {
  enabled: boolean;
  /** Funnel coverage, two-sided (0.998 → 99.8 % limits). */
  coverage: number;
  /** Minimum number of subjects with data in a peer group. */
  minPeers: number;
  /** Level of the χ² test on nφ that decides the indicator is overdispersed. */
  overdispersionTestLevel: number;
  /** Winsorising fraction (each end) for φ. */
  winsorise: number;
  /** Number of most recent periods pooled for the comparison (e.g. 4 quarters); 1 = latest only. */
  periods: number;
}

export interface RisingTrendSettings {
  enabled: boolean;
  /** Minimum baseline periods (non-missing) before the evaluation window; shorter series are skipped. */
  minBaselinePeriods: number;
  /** Maximum baseline periods used. */
  maxBaselinePeriods: number;
  /** Evaluation windows (number of most recent periods); the best is taken with Bonferroni correction. */
  windows: number[];
  /** One-sided level a window must reach before FDR (also the level of the plotted threshold). */
  alpha: number;
}

export interface LeadingIndicatorSettings {
  enabled: boolean;
  /** Lag window used when a `leadsTo` pair has no maxLag. */
  defaultMaxLag: number;
  /** One-sided level the leader's rise must reach (before the follower is tested). */
  leaderAlpha: number;
  /** Level the follower's rise must reach before FDR. */
  followerAlpha: number;
}

export interface SystemicPatternSettings {
  enabled: boolean;
  /** Minimum areas with a testable series in the peer group. */
  minAreas: number;
  /** An area counts as "rose" when its own one-sided rise test has p below this. */
  areaAlpha: number;
  /** Minimum share of areas that rose. */
  minShare: number;
  /** Number of most recent periods tested (each period is its own event). */
  lookback: number;
  /** Annotations within this many periods before/at the period are linked. */
  annotationWindow: number;
}

export interface StackedProblemsSettings {
  enabled: boolean;
  minIndicators: number;
  minQuadrants: number;
  /** An indicator counts towards the stack when its one-sided peer p is below this. */
  indicatorAlpha: number;
}

export interface SeveritySettings {
  /** q at or below which strength counts as strong / moderate. */
  strongQ: number;
  moderateQ: number;
  /** Effect (relative excess, or standardised difference for means) that counts as large / moderate. */
  largeEffect: number;
  moderateEffect: number;
}

/** Monitoring phase after a policy-table decision (used by the API's runs, not by detectSignals). */
export interface MonitoringSettings {
  /** Flag a signal whose pattern still shows this many periods after its decision. */
  persistPeriods: number;
  /** Two-sided level at which a before/after change counts as an effect. */
  effectAlpha: number;
}

export interface SignalSettings {
  /** Benjamini–Hochberg FDR level across a run. */
  fdrQ: number;
  peerOutlier: PeerOutlierSettings;
  risingTrend: RisingTrendSettings;
  leadingIndicator: LeadingIndicatorSettings;
  systemicPattern: SystemicPatternSettings;
  stackedProblems: StackedProblemsSettings;
  severity: SeveritySettings;
  monitoring: MonitoringSettings;
}

/** Deep partial for PUT /signal-settings. */
export type SignalSettingsPatch = {
  [K in keyof SignalSettings]?: SignalSettings[K] extends object ? Partial<SignalSettings[K]> : SignalSettings[K];
};

export interface SettingsFieldError {
  /** Dotted path, e.g. `peerOutlier.coverage`. */
  field: string;
  message: string;
}

export interface DetectInput {
  indicators: IndicatorMeta[];
  subjects: SubjectMeta[];
  observations: ObservationPoint[];
  annotations?: AnnotationMeta[];
  settings?: SignalSettingsPatch;
}

export type { Disclosed } from 'contracts';

export interface CandidateSignal {
  rule: RuleName;
  quadrant: Quadrant;
  indicators: string[];
  subjects: string[];
  /** Period label of the evaluation (latest period of the pattern). */
  period: string;
  /** Raw p-value of the rule's test. */
  p: number;
  /** Benjamini–Hochberg adjusted p-value across the run. */
  q: number;
  z: number | null;
  /** Size of the deviation in the worse direction: relative excess (0.5 = 50 % worse) or, for means, standardised difference. */
  effect: number | null;
  severity: Severity;
  /** Stable across runs: rule + indicators + subjects (+ period only for dated events). */
  dedupeKey: string;
  title: LocalizedText;
  explanation: LocalizedText;
  question: LocalizedText;
  /** Plain JSON for the chart; never contains a count below the indicator's minCount. */
  evidence: Evidence;
  /**
   * Subsumption (issue 11): the dedupe key of the broader signal of this run that explains this
   * one (a buurt's rise inside a systemic pattern, one indicator inside stacked problems, the
   * leader and follower inside a chain, an I/II signal inside a collective escalation). A signal
   * with a parent is a member of that group, not an inbox item of its own. Absent = top level.
   */
  parentKey?: string;
}

export interface SkippedSeries {
  rule: RuleName;
  indicator: string;
  subject?: string;
  reason: string;
}

export interface DetectResult {
  signals: CandidateSignal[];
  skipped: SkippedSeries[];
  /** Number of hypothesis tests in the run (the BH family size). */
  tests: number;
  settings: SignalSettings;
}

// ------------------------------------------------------------------ evidence
// The evidence shapes are part of the API contract (libs/contracts/src/evidence.ts).
export type {
  Evidence, FunnelEvidence, FunnelPoint, LeaderFollowerEvidence, ProfileEvidence, SeriesEvidence, SeriesPoint, ShareEvidence,
} from 'contracts';
