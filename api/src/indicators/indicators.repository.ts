import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Indicator } from 'contracts';

const COLUMNS = `code, name_nl, name_en, description, quadrant, theme, measure, polarity, subject_kind, per, min_count,
  statline_column, leads_to, source, licence, topic`;

interface IndicatorRow {
  code: string;
  name_nl: string;
  name_en: string;
  description: string | null;
  quadrant: Indicator['quadrant'];
  theme: string | null;
  measure: Indicator['measure'];
  polarity: Indicator['polarity'];
  subject_kind: Indicator['subjectKind'];
  per: number | null;
  min_count: number;
  statline_column: string | null;
  leads_to: Indicator['leadsTo'];
  source: string | null;
  licence: string | null;
  topic: Indicator['topic'];
}

const toIndicator = (r: IndicatorRow): Indicator => ({
  code: r.code,
  name: { nl: r.name_nl, en: r.name_en },
  description: r.description,
  quadrant: r.quadrant,
  theme: r.theme,
  measure: r.measure,
  polarity: r.polarity,
  subjectKind: r.subject_kind,
  per: r.per,
  minCount: r.min_count,
  statlineColumn: r.statline_column,
  leadsTo: r.leads_to ?? [],
  source: r.source,
  licence: r.licence,
  topic: r.topic ?? null,
});

/** All SQL about the indicator catalogue. */
@Injectable()
export class IndicatorsRepository {
  constructor(private readonly db: DataSource) {}

  async list(manager: EntityManager = this.db.manager): Promise<Indicator[]> {
    const rows: IndicatorRow[] = await manager.query(`SELECT ${COLUMNS} FROM indicator ORDER BY quadrant, code`);
    return rows.map(toIndicator);
  }

  /**
   * Indicators with observations for this area, the areas inside it, or the units in those; with
   * `level`, only observations of the areas of that level inside it (the buurt map's indicators).
   */
  async listWithDataIn(area: string, level?: string): Promise<Indicator[]> {
    const rows: IndicatorRow[] = await this.db.query(
      level
        ? `WITH subjects AS (SELECT code FROM area WHERE (municipality_code = $1 OR parent_code = $1) AND level = $2)
       SELECT ${COLUMNS} FROM indicator
       WHERE EXISTS (SELECT 1 FROM observation o WHERE o.indicator_code = indicator.code AND o.subject_code IN (SELECT code FROM subjects))
       ORDER BY quadrant, code`
        : `WITH subjects AS (
         SELECT code FROM area WHERE code = $1 OR municipality_code = $1 OR parent_code = $1
         UNION ALL
         SELECT u.code FROM unit u JOIN area a ON a.code = u.area_code WHERE a.code = $1 OR a.municipality_code = $1 OR a.parent_code = $1
       )
       SELECT ${COLUMNS} FROM indicator
       WHERE EXISTS (SELECT 1 FROM observation o WHERE o.indicator_code = indicator.code AND o.subject_code IN (SELECT code FROM subjects))
       ORDER BY quadrant, code`,
      level ? [area, level] : [area],
    );
    return rows.map(toIndicator);
  }

  async find(code: string): Promise<Indicator | null> {
    const rows: IndicatorRow[] = await this.db.query(`SELECT ${COLUMNS} FROM indicator WHERE code = $1`, [code]);
    return rows[0] ? toIndicator(rows[0]) : null;
  }

  async codes(): Promise<Set<string>> {
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM indicator`);
    return new Set(rows.map((r) => r.code));
  }

  /** Of these codes, the indicators that hold figures, with their stored measure and subject kind. */
  async withFigures(codes: string[]): Promise<Map<string, { measure: string; subjectKind: string; per: number | null }>> {
    if (codes.length === 0) return new Map();
    const rows: { code: string; measure: string; subjectKind: string; per: number | null }[] = await this.db.query(
      `SELECT i.code, i.measure, i.subject_kind AS "subjectKind", i.per FROM indicator i
        WHERE i.code = ANY($1) AND EXISTS (SELECT 1 FROM observation o WHERE o.indicator_code = i.code)`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, { measure: r.measure, subjectKind: r.subjectKind, per: r.per === null ? null : Number(r.per) }]));
  }

  async upsert(items: Indicator[], manager: EntityManager): Promise<void> {
    for (const i of items) {
      await manager.query(
        `INSERT INTO indicator (${COLUMNS}, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16, now())
         ON CONFLICT (code) DO UPDATE SET name_nl = EXCLUDED.name_nl, name_en = EXCLUDED.name_en,
           description = EXCLUDED.description, quadrant = EXCLUDED.quadrant, theme = EXCLUDED.theme,
           measure = EXCLUDED.measure, polarity = EXCLUDED.polarity, subject_kind = EXCLUDED.subject_kind,
           per = EXCLUDED.per, min_count = EXCLUDED.min_count, statline_column = EXCLUDED.statline_column,
           leads_to = EXCLUDED.leads_to, source = EXCLUDED.source, licence = EXCLUDED.licence,
           topic = CASE WHEN $17 THEN EXCLUDED.topic ELSE indicator.topic END, updated_at = now()`,
        [
          i.code, i.name.nl, i.name.en, i.description ?? null, i.quadrant, i.theme ?? null, i.measure, i.polarity, i.subjectKind,
          i.per ?? null, i.minCount, i.statlineColumn ?? null, JSON.stringify(i.leadsTo), i.source ?? null, i.licence ?? null,
          i.topic ?? null, i.topic !== undefined,
        ],
      );
    }
  }
}
