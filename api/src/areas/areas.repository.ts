import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AreaInput, AreaLevel, AreaSummary } from 'contracts';

const SUMMARY = `code, name, level, parent_code AS parent`;
const CHUNK = 1000;

/** All SQL about areas (the CBS register and a municipality's own sub-areas). */
@Injectable()
export class AreasRepository {
  constructor(private readonly db: DataSource) {}

  find(code: string): Promise<(AreaSummary & { municipality: string | null; hasBoundary: boolean }) | null> {
    return this.db
      .query(`SELECT ${SUMMARY}, municipality_code AS municipality, boundary IS NOT NULL AS "hasBoundary" FROM area WHERE code = $1`, [code])
      .then((r) => r[0] ?? null);
  }

  /** The register entry of one area (code, name, level), or null for an unknown code. */
  entry(code: string, manager: EntityManager = this.db.manager): Promise<{ code: string; name: string; level: AreaLevel } | null> {
    return manager
      .query(`SELECT code, name, level FROM area WHERE code = $1`, [code])
      .then((r: { code: string; name: string; level: AreaLevel }[]) => r[0] ?? null);
  }

  /** From the root down to the direct parent. */
  ancestors(code: string): Promise<AreaSummary[]> {
    return this.db.query(
      `WITH RECURSIVE up AS (
         SELECT a.code, a.name, a.level, a.parent_code, 0 AS depth FROM area a
           WHERE a.code = (SELECT parent_code FROM area WHERE code = $1)
         UNION ALL
         SELECT p.code, p.name, p.level, p.parent_code, up.depth + 1 FROM area p JOIN up ON p.code = up.parent_code
       )
       SELECT code, name, level, parent_code AS parent FROM up ORDER BY depth DESC`,
      [code],
    );
  }

  children(code: string): Promise<AreaSummary[]> {
    return this.db.query(`SELECT ${SUMMARY} FROM area WHERE parent_code = $1 ORDER BY code`, [code]);
  }

  /** Counts of descendants per level inside a municipality (or children for other levels). */
  async descendantCounts(code: string, level: AreaLevel): Promise<Partial<Record<AreaLevel, number>>> {
    const rows: { level: AreaLevel; n: number }[] =
      level === 'municipality'
        ? await this.db.query(`SELECT level, count(*)::int AS n FROM area WHERE municipality_code = $1 AND code <> $1 GROUP BY level`, [code])
        : await this.db.query(`SELECT level, count(*)::int AS n FROM area WHERE parent_code = $1 GROUP BY level`, [code]);
    return Object.fromEntries(rows.map((r) => [r.level, r.n]));
  }

  list(filter: { level?: AreaLevel; parent?: string; parentLevel?: AreaLevel }): Promise<AreaSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.parent) {
      params.push(filter.parent);
      // "parent with level" means: the areas of that level anywhere inside this municipality.
      where.push(filter.level && filter.parentLevel === 'municipality' ? `municipality_code = $${params.length}` : `parent_code = $${params.length}`);
    }
    if (filter.level) {
      params.push(filter.level);
      where.push(`level = $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return this.db.query(`SELECT ${SUMMARY} FROM area ${clause} ORDER BY code`, params);
  }

  /** Children with a boundary; with `inMunicipality`, the areas of `level` anywhere inside that municipality. */
  boundaries(parent: string, inMunicipality?: AreaLevel): Promise<{ code: string; name: string; level: AreaLevel; boundary: unknown }[]> {
    if (inMunicipality) {
      return this.db.query(
        `SELECT code, name, level, boundary FROM area WHERE municipality_code = $1 AND level = $2 AND boundary IS NOT NULL ORDER BY code`,
        [parent, inMunicipality],
      );
    }
    return this.db.query(
      `SELECT code, name, level, boundary FROM area WHERE parent_code = $1 AND boundary IS NOT NULL ORDER BY code`,
      [parent],
    );
  }

  /** Per level, how many areas of the municipality (or children of the area) have a boundary. */
  async boundaryCounts(code: string, level: AreaLevel): Promise<Partial<Record<AreaLevel, number>>> {
    const rows: { level: AreaLevel; n: number }[] =
      level === 'municipality'
        ? await this.db.query(`SELECT level, count(*)::int AS n FROM area WHERE municipality_code = $1 AND code <> $1 AND boundary IS NOT NULL GROUP BY level`, [code])
        : await this.db.query(`SELECT level, count(*)::int AS n FROM area WHERE parent_code = $1 AND boundary IS NOT NULL GROUP BY level`, [code]);
    return Object.fromEntries(rows.map((r) => [r.level, r.n]));
  }

  existingCodes(codes: string[], manager: EntityManager = this.db.manager): Promise<Map<string, { level: AreaLevel; municipality: string | null }>> {
    return manager
      .query(`SELECT code, level, municipality_code AS municipality FROM area WHERE code = ANY($1)`, [codes])
      .then((rows: { code: string; level: AreaLevel; municipality: string | null }[]) => new Map(rows.map((r) => [r.code, r])));
  }

  count(): Promise<number> {
    return this.db.query(`SELECT count(*)::int AS n FROM area`).then((r: { n: number }[]) => r[0].n);
  }

  /**
   * Upserts areas in parent-first order. municipality_code is derived from the parent, so
   * callers must pass parents before children (the service sorts by level).
   */
  async upsert(areas: (AreaInput & { municipality: string | null })[], manager: EntityManager = this.db.manager): Promise<void> {
    for (let i = 0; i < areas.length; i += CHUNK) {
      const chunk = areas.slice(i, i + CHUNK);
      await manager.query(
        `INSERT INTO area (code, name, level, parent_code, municipality_code)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
           parent_code = EXCLUDED.parent_code, municipality_code = EXCLUDED.municipality_code`,
        [
          chunk.map((a) => a.code),
          chunk.map((a) => a.name),
          chunk.map((a) => a.level),
          chunk.map((a) => a.parent ?? null),
          chunk.map((a) => a.municipality),
        ],
      );
    }
  }

  async setBoundaries(boundaries: Map<string, unknown>, manager: EntityManager = this.db.manager): Promise<number> {
    const entries = [...boundaries.entries()];
    let updated = 0;
    for (let i = 0; i < entries.length; i += 200) {
      const chunk = entries.slice(i, i + 200);
      const [{ n }]: { n: number }[] = await manager.query(
        `WITH u AS (
           UPDATE area SET boundary = b.geometry::jsonb
           FROM unnest($1::text[], $2::text[]) AS b(code, geometry) WHERE area.code = b.code RETURNING 1
         ) SELECT count(*)::int AS n FROM u`,
        [chunk.map(([c]) => c), chunk.map(([, g]) => JSON.stringify(g))],
      );
      updated += n;
    }
    return updated;
  }
}
