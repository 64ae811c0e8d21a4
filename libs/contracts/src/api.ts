import type { CBS_SCHEDULES } from './domain';
import type {
  AreaLevel, IndicatorTopic, LocalizedText, Measure, ObservationStatus, Polarity, Quadrant, RuleName, Severity, SignalStatus,
  SubjectKind,
} from './domain';
import type { Role } from './policy';

export interface ApiError {
  statusCode: number;
  message: string;
  /** Stable message key the web app translates (docs/design.md §4b); `message` is the English fallback. */
  code?: string;
  params?: Record<string, string | number>;
  errors?: ImportError[] | FieldError[];
}
export interface FieldError {
  field: string;
  message: string;
  /** Stable message key the web app translates (docs/design.md §4b), with its parameters. */
  code?: string;
  params?: Record<string, string | number>;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  database: { kind: 'postgres' | 'embedded'; ok: boolean };
}

export interface LoginRequest {
  email: string;
  password: string;
}
/** A user's municipality scope: null = all municipalities (docs/design.md §4b). */
export type UserScope = null | { municipalities: string[] };

export interface UserSummary {
  email: string;
  name: string;
  role: Role;
  /** The municipality the app opens on (an admin sets it); null when none is set. */
  homeMunicipality?: string | null;
  scope?: UserScope;
}
export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: UserSummary;
}

export interface AreaSummary {
  code: string;
  name: string;
  level: AreaLevel;
  parent: string | null;
}
export interface AreaDetail extends AreaSummary {
  /** From the country down to the direct parent. */
  ancestors: AreaSummary[];
  children: AreaSummary[];
  childCounts: Partial<Record<AreaLevel, number>>;
  hasBoundary: boolean;
  /** Per level, how many areas inside this one have a boundary (a municipality: all levels inside it). */
  boundaryCounts?: Partial<Record<AreaLevel, number>>;
}

/** One problem in an uploaded boundary file (`POST /areas/boundaries`, 422 `errors`). */
export interface BoundaryError {
  /** 1-based position of the feature in the file; null for the file as a whole. */
  feature: number | null;
  /** The feature's area code, when it has one. */
  area: string | null;
  /** English fallback text. */
  message: string;
  /** Stable message key (DESIGN §4b), translated as `api.<code>`, with its params. */
  code: string;
  params: Record<string, string | number>;
}

/** Answer of a boundary upload: every feature was stored (all or nothing). */
export interface BoundaryUploadResult {
  updated: number;
  byLevel: Partial<Record<AreaLevel, number>>;
  /** Municipalities the boundaries lie in, by code. */
  municipalities: string[];
  format: 'geojson' | 'topojson';
  /** The coordinate system the file was read in; stored boundaries are always WGS84 lon/lat. */
  crs: 'EPSG:4326' | 'EPSG:28992';
  checksum: string;
}
export interface AreaInput {
  code: string;
  name: string;
  level: AreaLevel;
  parent?: string | null;
}

export interface UnitSummary {
  code: string;
  name: string;
  kind: string;
  area: string;
}

export interface LeadsTo {
  indicator: string;
  maxLag: number;
}
export interface Indicator {
  code: string;
  name: LocalizedText;
  description?: string | null;
  quadrant: Quadrant;
  theme?: string | null;
  /** What it counts where a rule's text depends on it; absent when upserting = unchanged. */
  topic?: IndicatorTopic | null;
  measure: Measure;
  polarity: Polarity;
  subjectKind: SubjectKind;
  per?: number | null;
  minCount: number;
  statlineColumn?: string | null;
  leadsTo: LeadsTo[];
  source?: string | null;
  licence?: string | null;
}

export interface Observation {
  indicator: string;
  subject: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
  status: ObservationStatus;
  /** True when the figure is hidden because it is below the disclosure minimum. */
  suppressed?: boolean;
}

/** An account as the users API answers it (never the password hash). */
export interface UserAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  homeMunicipality?: string | null;
  scope?: UserScope;
  /** How the account signs in: a local password or the organisation's identity provider. */
  origin?: 'local' | 'oidc';
}

/** GET /api/v1/audit (admin, paged). */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** GET /api/v1/auth/config (public): what the login page offers. */
export interface AuthOptions {
  localLogin: boolean;
  oidc: null | { label: string };
}

/** An API key as the API lists it; the key itself is shown once, when it is created. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  scope: 'ingest';
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Which import batches wrote one observation, oldest first; the last one holds the current figure. */
export interface ObservationProvenance {
  indicator: string;
  subject: string;
  period: string;
  batches: { id: string; createdAt: string; createdBy: string; source: string; format: string }[];
}

