/**
 * Response schemas for /api/docs: one class per answer, each `implements` its contract type from
 * `libs/contracts`, so the compiler keeps the two in step. Used in controllers with
 * `@ApiOkResponse({ type })` / `@ApiCreatedResponse({ type })`. Free-form parts (signal evidence,
 * GeoJSON geometry, audit details) are documented as objects.
 */
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  AREA_LEVELS, CBS_SCHEDULES, MEASURES, POLARITIES, QUADRANTS, ROLES, RULES, SEVERITIES, SIGNAL_STATUSES, SUBJECT_KINDS,
  type AgendaItem, type Annotation, type BriefDecision, type BriefEvidence, type BriefItemModel, type BriefMark, type BriefModel, type BriefTable, type ApiKeyInfo, type AreaDetail, type AreaLevel, type AreaQuadrants, type AreaSearchHit, type AreaSummary,
  type AuditEvent, type AuthOptions, type CbsSchedule, type CbsSource, type CbsSyncResult, type CouncilSummary, type FunnelView, type HealthResponse,
  type ImportBatch, type ImportError, type ImportPreview, type ImportResult, type ImportSummary, type Indicator, type IndicatorSearchHit,
  type LeadsTo, type LocalizedText, type LoginResponse, type Measure, type Meeting, type MunicipalityCoverage, type Observation,
  type ObservationProvenance, type Polarity, type Quadrant, type Role, type RuleName, type SearchResult, type Severity, type Signal,
  type SignalEvent, type SignalMember, type SignalStatus, type SubjectKind, type UnitSummary, type UserAccount, type UserSummary,
} from 'contracts';

const OBJECT = { type: 'object', additionalProperties: true } as const;
const TEXT_OR_LOCALIZED = () => ({ oneOf: [{ type: 'string' }, { $ref: getSchemaPath(LocalizedTextResponse) }] });

export class LocalizedTextResponse implements LocalizedText {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

export class FieldErrorResponse {
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'stable message key' }) code?: string;
  @ApiPropertyOptional(OBJECT) params?: Record<string, string | number>;
}

export class HealthDatabase {
  @ApiProperty({ enum: ['postgres', 'embedded'] }) kind!: 'postgres' | 'embedded';
  @ApiProperty() ok!: boolean;
}
export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ type: HealthDatabase }) database!: HealthDatabase;
}

// ---------- accounts ----------

export class UserScopeResponse {
  @ApiProperty({ type: [String] }) municipalities!: string[];
}
export class UserSummaryResponse implements UserSummary {
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional({ type: String, nullable: true }) homeMunicipality?: string | null;
  @ApiPropertyOptional({ type: UserScopeResponse, nullable: true, description: 'null: all municipalities' }) scope?: UserScopeResponse | null;
}
export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
  @ApiProperty({ type: UserSummaryResponse }) user!: UserSummaryResponse;
}
export class OidcOption {
  @ApiProperty() label!: string;
}
export class AuthOptionsResponse implements AuthOptions {
  @ApiProperty() localLogin!: boolean;
  @ApiProperty({ type: OidcOption, nullable: true }) oidc!: OidcOption | null;
}
export class UserAccountResponse implements UserAccount {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) homeMunicipality?: string | null;
  @ApiPropertyOptional({ type: UserScopeResponse, nullable: true }) scope?: UserScopeResponse | null;
  @ApiPropertyOptional({ enum: ['local', 'oidc'] }) origin?: 'local' | 'oidc';
}
export class ApiKeyResponse implements ApiKeyInfo {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty({ enum: ['ingest'] }) scope!: 'ingest';
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}
export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'the key itself; shown this once' }) key!: string;
}
export class AuditEventResponse implements AuditEvent {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) target!: string | null;
  @ApiProperty(OBJECT) details!: Record<string, unknown>;
}

// ---------- areas, units, indicators ----------

