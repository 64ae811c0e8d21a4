import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IndicatorTopic, LocalizedText, Quadrant, RuleName, Severity, SignalEvent, SignalStatus } from 'contracts';
import type { CandidateSignal, SignalSettings } from '../core/signals';

export interface SignalRow {
  id: string;
  dedupe_key: string;
  rule: RuleName;
  quadrant: Quadrant;
  indicators: string[];
  subjects: string[];
  municipality_code: string | null;
  period: string;
  severity: Severity;
  status: SignalStatus;
  title: LocalizedText;
  explanation: LocalizedText;
  question: LocalizedText;
  strength: { p?: number | null; q?: number | null; z?: number | null; effect?: number | null };
  evidence: unknown;
  effect: StoredEffect | null;
  pattern_active: boolean;
  created_at: Date;
  updated_at: Date;
  last_seen_at: Date;
  resolved_at: Date | null;
  /** Signal groups (issue 11): the broader signal this one is a member of. */
  group_id: string | null;
  /** Paging sort key (only on `list` with paging). */
  sort_ts?: string;
}

/** A member as its group lists it (docs/design.md §4b). */
export interface MemberRow {
  id: string;
  group_id: string;
  rule: RuleName;
  quadrant: Quadrant;
  severity: Severity;
  indicators: string[];
  subjects: string[];
  period: string;
  status: SignalStatus;
  title: LocalizedText;
}

/** What the monitoring phase stores on a signal (signal.effect). */
export interface StoredEffect {
  indicator: string;
  decidedAt: string;
  change: number | null;
  relativeChange: number | null;
  direction: 'improved' | 'worsened' | 'unchanged' | 'unknown';
  p: number | null;
  before: { n: number; mean: number | null };
  after: { n: number; mean: number | null };
  /** The pattern still shows `persistPeriods` periods after the decision. */
  persists: boolean;
  measuredAt: string;
  note?: string;
}

export interface SignalFilter {
  status?: SignalStatus[];
  rule?: RuleName;
  quadrant?: Quadrant;
  area?: string;
  indicator?: string;
  ids?: string[];
  /** Only signals owned by this user (`GET /signals?owner=me`). */
  ownerId?: string;
  /** Only signals that are no member of a group (GET /signals without include=members). */
  topLevel?: boolean;
  /** Keyset paging: rows after this sort key `[severity rank, updated_at (UTC, µs), id]`, at most `limit`. */
  after?: (string | number)[] | null;
  limit?: number;
}

const SEVERITY_RANK = `CASE s.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;
const SORT_TS = `to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** The paging key of a listed row. */
export function sortKeyOf(r: SignalRow): (string | number)[] {
  return [r.severity === 'high' ? 0 : r.severity === 'medium' ? 1 : 2, r.sort_ts ?? '', r.id];
}

export interface RawObservation {
  indicator_code: string;
  subject_code: string;
  granularity: 'year' | 'quarter' | 'month';
  period_start: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
}

const COLUMNS = `s.id, s.dedupe_key, s.rule, s.quadrant, s.indicators, s.subjects, s.municipality_code, s.period, s.severity, s.status,
  s.title, s.explanation, s.question, s.strength, s.evidence, s.effect, s.pattern_active, s.created_at, s.updated_at, s.last_seen_at, s.resolved_at, s.group_id`;

/** Signals "in" an area: a subject (area or the area of a unit) that is the area or lies inside it. */
function areaClause(p: string): string {
  return `EXISTS (
    SELECT 1 FROM unnest(s.subjects) AS subj(code)
      LEFT JOIN unit u ON u.code = subj.code
      JOIN area sa ON sa.code = COALESCE(u.area_code, subj.code)
      LEFT JOIN area sp ON sp.code = sa.parent_code
    WHERE sa.code = ${p} OR sa.parent_code = ${p} OR sp.parent_code = ${p} OR sa.municipality_code = ${p}
       OR EXISTS (SELECT 1 FROM area c WHERE c.code = ${p} AND c.level = 'country'))`;
}

/** A stored signal as a detection run sees it. */
export interface ExistingSignal {
  dedupe_key: string;
  id: string;
  status: SignalStatus;
  pattern_active: boolean;
  group_id: string | null;
  municipality_code: string | null;
  last_actor: string | null;
}

/** All SQL about signals, their history, runs and settings. */
@Injectable()
export class SignalsRepository {
  constructor(private readonly db: DataSource) {}