export interface ImportError {
  line: number;
  column: string | number;
  message: string;
  /** Stable message key (docs/design.md §4b) with its params; `message` is the English fallback. */
  code?: string;
  params?: Record<string, string | number>;
}
export interface ImportResult {
  batchId: string;
  status: 'completed' | 'failed';
  rowsAccepted: number;
  rowsRejected: number;
  ignoredColumns?: string[];
  duplicateOf?: string;
  errors?: ImportError[];
  errorCount?: number;
  /** The format used (`?format=auto` says which it detected, and why). */
  format?: ImportFormatName;
  formatDetection?: FormatDetectionInfo;
  /** What the import changed (issue 16). */
  summary?: ImportSummary;
}
export type ImportFormatName = 'long' | 'statline' | 'json' | 'odata';
export interface FormatDetectionInfo {
  format: 'long' | 'statline';
  /** False when the format was assumed: `reason` says why. */
  sure: boolean;
  /** Message key of the reason (`import.format.long-assumed` …), translated by the web with `params`. */
  code: string;
  /** The reason in English (logs, the CLI). */
  reason: string;
  params?: Record<string, string>;
}
/**
 * What an import writes (or, in a preview, would write). In a preview `rowsReplaced` counts keys
 * whose figures differ and `rowsUnchanged` keys whose figures are the same; a completed batch
 * records `rowsReplaced` for every existing key it wrote (changed or not) and `rowsUnchanged: null`.
 */
export interface ImportSummary {
  indicators: string[];
  periods: string[];
  /** Number of distinct subjects (areas or units) and the first few codes. */
  areaCount: number;
  areas: string[];
  /** Names of `areas` (same order; the code where a subject has no name), for people. */
  areaNames?: string[];
  rowsNew: number;
  rowsReplaced: number;
  rowsUnchanged: number | null;
  ignoredColumns: string[];
}
/** `POST /imports?dryRun=true`: validated fully, nothing written (docs/design.md §4b). */
export interface ImportPreview {
  dryRun: true;
  status: 'valid';
  format: ImportFormatName;
  formatDetection?: FormatDetectionInfo;
  rowsAccepted: number;
  rowsRejected: 0;
  ignoredColumns: string[];
  /** Set when this exact file was imported before: confirming would change nothing. */
  duplicateOf?: string;
  /** StatLine: the table's header signature; `PUT /statline-mappings/:signature` maps its ignored columns. */
  tableSignature?: string;
  summary: ImportSummary;
}
export interface ImportBatch {
  id: string;
  createdAt: string;
  createdBy: string;
  source: string;
  format: string;
  checksum: string;
  rowsAccepted: number;
  rowsRejected: number;
  /** `running` while it is read; `interrupted` when the server stopped during it (nothing of it written). */
  status: 'running' | 'completed' | 'failed' | 'interrupted';
  errors: ImportError[];
  errorCount: number;
  ignoredColumns: string[];
  /** What the batch changed (batches before issue 16: null). */
  summary?: ImportSummary | null;
}

export interface SignalEvent {
  at: string;
  actor: string;
  from: SignalStatus | null;
  to: SignalStatus;
  comment: string | null;
}
export interface Signal {
  id: string;
  rule: RuleName;
  quadrant: Quadrant;
  indicators: string[];
  subjects: string[];
  period: string;
  severity: Severity;
  status: SignalStatus;
  title: LocalizedText | string;
  explanation: LocalizedText | string;
  question: LocalizedText | string;
  strength: { p?: number | null; q?: number | null; z?: number | null; effect?: number | null };
  evidence: unknown;
  createdAt?: string;
  updatedAt?: string;
  history?: SignalEvent[];
  /** Signal groups (docs/design.md §4b): the broader signal this one is a member of; null = top level. */
  groupId?: string | null;
  /** Number of member signals (0 for a signal that is no group). */
  memberCount?: number;
  /** The members of a group, each with its own id, status and history (GET /signals/:id for the rest). */
  members?: SignalMember[];
}