export class AreaSummaryResponse implements AreaSummary {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AREA_LEVELS }) level!: AreaLevel;
  @ApiProperty({ type: String, nullable: true }) parent!: string | null;
}
export class AreaDetailResponse extends AreaSummaryResponse implements AreaDetail {
  @ApiProperty({ type: [AreaSummaryResponse] }) ancestors!: AreaSummaryResponse[];
  @ApiProperty({ type: [AreaSummaryResponse] }) children!: AreaSummaryResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'children per level' }) childCounts!: Partial<Record<AreaLevel, number>>;
  @ApiProperty() hasBoundary!: boolean;
}
export class FeatureProperties {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AREA_LEVELS }) level!: AreaLevel;
}
export class Feature {
  @ApiProperty({ enum: ['Feature'] }) type!: 'Feature';
  @ApiProperty() id!: string;
  @ApiProperty({ type: FeatureProperties }) properties!: FeatureProperties;
  @ApiProperty({ ...OBJECT, description: 'GeoJSON geometry (WGS84)' }) geometry!: unknown;
}
export class FeatureCollectionResponse {
  @ApiProperty({ enum: ['FeatureCollection'] }) type!: 'FeatureCollection';
  @ApiProperty({ type: [Feature] }) features!: Feature[];
}
export class AreaSearchHitResponse implements AreaSearchHit {
  @ApiProperty({ enum: ['area'] }) kind!: 'area';
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AREA_LEVELS }) level!: AreaLevel;
  @ApiProperty({ type: String, nullable: true }) municipality!: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName!: string | null;
}
export class IndicatorSearchHitResponse implements IndicatorSearchHit {
  @ApiProperty({ enum: ['indicator'] }) kind!: 'indicator';
  @ApiProperty() code!: string;
  @ApiProperty({ type: LocalizedTextResponse }) name!: LocalizedTextResponse;
  @ApiProperty({ enum: QUADRANTS }) quadrant!: Quadrant;
}
export class SearchResultResponse implements SearchResult {
  @ApiProperty() query!: string;
  @ApiProperty({ type: [AreaSearchHitResponse] }) areas!: AreaSearchHitResponse[];
  @ApiProperty({ type: [IndicatorSearchHitResponse] }) indicators!: IndicatorSearchHitResponse[];
}
export class MunicipalityCoverageResponse implements MunicipalityCoverage {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() areasWithData!: number;
}
export class UpsertedResponse {
  @ApiProperty({ description: 'rows written' }) upserted!: number;
}
export class UnitSummaryResponse implements UnitSummary {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'school' }) kind!: string;
  @ApiProperty() area!: string;
}
export class LeadsToResponse implements LeadsTo {
  @ApiProperty() indicator!: string;
  @ApiProperty() maxLag!: number;
}
export class IndicatorResponse implements Indicator {
  @ApiProperty() code!: string;
  @ApiProperty({ type: LocalizedTextResponse }) name!: LocalizedTextResponse;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiProperty({ enum: QUADRANTS }) quadrant!: Quadrant;
  @ApiPropertyOptional({ type: String, nullable: true }) theme?: string | null;
  @ApiProperty({ enum: MEASURES }) measure!: Measure;
  @ApiProperty({ enum: POLARITIES }) polarity!: Polarity;
  @ApiProperty({ enum: SUBJECT_KINDS }) subjectKind!: SubjectKind;
  @ApiPropertyOptional({ type: Number, nullable: true }) per?: number | null;
  @ApiProperty() minCount!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) statlineColumn?: string | null;
  @ApiProperty({ type: [LeadsToResponse] }) leadsTo!: LeadsToResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) source?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) licence?: string | null;
}
export class IndicatorsUpsertResponse {
  @ApiProperty() upserted!: number;
  @ApiProperty({ type: [IndicatorResponse] }) indicators!: IndicatorResponse[];
}

// ---------- observations and imports ----------

