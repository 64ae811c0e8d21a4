import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AreaLevel, Indicator } from 'contracts';
import type { RawObservation } from '../signals/signals.repository';

export interface AreaRow {
  code: string;
  name: string;
  level: AreaLevel;
  parent: string | null;
  municipality: string | null;
}

const OBS = `o.indicator_code, o.subject_code, o.granularity, to_char(o.period_start, 'YYYY-MM-DD') AS period_start, o.value, o.numerator, o.denominator, o.n`;

/** All SQL of the quadrant view and the council summary (read-only; filtered by municipality). */
@Injectable()
export class QuadrantsRepository {
  constructor(private readonly db: DataSource) {}

  area(code: string): Promise<AreaRow | null> {
    return this.db
      .query(`SELECT code, name, level, parent_code AS parent, municipality_code AS municipality FROM area WHERE code = $1`, [code])
      .then((r: AreaRow[]) => r[0] ?? null);
  }

  async indicators(): Promise<Indicator[]> {
    const rows: {
      code: string; name_nl: string; name_en: string; description: string | null; quadrant: Indicator['quadrant']; theme: string | null;
      measure: Indicator['measure']; polarity: Indicator['polarity']; subject_kind: Indicator['subjectKind']; per: number | null; min_count: number;
      statline_column: string | null; leads_to: Indicator['leadsTo']; source: string | null; licence: string | null; topic: Indicator['topic'];
    }[] = await this.db.query(`SELECT * FROM indicator ORDER BY quadrant, code`);
    return rows.map((r) => ({
      code: r.code, name: { nl: r.name_nl, en: r.name_en }, description: r.description, quadrant: r.quadrant, theme: r.theme, measure: r.measure,
      polarity: r.polarity, subjectKind: r.subject_kind, per: r.per, minCount: r.min_count, statlineColumn: r.statline_column,
      leadsTo: Array.isArray(r.leads_to) ? r.leads_to : [], source: r.source, licence: r.licence, topic: r.topic ?? null,
    }));
  }

  /** Observations of one area (all indicators). */
  ofSubject(code: string): Promise<RawObservation[]> {
    return this.db.query(`SELECT ${OBS} FROM observation o WHERE o.subject_code = $1 ORDER BY o.period_start`, [code]);
  }

  /** Unit indicators summed over the units inside an area (numerators and denominators), as if the area were the subject. */
  unitsInside(code: string, level: AreaLevel): Promise<RawObservation[]> {
    const inside =
      level === 'municipality' ? `a.municipality_code = $1` : level === 'district' ? `(a.code = $1 OR a.parent_code = $1)` : level === 'neighbourhood' ? `a.code = $1` : `true`;
    return this.db.query(
      `SELECT o.indicator_code, $1::text AS subject_code, o.granularity, to_char(o.period_start, 'YYYY-MM-DD') AS period_start,
              NULL::double precision AS value, sum(o.numerator) AS numerator, sum(o.denominator) AS denominator, sum(o.n) AS n
       FROM observation o JOIN unit u ON u.code = o.subject_code JOIN area a ON a.code = u.area_code
       JOIN indicator i ON i.code = o.indicator_code AND i.subject_kind = 'unit'
       WHERE ${inside} AND o.numerator IS NOT NULL AND o.denominator IS NOT NULL
       GROUP BY o.indicator_code, o.granularity, o.period_start ORDER BY o.period_start`,
      [code],
    );
  }

  /**
   * A municipality's figures pooled from its areas (Σ numerators, Σ denominators per period),
   * for proportion and rate indicators of which it publishes none itself.
   */
  districtsPooled(municipality: string): Promise<RawObservation[]> {
    // Per indicator the coarsest level inside the municipality that has data: districts, else neighbourhoods.
    return this.db.query(
      `WITH chosen AS (
         SELECT o.indicator_code, min(CASE a.level WHEN 'district' THEN 1 ELSE 2 END) AS rank
         FROM observation o JOIN area a ON a.code = o.subject_code
         WHERE a.municipality_code = $1 AND a.level IN ('district', 'neighbourhood')
         GROUP BY o.indicator_code
       )
       SELECT o.indicator_code, $1::text AS subject_code, o.granularity, to_char(o.period_start, 'YYYY-MM-DD') AS period_start,
              NULL::double precision AS value, sum(o.numerator) AS numerator, sum(o.denominator) AS denominator, NULL::double precision AS n
       FROM observation o JOIN area a ON a.code = o.subject_code
       JOIN chosen c ON c.indicator_code = o.indicator_code AND c.rank = CASE a.level WHEN 'district' THEN 1 ELSE 2 END
       JOIN indicator i ON i.code = o.indicator_code AND i.subject_kind = 'area' AND i.measure IN ('proportion', 'rate')
       WHERE a.municipality_code = $1 AND a.level IN ('district', 'neighbourhood')
         AND o.numerator IS NOT NULL AND o.denominator IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM observation m WHERE m.subject_code = $1 AND m.indicator_code = o.indicator_code)
       GROUP BY o.indicator_code, o.granularity, o.period_start
       ORDER BY o.period_start`,
      [municipality],
    );
  }

  /** Observations of the areas of one level in one municipality (peers). */
  peers(municipality: string, level: AreaLevel): Promise<RawObservation[]> {
    return this.db.query(
      `SELECT ${OBS} FROM observation o JOIN area a ON a.code = o.subject_code
       WHERE a.municipality_code = $1 AND a.level = $2`,
      [municipality, level],
    );
  }
}
