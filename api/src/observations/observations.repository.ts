import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import type { AreaLevel, Granularity, Measure, ObservationStatus } from 'contracts';

/** Columnar chunk of observations to stage (arrays of equal length). */
export interface StageChunk {
  /** Line in the source file, for the duplicate-key report. */
  line: number[];
  indicator: string[];
  subject: string[];
  granularity: Granularity[];
  start: string[];
  value: (number | null)[];
  numerator: (number | null)[];
  denominator: (number | null)[];
  n: (number | null)[];
  status: ObservationStatus[];
}

export interface ObservationRow {
  indicator: string;
  subject: string;
  granularity: Granularity;
  start: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number | null;
  status: ObservationStatus;
  minCount: number;
  measure: Measure;
}

export interface ObservationFilter {
  indicators?: string[];
  area?: string;
  level?: AreaLevel | 'unit';
  from?: string;
  /** Exclusive upper bound of period_start. */
  before?: string;
  limit: number;
}

/** All SQL about observations: the staging/merge write path and the read query. */
@Injectable()
export class ObservationsRepository {
  constructor(private readonly db: DataSource) {}

  /** A session-local staging table on the import's own connection (no WAL, no index). */
  async createStage(qr: QueryRunner, name: string): Promise<void> {
    await qr.query(
      `CREATE TEMP TABLE ${name} (line int, indicator_code text, subject_code text, granularity text, period_start date,
         value double precision, numerator double precision, denominator double precision, n double precision, status text)`,
    );
  }

  async dropStage(qr: QueryRunner, name: string): Promise<void> {
    await qr.query(`DROP TABLE IF EXISTS ${name}`);
  }

  /** One multi-row INSERT … SELECT FROM unnest(arrays) per chunk. */
  async stage(qr: QueryRunner, name: string, c: StageChunk): Promise<void> {
    await qr.query(
      `INSERT INTO ${name} SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::text[])`,
      [c.line, c.indicator, c.subject, c.granularity, c.start, c.value, c.numerator, c.denominator, c.n, c.status],
    );
  }

  /**
   * Keys that occur more than once in the staged file, with their lines (first `limit` groups) and
   * the number of repeated rows. Done in SQL so that a million-row import needs no key set in memory.
   */
  async stagedDuplicates(
    qr: QueryRunner,
    name: string,
    limit: number,
  ): Promise<{ total: number; groups: { indicator: string; subject: string; granularity: Granularity; start: string; lines: number[] }[] }> {
    const groups: { indicator: string; subject: string; granularity: Granularity; start: string; lines: number[] }[] = await qr.query(
      `SELECT indicator_code AS indicator, subject_code AS subject, granularity, to_char(period_start, 'YYYY-MM-DD') AS start,
              array_agg(line ORDER BY line) AS lines
         FROM ${name} GROUP BY 1, 2, 3, 4 HAVING count(*) > 1 ORDER BY min(line) LIMIT $1`,
      [limit],
    );
    if (groups.length === 0) return { total: 0, groups: [] };
    const [{ total }]: { total: number }[] = await qr.query(
      `SELECT coalesce(sum(c - 1), 0)::int AS total FROM (SELECT count(*) AS c FROM ${name} GROUP BY indicator_code, subject_code, granularity, period_start HAVING count(*) > 1) d`,
    );
    return { total, groups };
  }

  /**
   * Moves the staged rows into observation: re-loading a key replaces it and appends the batch to
   * its history. Two set-based statements instead of one INSERT … ON CONFLICT (whose speculative
   * insertion per row was 2–3× slower on a million new keys): UPDATE the keys that exist, then a
   * plain INSERT of the rest in key order. Writers are serialised for these two statements by a
   * SHARE ROW EXCLUSIVE lock (readers are not blocked), so no key can appear in between.
   */
  async merge(qr: QueryRunner, name: string, batchId: string): Promise<number> {
    await qr.query(`ANALYZE ${name}`); // a temp table has no statistics: without them the anti-join plans badly
    await qr.query(`LOCK TABLE observation IN SHARE ROW EXCLUSIVE MODE`);
    await qr.query(
      `UPDATE observation AS o SET value = s.value, numerator = s.numerator, denominator = s.denominator, n = s.n,
              status = s.status, batch_id = $1::uuid, batch_history = o.batch_history || $1::uuid
         FROM ${name} s
        WHERE o.indicator_code = s.indicator_code AND o.subject_code = s.subject_code
          AND o.granularity = s.granularity AND o.period_start = s.period_start`,
      [batchId],
    );
    const res: unknown = await qr.query(
      `INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, n, status, batch_id, batch_history)
       SELECT s.indicator_code, s.subject_code, s.granularity, s.period_start, s.value, s.numerator, s.denominator, s.n, s.status, $1::uuid, ARRAY[$1::uuid]
         FROM ${name} s
        WHERE NOT EXISTS (SELECT 1 FROM observation o WHERE o.indicator_code = s.indicator_code AND o.subject_code = s.subject_code
                            AND o.granularity = s.granularity AND o.period_start = s.period_start)
        ORDER BY s.indicator_code, s.subject_code, s.granularity, s.period_start`,
      [batchId],
    );
    return Array.isArray(res) && typeof res[1] === 'number' ? res[1] : 0;
  }

  async list(f: ObservationFilter): Promise<ObservationRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.indicators?.length) where.push(`o.indicator_code = ANY(${p(f.indicators)}::text[])`);
    if (f.area && !f.level) where.push(`o.subject_code = ${p(f.area)}`);
    if (f.area && f.level) {
      const a = p(f.area);
      const inside = `SELECT a.code FROM area a WHERE (a.code = ${a} OR a.parent_code = ${a} OR a.municipality_code = ${a}
                        OR (SELECT level FROM area WHERE code = ${a}) = 'country')`;
      if (f.level === 'unit') where.push(`o.subject_code IN (SELECT u.code FROM unit u WHERE u.area_code IN (${inside}))`);
      else where.push(`o.subject_code IN (${inside} AND a.level = ${p(f.level)})`);
    }
    if (f.from) where.push(`o.period_start >= ${p(f.from)}::date`);
    if (f.before) where.push(`o.period_start < ${p(f.before)}::date`);
    return this.db.query(
      `SELECT o.indicator_code AS indicator, o.subject_code AS subject, o.granularity, to_char(o.period_start, 'YYYY-MM-DD') AS start,
              o.value, o.numerator, o.denominator, o.n, o.status, i.min_count AS "minCount", i.measure
         FROM observation o JOIN indicator i ON i.code = o.indicator_code
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY o.indicator_code, o.subject_code, o.period_start, o.granularity
        LIMIT ${p(f.limit)}`,
      params,
    );
  }
}