export class ObservationResponse implements Observation {
  @ApiProperty() indicator!: string;
  @ApiProperty({ description: 'area or unit code' }) subject!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true }) numerator!: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator!: number | null;
  @ApiProperty({ type: Number, nullable: true }) n!: number | null;
  @ApiProperty({ enum: ['final', 'provisional'] }) status!: 'final' | 'provisional';
  @ApiPropertyOptional({ description: 'hidden: below the disclosure minimum' }) suppressed?: boolean;
}
export class ProvenanceBatch {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() source!: string;
  @ApiProperty() format!: string;
}
export class ObservationProvenanceResponse implements ObservationProvenance {
  @ApiProperty() indicator!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ type: [ProvenanceBatch] }) batches!: ProvenanceBatch[];
}
export class FunnelPointResponse {
  @ApiProperty() subject!: string;
  @ApiProperty({ type: Number, nullable: true }) denominator!: number | null;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ enum: [0, 95, 998] }) outside!: 0 | 95 | 998;
  @ApiProperty({ type: String, enum: ['above', 'below'], nullable: true }) side!: 'above' | 'below' | null;
}
export class FunnelLimitResponse {
  @ApiProperty() denominator!: number;
  @ApiProperty() lower95!: number;
  @ApiProperty() upper95!: number;
  @ApiProperty() lower998!: number;
  @ApiProperty() upper998!: number;
}
export class OverdispersionResponse {
  @ApiProperty() phi!: number;
  @ApiProperty() tau2!: number;
  @ApiProperty() adjusted!: boolean;
}
export class FunnelViewResponse implements FunnelView {
  @ApiProperty() indicator!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ enum: ['exact-binomial', 'exact-poisson'] }) method!: 'exact-binomial' | 'exact-poisson';
  @ApiProperty({ type: OverdispersionResponse }) overdispersion!: OverdispersionResponse;
  @ApiProperty() target!: number;
  @ApiProperty({ type: [FunnelPointResponse] }) points!: FunnelPointResponse[];
  @ApiProperty({ type: [FunnelLimitResponse] }) limits!: FunnelLimitResponse[];
}
export class ImportErrorResponse implements ImportError {
  @ApiProperty() line!: number;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true }) column!: string | number;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional(OBJECT) params?: Record<string, string | number>;
}
export class FormatDetectionResponse {
  @ApiProperty({ enum: ['long', 'statline'] }) format!: 'long' | 'statline';
  @ApiProperty() sure!: boolean;
  @ApiProperty() code!: string;
  @ApiProperty() reason!: string;
}
export class ImportSummaryResponse implements ImportSummary {
  @ApiProperty({ type: [String] }) indicators!: string[];
  @ApiProperty({ type: [String] }) periods!: string[];
  @ApiProperty() areaCount!: number;
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiPropertyOptional({ type: [String] }) areaNames?: string[];
  @ApiProperty() rowsNew!: number;
  @ApiProperty() rowsReplaced!: number;
  @ApiProperty({ type: Number, nullable: true }) rowsUnchanged!: number | null;
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
}
const FORMATS = ['long', 'statline', 'json', 'odata'] as const;
export class ImportResultResponse implements ImportResult {
  @ApiProperty() batchId!: string;
  @ApiProperty({ enum: ['completed', 'failed'] }) status!: 'completed' | 'failed';
  @ApiProperty() rowsAccepted!: number;
  @ApiProperty() rowsRejected!: number;
  @ApiPropertyOptional({ type: [String] }) ignoredColumns?: string[];
  @ApiPropertyOptional() duplicateOf?: string;
  @ApiPropertyOptional({ type: [ImportErrorResponse] }) errors?: ImportErrorResponse[];
  @ApiPropertyOptional() errorCount?: number;
  @ApiPropertyOptional({ enum: FORMATS }) format?: (typeof FORMATS)[number];
  @ApiPropertyOptional({ type: FormatDetectionResponse }) formatDetection?: FormatDetectionResponse;
  @ApiPropertyOptional({ type: ImportSummaryResponse }) summary?: ImportSummaryResponse;
}
export class ImportPreviewResponse implements ImportPreview {
  @ApiProperty({ enum: [true] }) dryRun!: true;
  @ApiProperty({ enum: ['valid'] }) status!: 'valid';
  @ApiProperty({ enum: FORMATS }) format!: (typeof FORMATS)[number];
  @ApiPropertyOptional({ type: FormatDetectionResponse }) formatDetection?: FormatDetectionResponse;
  @ApiProperty() rowsAccepted!: number;
  @ApiProperty({ enum: [0] }) rowsRejected!: 0;
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
  @ApiPropertyOptional() duplicateOf?: string;
  @ApiPropertyOptional() tableSignature?: string;
  @ApiProperty({ type: ImportSummaryResponse }) summary!: ImportSummaryResponse;
}
export class ImportBatchResponse implements ImportBatch {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() source!: string;
  @ApiProperty() format!: string;
  @ApiProperty() checksum!: string;
  @ApiProperty() rowsAccepted!: number;
  @ApiProperty() rowsRejected!: number;
  @ApiProperty({ enum: ['running', 'completed', 'failed', 'interrupted'] }) status!: 'running' | 'completed' | 'failed' | 'interrupted';
  @ApiProperty({ type: [ImportErrorResponse] }) errors!: ImportErrorResponse[];
  @ApiProperty() errorCount!: number;
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
  @ApiPropertyOptional({ type: ImportSummaryResponse, nullable: true }) summary?: ImportSummaryResponse | null;
}
export class StatlineMappingResponse {
  @ApiProperty() signature!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) columns!: Record<string, string>;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
