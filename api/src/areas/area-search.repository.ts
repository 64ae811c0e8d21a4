import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { foldName, type AreaLevel, type AreaSearchHit, type IndicatorSearchHit, type MunicipalityCoverage, type Quadrant } from 'contracts';

/** Escapes LIKE wildcards so a typed "%" or "_" matches itself. */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL for the header search and for "which municipality has data" (issue 15). */
@Injectable()
export class AreaSearchRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Areas whose folded name contains the folded query; exact names first, then names starting
   * with it, then municipalities before wijken before buurten, then shorter names.
   */
  async areas(query: string, exactName: string | null, limit: number): Promise<AreaSearchHit[]> {
    const rows: { code: string; name: string; level: AreaLevel; municipality: string | null; municipality_name: string | null }[] =
      await this.db.query(
        `WITH q AS (SELECT $1::text AS f, $2::text AS alias)
         SELECT a.code, a.name, a.level, a.municipality_code AS municipality, m.name AS municipality_name
           FROM area a CROSS JOIN q
           LEFT JOIN area m ON m.code = coalesce(a.municipality_code, CASE WHEN a.level = 'municipality' THEN a.code END)
          WHERE a.level <> 'country'
            AND (a.search_name LIKE '%' || $3 || '%' ESCAPE '\\' OR (q.alias <> '' AND a.search_name = q.alias))
          ORDER BY (a.search_name = q.f OR a.search_name = q.alias) DESC,
                   (a.search_name LIKE $3 || '%' ESCAPE '\\') DESC,
                   CASE a.level WHEN 'municipality' THEN 0 WHEN 'district' THEN 1 ELSE 2 END,
                   length(a.name), a.name, a.code
          LIMIT $4`,
        [foldName(query), exactName ? foldName(exactName) : '', likeEscape(foldName(query)), limit],
      );
    return rows.map((r) => ({
      kind: 'area',
      code: r.code,
      name: r.name,
      level: r.level,
      municipality: r.municipality ?? (r.level === 'municipality' ? r.code : null),
      municipalityName: r.municipality_name,
    }));
  }

  async indicators(query: string, limit: number): Promise<IndicatorSearchHit[]> {
    const rows: { code: string; name_nl: string; name_en: string; quadrant: Quadrant }[] = await this.db.query(
      `SELECT code, name_nl, name_en, quadrant FROM indicator
        WHERE fold(name_nl) LIKE '%' || $1 || '%' ESCAPE '\\' OR fold(name_en) LIKE '%' || $1 || '%' ESCAPE '\\'
           OR lower(code) LIKE '%' || $1 || '%' ESCAPE '\\'
        ORDER BY (fold(name_nl) LIKE $1 || '%' ESCAPE '\\' OR fold(name_en) LIKE $1 || '%' ESCAPE '\\') DESC, length(name_nl), code
        LIMIT $2`,
      [likeEscape(foldName(query)), limit],
    );
    return rows.map((r) => ({ kind: 'indicator', code: r.code, name: { nl: r.name_nl, en: r.name_en }, quadrant: r.quadrant }));
  }

  /**
   * Municipalities with data, most areas with data first. The distinct subjects come from a loose
   * index scan over observation_subject_idx (one probe per subject, not a scan of every row).
   */
  coverage(): Promise<MunicipalityCoverage[]> {
    return this.db
      .query(
        `WITH RECURSIVE s AS (
           (SELECT subject_code FROM observation ORDER BY subject_code LIMIT 1)
           UNION ALL
           SELECT (SELECT o.subject_code FROM observation o WHERE o.subject_code > s.subject_code ORDER BY o.subject_code LIMIT 1)
             FROM s WHERE s.subject_code IS NOT NULL
         )
         SELECT m.code, m.name, count(*)::int AS "areasWithData"
           FROM s JOIN area a ON a.code = s.subject_code
           JOIN area m ON m.code = CASE WHEN a.level = 'municipality' THEN a.code ELSE a.municipality_code END
          WHERE m.level = 'municipality'
          GROUP BY m.code, m.name
          ORDER BY count(*) DESC, m.name`,
      )
      .then((rows: MunicipalityCoverage[]) => rows);
  }
}