/** A member inside its group (docs/design.md §4b). */
export interface SignalMember {
  id: string;
  rule: RuleName;
  indicators: string[];
  subjects: string[];
  period: string;
  status: SignalStatus;
  title: LocalizedText | string;
  quadrant?: Quadrant;
  severity?: Severity;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** GET /api/v1/areas/:code/quadrants?period= */
export interface QuadrantIndicatorView {
  indicator: Indicator;
  period: string | null;
  value: number | null;
  /** The figure shown to this user; "< 5" when suppressed. */
  display: string;
  suppressed: boolean;
  /** Recent values for a sparkline, oldest first (null where suppressed or missing). */
  series: { period: string; value: number | null }[];
  trend: 'up' | 'down' | 'flat' | 'unknown';
  /** Direction judged with the indicator's polarity. */
  trendMeaning: 'better' | 'worse' | 'neutral' | 'unknown';
  municipality: { code: string; value: number | null } | null;
  peers: { median: number | null; count: number } | null;
}
export interface QuadrantView {
  quadrant: Quadrant;
  indicators: QuadrantIndicatorView[];
  openSignals: Signal[];
}
export interface AreaQuadrants {
  area: AreaSummary;
  period: string | null;
  quadrants: QuadrantView[];
}

export interface Annotation {
  id: string;
  date: string;
  indicators: string[];
  area: string | null;
  text: LocalizedText | string;
  meetingId?: string | null;
  /** Set when the annotation is a policy-table decision: who carries it out, by when, when it is followed up. */
  decision?: AnnotationDecision | null;
}
export interface AnnotationDecision {
  text: string;
  owner: string | null;
  deadline: string | null;
  followUp: string | null;
}

export interface Meeting {
  id: string;
  date: string;
  title: string;
  area: string;
  items: AgendaItem[];
}
export interface AgendaItem {
  id: string;
  signalId: string;
  signal?: Signal;
  position: number;
  notes: string | null;
  decision: string | null;
  decidedAt: string | null;
  /** The follow-up date: when the decision's effect is measured (YYYY-MM-DD); its owner is reminded then. */
  effectDueOn: string | null;
  /** Who carries the decision out (a manager, analyst or admin account). */
  owner?: DecisionOwner | null;
  /** By when the decision is carried out (YYYY-MM-DD). */
  deadline?: string | null;
  effect?: { change: number | null; direction: 'improved' | 'worsened' | 'unchanged' | 'unknown'; note?: string } | null;
}

export interface DecisionOwner {
  id: string;
  name: string;
}

/** PUT /api/v1/meetings/:id/items/:itemId/decision. */
export interface DecisionInput {
  decision: string;
  /** Follow-up date, after the meeting and not before the deadline. */
  effectDueOn?: string | null;
  ownerId?: string | null;
  /** On or after the meeting date. */
  deadline?: string | null;
}

/** One sentence of the council panel (a LocalizedText) with the area it leads to. */
export interface CouncilItem extends LocalizedText {
  link: { area: string; municipality: string | null } | null;
}

/** GET /api/v1/summary/:areaCode — plain language, no small numbers. */
export interface CouncilSummary {
  area: AreaSummary;
  period: string | null;
  /**
   * Whether any figure of this area is loaded. False: the panel has nothing to say because there is
   * no data — not because nothing stands out ("Niets bijzonders" would then mislead).
   */
  hasData: boolean;
  /** The period basis, stated once for the whole panel. */
  basis?: LocalizedText;
  /** Per quadrant at most three items each, strongest first; one plain sentence, no figures. */
  quadrants: { quadrant: Quadrant; standsOut: CouncilItem[]; changed: CouncilItem[] }[];
  agenda: { title: LocalizedText | string; status: SignalStatus; outcome: string | null }[];
}

/** GET /api/v1/observations/funnel — the explorer's funnel plot, with the engine's own limits. */
export interface FunnelView {
  indicator: string;
  period: string;
  method: 'exact-binomial' | 'exact-poisson';
  overdispersion: { phi: number; tau2: number; adjusted: boolean };
  /** Pooled value on the display scale (percentage, or per `per`). */
  target: number;
  points: {
    subject: string;
    /** Null when hidden (below the disclosure minimum, for roles that may not see it). */
    denominator: number | null;
    value: number | null;
    suppressed: boolean;
    /** 0 inside, 95 outside the 95 % limits, 998 outside the 99.8 % limits. */
    outside: 0 | 95 | 998;
    side: 'above' | 'below' | null;
  }[];
  limits: { denominator: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
}

/** Issue 16: a CBS open-data table synced into the catalogue (`/api/v1/cbs-sources`). */
export type CbsSchedule = (typeof CBS_SCHEDULES)[number];
export interface CbsSource {
  id: string;
  /** StatLine table id, e.g. `85984NED` (Kerncijfers wijken en buurten 2024). */
  tableId: string;
  name: string | null;
  /** OData measure code (v4) or topic property (v3) → indicator code. */
  columns: Record<string, string>;
  /** Period of tables without a Perioden dimension (`2024`). */
  period: string | null;
  schedule: CbsSchedule;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastStatus: 'completed' | 'duplicate' | 'failed' | null;
  lastError: string | null;
  /** Message key (`cbs.sync.*`) and parameters of the last failure, for the user's language. */
  lastErrorCode: string | null;
  lastErrorParams: Record<string, string | number> | null;
  lastBatchId: string | null;
  createdBy: string;
}
export interface CbsSyncResult {
  status: 'completed' | 'duplicate' | 'failed';
  batchId: string | null;
  rowsAccepted: number;
  error: string | null;
  errorCode: string | null;
  errorParams: Record<string, string | number> | null;
}