export class CbsSourceResponse implements CbsSource {
  @ApiProperty() id!: string;
  @ApiProperty() tableId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) columns!: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) period!: string | null;
  @ApiProperty({ enum: CBS_SCHEDULES }) schedule!: CbsSchedule;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextRunAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRunAt!: string | null;
  @ApiProperty({ type: String, enum: ['completed', 'duplicate', 'failed'], nullable: true }) lastStatus!: 'completed' | 'duplicate' | 'failed' | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastErrorCode!: string | null;
  @ApiProperty({ ...OBJECT, nullable: true }) lastErrorParams!: Record<string, string | number> | null;
  @ApiProperty({ type: String, nullable: true }) lastBatchId!: string | null;
  @ApiProperty() createdBy!: string;
}
export class CbsSyncResultResponse implements CbsSyncResult {
  @ApiProperty({ enum: ['completed', 'duplicate', 'failed'] }) status!: 'completed' | 'duplicate' | 'failed';
  @ApiProperty({ type: String, nullable: true }) batchId!: string | null;
  @ApiProperty() rowsAccepted!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ ...OBJECT, nullable: true }) errorParams!: Record<string, string | number> | null;
}

// ---------- signals, meetings, annotations ----------

export class SignalEventResponse implements SignalEvent {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: String, enum: SIGNAL_STATUSES, nullable: true }) from!: SignalStatus | null;
  @ApiProperty({ enum: SIGNAL_STATUSES }) to!: SignalStatus;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}