  async list(filter: SignalFilter, manager: EntityManager = this.db.manager): Promise<SignalRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.status?.length) where.push(`s.status = ANY(${add(filter.status)})`);
    if (filter.rule) where.push(`s.rule = ${add(filter.rule)}`);
    if (filter.quadrant) where.push(`s.quadrant = ${add(filter.quadrant)}`);
    if (filter.indicator) where.push(`${add(filter.indicator)} = ANY(s.indicators)`);
    if (filter.ids) where.push(`s.id = ANY(${add(filter.ids)}::uuid[])`);
    if (filter.ownerId) where.push(`s.owner_id = ${add(filter.ownerId)}::uuid`);
    if (filter.topLevel) where.push(`s.group_id IS NULL`);
    if (filter.after) {
      const [rank, ts, id] = filter.after;
      const r = add(Number(rank));
      const t = add(String(ts));
      const i = add(String(id));
      where.push(`(${SEVERITY_RANK} > ${r} OR (${SEVERITY_RANK} = ${r} AND ((s.updated_at AT TIME ZONE 'UTC') < ${t}::timestamp
        OR ((s.updated_at AT TIME ZONE 'UTC') = ${t}::timestamp AND s.id::text > ${i}))))`);
    }
    if (filter.area) {
      const p = add(filter.area);
      // Shard-friendly: narrow to the municipality first (unless the area is the country).
      where.push(`(s.municipality_code = (SELECT COALESCE(municipality_code, code) FROM area WHERE code = ${p})
        OR EXISTS (SELECT 1 FROM area c WHERE c.code = ${p} AND c.level IN ('country')))`);
      where.push(areaClause(p));
    }
    const limit = filter.limit ? ` LIMIT ${add(filter.limit)}` : '';
    return manager.query(
      `SELECT ${COLUMNS}, ${SORT_TS} AS sort_ts FROM signal s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${SEVERITY_RANK}, s.updated_at DESC, s.id::text${limit}`,
      params,
    );
  }

  /** The members of some groups (any status), strongest first. */
  members(groupIds: string[], manager: EntityManager = this.db.manager): Promise<MemberRow[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return manager.query(
      `SELECT s.id, s.group_id, s.rule, s.quadrant, s.severity, s.indicators, s.subjects, s.period, s.status, s.title
       FROM signal s WHERE s.group_id = ANY($1::uuid[])
       ORDER BY ${SEVERITY_RANK}, s.subjects[1], s.indicators[1], s.id`,
      [groupIds],
    );
  }

  /** Puts a signal into a group (or back to top level with null). */
  async setGroup(id: string, groupId: string | null, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE signal SET group_id = $2 WHERE id = $1`, [id, groupId]);
  }

  async find(id: string, manager: EntityManager = this.db.manager, forUpdate = false): Promise<SignalRow | null> {
    const rows: SignalRow[] = await manager.query(`SELECT ${COLUMNS} FROM signal s WHERE s.id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  history(ids: string[], manager: EntityManager = this.db.manager): Promise<(SignalEvent & { signalId: string })[]> {
    return manager.query(
      `SELECT signal_id AS "signalId", at, actor, from_status AS "from", to_status AS "to", comment
       FROM signal_event WHERE signal_id = ANY($1::uuid[]) ORDER BY at, id`,
      [ids],
    );
  }

  async addEvent(
    e: { signalId: string; actor: string; from: SignalStatus | null; to: SignalStatus; comment: string | null },
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager.query(`INSERT INTO signal_event (signal_id, actor, from_status, to_status, comment) VALUES ($1, $2, $3, $4, $5)`, [
      e.signalId, e.actor, e.from, e.to, e.comment,
    ]);
  }

  async setStatus(id: string, status: SignalStatus, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE signal SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  async setEffect(id: string, effect: StoredEffect | null, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`UPDATE signal SET effect = $2 WHERE id = $1`, [id, effect === null ? null : JSON.stringify(effect)]);
  }

  // ------------------------------------------------------------------ detection runs

  /**
   * Fresh planner statistics before a run reads every municipality: right after a large import
   * autovacuum has not analysed `observation` yet, and with stale statistics PostgreSQL plans each
   * municipality's read as a scan of the whole table (issue 14: most of a national run's time).
   * Analyses when the batches completed since the last analysis wrote more than a tenth of the
   * table's rows (or it was never analysed). Import batches are read rather than the table's
   * modification counter because the importing backend reports that counter only some seconds later.
   */
  async refreshStatistics(): Promise<boolean> {
    const rows: { stale: boolean }[] = await this.db.query(
      `SELECT c.reltuples < 0
              OR (SELECT coalesce(sum(b.rows_accepted), 0) FROM import_batch b
                   WHERE b.status = 'completed'
                     AND b.created_at > coalesce(greatest(s.last_analyze, s.last_autoanalyze), '-infinity'::timestamptz))
                 > greatest(1000, 0.1 * c.reltuples) AS stale
         FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.relname = 'observation' AND c.relnamespace = 'public'::regnamespace`,
    );
    if (!rows[0]?.stale) return false;
    await this.db.query('ANALYZE observation');
    return true;
  }

  /** Municipalities that have observations on areas or units (each is detected on its own: shard-friendly). */
  municipalitiesWithData(): Promise<{ code: string }[]> {
    return this.db.query(
      `SELECT DISTINCT a.municipality_code AS code FROM observation o
         LEFT JOIN unit u ON u.code = o.subject_code
         JOIN area a ON a.code = COALESCE(u.area_code, o.subject_code)
       WHERE a.municipality_code IS NOT NULL ORDER BY 1`,
    );
  }

  /** The municipalities of some areas and units (those outside any municipality left out). */
  async municipalitiesOf(subjects: string[]): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT DISTINCT a.municipality_code AS code FROM unnest($1::text[]) AS s(code)
         LEFT JOIN unit u ON u.code = s.code
         JOIN area a ON a.code = COALESCE(u.area_code, s.code)
       WHERE a.municipality_code IS NOT NULL ORDER BY 1`,
      [subjects],
    );
    return rows.map((r) => r.code);
  }

  indicators(manager: EntityManager = this.db.manager): Promise<
    { code: string; name_nl: string; name_en: string; quadrant: Quadrant; measure: 'count' | 'proportion' | 'rate' | 'mean'; polarity: 'higher-is-worse' | 'higher-is-better'; subject_kind: 'area' | 'unit'; per: number | null; min_count: number; leads_to: { indicator: string; maxLag: number }[]; topic: IndicatorTopic | null }[]
  > {
    return manager.query(`SELECT code, name_nl, name_en, quadrant, measure, polarity, subject_kind, per, min_count, leads_to, topic FROM indicator ORDER BY code`);
  }

  /** Areas (municipality and below) and units of one municipality. */
  subjects(municipality: string): Promise<{ code: string; name: string; kind: 'area' | 'unit'; level: string | null; unit_kind: string | null; parent: string | null }[]> {
    return this.db.query(
      `SELECT code, name, 'area' AS kind, level, NULL AS unit_kind, parent_code AS parent FROM area WHERE municipality_code = $1 AND level <> 'country'
       UNION ALL
       SELECT u.code, u.name, 'unit' AS kind, NULL AS level, u.kind AS unit_kind, u.area_code AS parent FROM unit u JOIN area a ON a.code = u.area_code
       WHERE a.municipality_code = $1`,
      [municipality],
    );
  }

  /** All observations on one municipality's areas and units. */
  observations(municipality: string): Promise<RawObservation[]> {
    return this.db.query(
      `SELECT o.indicator_code, o.subject_code, o.granularity, to_char(o.period_start, 'YYYY-MM-DD') AS period_start,
              o.value, o.numerator, o.denominator, o.n
       FROM observation o JOIN area a ON a.code = o.subject_code WHERE a.municipality_code = $1
       UNION ALL
       SELECT o.indicator_code, o.subject_code, o.granularity, to_char(o.period_start, 'YYYY-MM-DD'),
              o.value, o.numerator, o.denominator, o.n
       FROM observation o JOIN unit u ON u.code = o.subject_code JOIN area a ON a.code = u.area_code WHERE a.municipality_code = $1`,
      [municipality],
    );
  }

  /** Observations of some indicators for some subjects (monitoring). */
  observationsOf(indicator: string, subjects: string[], manager: EntityManager = this.db.manager): Promise<RawObservation[]> {
    return manager.query(
      `SELECT o.indicator_code, o.subject_code, o.granularity, to_char(o.period_start, 'YYYY-MM-DD') AS period_start,
              o.value, o.numerator, o.denominator, o.n
       FROM observation o WHERE o.indicator_code = $1 AND o.subject_code = ANY($2) ORDER BY o.period_start`,
      [indicator, subjects],
    );
  }

  /**
   * Existing signals by dedupe key, locked for the run's transaction: all, or (incremental run)
   * those of some municipalities plus any with one of the keys found.
   */
  async byDedupeKey(manager: EntityManager, scope: { municipalities: string[]; keys: string[] } | null = null): Promise<Map<string, ExistingSignal>> {
    const rows: ExistingSignal[] = await manager.query(
      `SELECT s.dedupe_key, s.id, s.status, s.pattern_active, s.group_id, s.municipality_code,
              (SELECT e.actor FROM signal_event e WHERE e.signal_id = s.id ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last_actor
       FROM signal s ${scope ? 'WHERE s.municipality_code = ANY($1) OR s.dedupe_key = ANY($2)' : ''} FOR UPDATE OF s`,
      scope ? [scope.municipalities, scope.keys] : [],
    );
    return new Map(rows.map((r) => [r.dedupe_key, r]));
  }

  async insertSignal(c: CandidateSignal, municipality: string, manager: EntityManager): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO signal (dedupe_key, rule, quadrant, indicators, subjects, municipality_code, period, severity, status,
         title, explanation, question, strength, evidence)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'open',$9,$10,$11,$12,$13) RETURNING id`,
      [c.dedupeKey, c.rule, c.quadrant, c.indicators, c.subjects, municipality, c.period, c.severity,
        JSON.stringify(c.title), JSON.stringify(c.explanation), JSON.stringify(c.question), JSON.stringify(strengthOf(c)), JSON.stringify(c.evidence)],
    );
    return rows[0].id;
  }

  async refreshSignal(id: string, c: CandidateSignal, municipality: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE signal SET quadrant = $2, indicators = $3, subjects = $4, municipality_code = $5, period = $6, severity = $7,
         title = $8, explanation = $9, question = $10, strength = $11, evidence = $12,
         pattern_active = true, resolved_at = NULL, last_seen_at = now(), updated_at = now()
       WHERE id = $1`,
      [id, c.quadrant, c.indicators, c.subjects, municipality, c.period, c.severity,
        JSON.stringify(c.title), JSON.stringify(c.explanation), JSON.stringify(c.question), JSON.stringify(strengthOf(c)), JSON.stringify(c.evidence)],
    );
  }

  async markPatternEnded(id: string, status: SignalStatus, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE signal SET pattern_active = false, resolved_at = now(), updated_at = now(), status = $2 WHERE id = $1`, [id, status]);
  }

  /** A run is on record as `running` (owned by this instance, with a heartbeat) before its work starts (issue 9). */
  async startRun(trigger: string, owner: string): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO signal_run (trigger, status, owner, heartbeat_at) VALUES ($1, 'running', $2, now()) RETURNING id::text AS id`,
      [trigger, owner],
    );
    return rows[0].id;
  }

  async finishRun(
    id: string,
    r: { created: number; updated: number; resolved: number; skipped: unknown[] },
    manager: EntityManager = this.db.manager,
    status: 'completed' | 'failed' = 'completed',
  ): Promise<void> {
    await manager.query(`UPDATE signal_run SET finished_at = now(), status = $6, created = $2, updated = $3, resolved = $4, skipped = $5 WHERE id = $1`, [
      id, r.created, r.updated, r.resolved, JSON.stringify(r.skipped), status,
    ]);
  }

  runs(limit = 20): Promise<unknown[]> {
    return this.db.query(
      `SELECT id::text AS id, started_at AS "startedAt", finished_at AS "finishedAt", status, trigger, created, updated, resolved,
              jsonb_array_length(skipped) AS "skippedCount"
       FROM signal_run ORDER BY id DESC LIMIT $1`,
      [limit],
    );
  }

  // ------------------------------------------------------------------ settings

  async settings(): Promise<{ settings: Partial<SignalSettings>; updatedBy: string | null; updatedAt: string | null } | null> {
    const rows: { settings: Partial<SignalSettings>; updated_by: string | null; updated_at: string | null }[] = await this.db.query(
      `SELECT settings, updated_by, updated_at FROM signal_settings WHERE id = 1`,
    );
    return rows[0] ? { settings: rows[0].settings, updatedBy: rows[0].updated_by, updatedAt: rows[0].updated_at } : null;
  }

  async saveSettings(settings: SignalSettings, actor: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO signal_settings (id, settings, updated_by, updated_at) VALUES (1, $1, $2, now())
       ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [JSON.stringify(settings), actor],
    );
  }
}

function strengthOf(c: CandidateSignal): { p: number; q: number; z: number | null; effect: number | null } {
  return { p: c.p, q: c.q, z: c.z, effect: c.effect };
}
