import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Measure } from 'contracts';
import type { CellReason, DisclosureCell } from './pattern';

/** Anything that runs SQL: the DataSource, a transaction's EntityManager or an import's QueryRunner. */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface StoredCell {
  indicator: string;
  subject: string;
  granularity: string;
  start: string;
  reason: CellReason;
}

/** All SQL of disclosure control: the cells and hierarchy it reads, the pattern it stores. */
@Injectable()
export class DisclosureRepository {
  constructor(readonly db: DataSource) {}

  /** Serialises pattern decisions per indicator (with the import that writes its observations). */
  async lock(sql: Sql, indicator: string): Promise<void> {
    await sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`disclosure:${indicator}`]);
  }

  async indicator(sql: Sql, code: string): Promise<{ measure: Measure; minCount: number } | null> {
    const rows: { measure: Measure; min_count: number }[] = await sql.query(`SELECT measure, min_count FROM indicator WHERE code = $1`, [code]);
    return rows[0] ? { measure: rows[0].measure, minCount: rows[0].min_count } : null;
  }

  async cells(sql: Sql, indicator: string): Promise<DisclosureCell[]> {
    return sql.query(
      `SELECT subject_code AS subject, granularity, to_char(period_start, 'YYYY-MM-DD') AS start, value, numerator, denominator, n
         FROM observation WHERE indicator_code = $1`,
      [indicator],
    );
  }

  /** Subject → the area directly above it (areas by parent, units by their area). */
  async hierarchy(sql: Sql): Promise<Map<string, string>> {
    const rows: { code: string; parent: string }[] = await sql.query(
      `SELECT code, parent_code AS parent FROM area WHERE parent_code IS NOT NULL
       UNION ALL SELECT code, area_code AS parent FROM unit`,
    );
    return new Map(rows.map((r) => [r.code, r.parent]));
  }

  async store(sql: Sql, indicator: string, minCount: number, cells: number, pattern: Map<string, CellReason>): Promise<void> {
    await sql.query(`DELETE FROM disclosure_cell WHERE indicator_code = $1`, [indicator]);
    const subjects: string[] = [];
    const granularities: string[] = [];
    const starts: string[] = [];
    const reasons: string[] = [];
    for (const [key, reason] of pattern) {
      const [s, g, d] = key.split('\u0000');
      subjects.push(s);
      granularities.push(g);
      starts.push(d);
      reasons.push(reason);
    }
    const chunk = 20_000;
    for (let i = 0; i < subjects.length; i += chunk) {
      await sql.query(
        `INSERT INTO disclosure_cell (indicator_code, subject_code, granularity, period_start, reason)
         SELECT $1, t.s, t.g, t.d::date, t.r FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(s, g, d, r)`,
        [indicator, subjects.slice(i, i + chunk), granularities.slice(i, i + chunk), starts.slice(i, i + chunk), reasons.slice(i, i + chunk)],
      );
    }
    await sql.query(
      `INSERT INTO disclosure_state (indicator_code, min_count, cells, hidden, computed_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (indicator_code) DO UPDATE SET min_count = EXCLUDED.min_count, cells = EXCLUDED.cells, hidden = EXCLUDED.hidden, computed_at = now()`,
      [indicator, minCount, cells, pattern.size],
    );
  }

  /** Indicators (of those given) whose stored pattern is missing or was decided with another minimum. */
  async stale(sql: Sql, floor: number, codes?: string[]): Promise<string[]> {
    const rows: { code: string }[] = await sql.query(
      `SELECT i.code FROM indicator i LEFT JOIN disclosure_state s ON s.indicator_code = i.code
        WHERE ($2::text[] IS NULL OR i.code = ANY($2::text[]))
          AND (s.indicator_code IS NULL OR s.min_count <> GREATEST(i.min_count, $1::int))`,
      [floor, codes ?? null],
    );
    return rows.map((r) => r.code);
  }

  /** Marks the patterns of these indicators as to be decided again (before their next use). */
  async forget(sql: Sql, indicators: string[]): Promise<void> {
    await sql.query(`DELETE FROM disclosure_state WHERE indicator_code = ANY($1::text[])`, [indicators]);
  }

  /** Forgets every stored pattern (the area hierarchy changed): the next answer decides them again. */
  async forgetAll(sql: Sql): Promise<void> {
    await sql.query(`DELETE FROM disclosure_state`);
  }

  /** The hidden cells of every indicator in one municipality (its areas and their units); all of them for null. */
  async hiddenInside(municipality: string | null): Promise<StoredCell[]> {
    return this.db.query(
      `SELECT d.indicator_code AS indicator, d.subject_code AS subject, d.granularity, to_char(d.period_start, 'YYYY-MM-DD') AS start, d.reason
         FROM disclosure_cell d
        WHERE $1::text IS NULL
           OR d.subject_code IN (SELECT a.code FROM area a WHERE a.code = $1 OR a.municipality_code = $1)
           OR d.subject_code IN (SELECT u.code FROM unit u JOIN area a ON a.code = u.area_code WHERE a.code = $1 OR a.municipality_code = $1)`,
      [municipality],
    );
  }

  /** The hidden cells of the given indicators among the given subjects. */
  async hidden(indicators: string[], subjects?: string[]): Promise<StoredCell[]> {
    return this.db.query(
      `SELECT indicator_code AS indicator, subject_code AS subject, granularity, to_char(period_start, 'YYYY-MM-DD') AS start, reason
         FROM disclosure_cell
        WHERE indicator_code = ANY($1::text[]) AND ($2::text[] IS NULL OR subject_code = ANY($2::text[]))`,
      [indicators, subjects ?? null],
    );
  }
}