export class SignalMemberResponse implements SignalMember {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RULES }) rule!: RuleName;
  @ApiProperty({ type: [String] }) indicators!: string[];
  @ApiProperty({ type: [String] }) subjects!: string[];
  @ApiProperty() period!: string;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status!: SignalStatus;
  @ApiProperty(TEXT_OR_LOCALIZED()) title!: LocalizedText | string;
  @ApiPropertyOptional({ enum: QUADRANTS }) quadrant?: Quadrant;
  @ApiPropertyOptional({ enum: SEVERITIES }) severity?: Severity;
}
export class SignalStrengthResponse {
  @ApiPropertyOptional({ type: Number, nullable: true }) p?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) q?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) z?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) effect?: number | null;
}
export class SignalResponse implements Signal {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RULES }) rule!: RuleName;
  @ApiProperty({ enum: QUADRANTS }) quadrant!: Quadrant;
  @ApiProperty({ type: [String] }) indicators!: string[];
  @ApiProperty({ type: [String] }) subjects!: string[];
  @ApiProperty() period!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status!: SignalStatus;
  @ApiProperty(TEXT_OR_LOCALIZED()) title!: LocalizedText | string;
  @ApiProperty(TEXT_OR_LOCALIZED()) explanation!: LocalizedText | string;
  @ApiProperty(TEXT_OR_LOCALIZED()) question!: LocalizedText | string;
  @ApiProperty({ type: SignalStrengthResponse }) strength!: SignalStrengthResponse;
  @ApiProperty({ ...OBJECT, description: 'the figures behind the signal; its shape depends on the rule (see libs/contracts evidence.ts)' }) evidence!: unknown;
  @ApiPropertyOptional({ format: 'date-time' }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
  @ApiPropertyOptional({ type: [SignalEventResponse] }) history?: SignalEventResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) groupId?: string | null;
  @ApiPropertyOptional() memberCount?: number;
  @ApiPropertyOptional({ type: [SignalMemberResponse] }) members?: SignalMemberResponse[];
}
export class RunResultResponse {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() resolved!: number;
}
export class DetectionRunResponse {
  @ApiProperty({ ...OBJECT, description: 'a detection run with its counts' }) run!: unknown;
}
export class EffectResponse {
  @ApiProperty({ type: Number, nullable: true }) change!: number | null;
  @ApiProperty({ enum: ['improved', 'worsened', 'unchanged', 'unknown'] }) direction!: 'improved' | 'worsened' | 'unchanged' | 'unknown';
  @ApiPropertyOptional() note?: string;
}
export class AgendaItemResponse implements AgendaItem {
  @ApiProperty() id!: string;
  @ApiProperty() signalId!: string;
  @ApiPropertyOptional({ type: SignalResponse }) signal?: SignalResponse;
  @ApiProperty() position!: number;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, nullable: true }) decision!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectDueOn!: string | null;
  @ApiPropertyOptional({ type: EffectResponse, nullable: true }) effect?: EffectResponse | null;
}
export class MeetingResponse implements Meeting {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() title!: string;
  @ApiProperty() area!: string;
  @ApiProperty({ type: [AgendaItemResponse] }) items!: AgendaItemResponse[];
}
// ---------- the brief's content model (GET /meetings/:id/brief?format=json) ----------
export class BriefMarkResponse implements BriefMark {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() text!: string;
}
export class BriefTableRowResponse {
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'the figure as shown, or "niet getoond (minder dan N)"' }) value!: string;
  @ApiProperty({ description: 'the signalled row' }) mark!: boolean;
}
export class BriefTableResponse implements BriefTable {
  @ApiProperty() caption!: string;
  @ApiProperty({ type: [String], minItems: 2, maxItems: 2 }) columns!: [string, string];
  @ApiProperty({ type: [BriefTableRowResponse], maxItems: 10 }) rows!: BriefTableRowResponse[];
}
export class BriefEvidenceResponse implements BriefEvidence {
  @ApiProperty() title!: string;
  @ApiProperty({ ...OBJECT, description: "the signal's evidence as the reader's role may see it, for the chart" }) chart!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'names of the codes the evidence mentions' }) names!: Record<string, string>;
  @ApiProperty({ type: BriefTableResponse, nullable: true }) table!: BriefTableResponse | null;
  @ApiProperty({ type: [BriefMarkResponse] }) marks!: BriefMarkResponse[];
}
export class BriefDecisionResponse implements BriefDecision {
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'owner, deadline and follow-up in words' }) facts!: string[];
  @ApiProperty({ type: String, nullable: true }) owner!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) followUp!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decidedOn!: string | null;
}
export class BriefQuadrantResponse {
  @ApiProperty() heading!: string;
  @ApiProperty() inclusion!: string;
}
export class BriefEffectResponse {
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) warning!: string | null;
}
export class BriefItemResponse implements BriefItemModel {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() heading!: string;
  @ApiProperty({ type: [String] }) facts!: string[];
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: BriefQuadrantResponse, nullable: true }) quadrant!: BriefQuadrantResponse | null;
  @ApiProperty({ type: BriefEvidenceResponse, nullable: true }) evidence!: BriefEvidenceResponse | null;
  @ApiProperty({ type: [String] }) interpretation!: string[];
  @ApiProperty() question!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: BriefDecisionResponse, nullable: true }) decision!: BriefDecisionResponse | null;
  @ApiProperty({ type: BriefEffectResponse, nullable: true }) effect!: BriefEffectResponse | null;
}
export class BriefMeetingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() area!: string;
  @ApiProperty() areaName!: string;
}
export class BriefModelResponse implements BriefModel {
  @ApiProperty({ enum: ['nl', 'en'] }) lang!: 'nl' | 'en';
  @ApiProperty() kicker!: string;
  @ApiProperty({ type: BriefMeetingResponse }) meeting!: BriefMeetingResponse;
  @ApiProperty() meta!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'section headings in the reader\'s language' }) labels!: BriefModel['labels'];
  @ApiProperty({ type: [BriefItemResponse] }) items!: BriefItemResponse[];
}
export class AnnotationResponse implements Annotation {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: [String] }) indicators!: string[];
  @ApiProperty({ type: String, nullable: true }) area!: string | null;
  @ApiProperty(TEXT_OR_LOCALIZED()) text!: LocalizedText | string;
  @ApiPropertyOptional({ type: String, nullable: true }) meetingId?: string | null;
}

// ---------- quadrants and summary ----------

export class SeriesPointResponse {
  @ApiProperty() period!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
}
export class MunicipalityValueResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
}
export class PeersResponse {
  @ApiProperty({ type: Number, nullable: true }) median!: number | null;
  @ApiProperty() count!: number;
}
export class QuadrantIndicatorResponse {
  @ApiProperty({ type: IndicatorResponse }) indicator!: IndicatorResponse;
  @ApiProperty({ type: String, nullable: true }) period!: string | null;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ description: 'the figure as shown to this user' }) display!: string;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ type: [SeriesPointResponse] }) series!: SeriesPointResponse[];
  @ApiProperty({ enum: ['up', 'down', 'flat', 'unknown'] }) trend!: 'up' | 'down' | 'flat' | 'unknown';
  @ApiProperty({ enum: ['better', 'worse', 'neutral', 'unknown'] }) trendMeaning!: 'better' | 'worse' | 'neutral' | 'unknown';
  @ApiProperty({ type: MunicipalityValueResponse, nullable: true }) municipality!: MunicipalityValueResponse | null;
  @ApiProperty({ type: PeersResponse, nullable: true }) peers!: PeersResponse | null;
}
export class QuadrantViewResponse {
  @ApiProperty({ enum: QUADRANTS }) quadrant!: Quadrant;
  @ApiProperty({ type: [QuadrantIndicatorResponse] }) indicators!: QuadrantIndicatorResponse[];
  @ApiProperty({ type: [SignalResponse] }) openSignals!: SignalResponse[];
}
export class AreaQuadrantsResponse implements AreaQuadrants {
  @ApiProperty({ type: AreaSummaryResponse }) area!: AreaSummaryResponse;
  @ApiProperty({ type: String, nullable: true }) period!: string | null;
  @ApiProperty({ type: [QuadrantViewResponse] }) quadrants!: QuadrantViewResponse[];
}
export class CouncilLinkResponse {
  @ApiProperty() area!: string;
  @ApiProperty({ type: String, nullable: true }) municipality!: string | null;
}
export class CouncilItemResponse extends LocalizedTextResponse {
  @ApiProperty({ type: CouncilLinkResponse, nullable: true }) link!: CouncilLinkResponse | null;
}
export class CouncilQuadrantResponse {
  @ApiProperty({ enum: QUADRANTS }) quadrant!: Quadrant;
  @ApiProperty({ type: [CouncilItemResponse] }) standsOut!: CouncilItemResponse[];
  @ApiProperty({ type: [CouncilItemResponse] }) changed!: CouncilItemResponse[];
}
export class CouncilAgendaResponse {
  @ApiProperty(TEXT_OR_LOCALIZED()) title!: LocalizedText | string;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status!: SignalStatus;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
}
export class CouncilSummaryResponse implements CouncilSummary {
  @ApiProperty({ type: AreaSummaryResponse }) area!: AreaSummaryResponse;
  @ApiProperty({ type: String, nullable: true }) period!: string | null;
  @ApiProperty({ description: 'false when no figure of this area is loaded (the panel is empty for lack of data, not because nothing stands out)' }) hasData!: boolean;
  @ApiPropertyOptional({ type: LocalizedTextResponse }) basis?: LocalizedTextResponse;
  @ApiProperty({ type: [CouncilQuadrantResponse] }) quadrants!: CouncilQuadrantResponse[];
  @ApiProperty({ type: [CouncilAgendaResponse] }) agenda!: CouncilAgendaResponse[];
}

// ---------- alerts ----------

export class SubscriptionResponse {
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiProperty({ enum: QUADRANTS, isArray: true }) quadrants!: Quadrant[];
  @ApiProperty({ enum: RULES, isArray: true }) rules!: RuleName[];
  @ApiProperty({ enum: SEVERITIES }) minSeverity!: Severity;
  @ApiProperty({ enum: ['immediate', 'daily', 'weekly', 'monthly', 'off'] }) mode!: string;
  @ApiProperty() includeStale!: boolean;
  @ApiProperty({ enum: ['nl', 'en'] }) language!: 'nl' | 'en';
  @ApiProperty({ description: 'true: the role’s default, never saved' }) isDefault!: boolean;
}
export class CountResponse {
  @ApiProperty() count!: number;
}
export class PersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
}
export class OwnerResponse {
  @ApiProperty({ type: PersonResponse, nullable: true }) owner!: PersonResponse | null;
}
export class AlertFilterResponse {
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiProperty({ enum: QUADRANTS, isArray: true }) quadrants!: Quadrant[];
  @ApiProperty({ enum: RULES, isArray: true }) rules!: RuleName[];
  @ApiProperty({ enum: SEVERITIES }) minSeverity!: Severity;
}
export class WebhookResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: ['json', 'teams', 'slack'] }) format!: string;
  @ApiProperty({ type: AlertFilterResponse }) filter!: AlertFilterResponse;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'area code → name' }) areaNames!: Record<string, string>;
  @ApiProperty({ ...OBJECT, nullable: true, description: 'result of the latest call' }) lastDelivery!: unknown;
}
export class CreatedWebhookResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'signing secret; shown this once' }) secret!: string;
}
export class DeliveryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) channel!: string;
  @ApiProperty({ enum: ['signal.created', 'digest.daily', 'digest.weekly', 'digest.monthly', 'reminder', 'effect-due'] }) kind!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty({ type: [String] }) signalIds!: string[];
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: "the transport's own text of the last failure" }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the last attempt failed, as a message key (delivery.*)' }) errorCode!: string | null;
  @ApiProperty({ ...OBJECT, nullable: true, description: 'parameters of errorCode (e.g. {status: 502})' }) errorParams!: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
}
export class TickResultResponse {
  @ApiProperty() planned!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() retried!: number;
}

// ---------- signal settings ----------

const SECTION = (what: string) => ({ ...OBJECT, description: `${what} settings (see core/signals/types.ts)` });
/** `GET/PUT /signal-settings`: the detection settings; PUT takes any part of it (a deep partial), checked per field by `validateSettings`. */
export class SignalSettingsResponse {
  @ApiProperty({ description: 'Benjamini–Hochberg FDR level across a run' }) fdrQ!: number;
  @ApiProperty(SECTION('peer-outlier rule')) peerOutlier!: Record<string, unknown>;
  @ApiProperty(SECTION('rising-trend rule')) risingTrend!: Record<string, unknown>;
  @ApiProperty(SECTION('leading-indicator rule')) leadingIndicator!: Record<string, unknown>;
  @ApiProperty(SECTION('systemic-pattern rule')) systemicPattern!: Record<string, unknown>;
  @ApiProperty(SECTION('stacked-problems rule')) stackedProblems!: Record<string, unknown>;
  @ApiProperty(SECTION('severity')) severity!: Record<string, unknown>;
  @ApiProperty(SECTION('monitoring')) monitoring!: Record<string, unknown>;
}
export class SignalSettingsPatchBody {
  @ApiPropertyOptional() fdrQ?: number;
  @ApiPropertyOptional(SECTION('peer-outlier rule')) peerOutlier?: Record<string, unknown>;
  @ApiPropertyOptional(SECTION('rising-trend rule')) risingTrend?: Record<string, unknown>;
  @ApiPropertyOptional(SECTION('leading-indicator rule')) leadingIndicator?: Record<string, unknown>;
  @ApiPropertyOptional(SECTION('systemic-pattern rule')) systemicPattern?: Record<string, unknown>;
  @ApiPropertyOptional(SECTION('stacked-problems rule')) stackedProblems?: Record<string, unknown>;
  @ApiPropertyOptional(SECTION('severity')) severity?: Record<string, unknown>;
  @ApiPropertyOptional(SECTION('monitoring')) monitoring?: Record<string, unknown>;
}

// ---------- bodies read from the request itself (JSON or a file) ----------

export class AreaInputBody {
  @ApiProperty({ example: 'WK051899' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AREA_LEVELS }) level!: AreaLevel;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'code of the area it lies in' }) parent?: string | null;
}
export class UnitInputBody {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'school' }) kind!: string;
  @ApiProperty({ description: 'area code' }) area!: string;
}
export class ObservationInputBody {
  @ApiProperty() indicator!: string;
  @ApiProperty({ description: 'area or unit code' }) subject!: string;
  @ApiProperty({ example: '2024-Q1' }) period!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) value?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) numerator?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) denominator?: number | null;
  @ApiPropertyOptional({ enum: ['final', 'provisional'] }) status?: 'final' | 'provisional';
}
/** `POST /observations` (and a JSON `POST /imports`): checked row by row by the importer (errors name line and column). */
export class ObservationsBody {
  @ApiProperty({ description: 'where the figures come from (provenance)' }) source!: string;
  @ApiProperty({ type: [ObservationInputBody] }) observations!: ObservationInputBody[];
}
