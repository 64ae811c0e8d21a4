import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UnitSummary } from 'contracts';

/** All SQL about reporting units (schools etc.). */
@Injectable()
export class UnitsRepository {
  constructor(private readonly db: DataSource) {}

  /** Units in an area: directly in it, or anywhere inside it (district, municipality, country). */
  list(area?: string): Promise<UnitSummary[]> {
    if (!area) return this.db.query(`SELECT code, name, kind, area_code AS area FROM unit ORDER BY code`);
    return this.db.query(
      `SELECT u.code, u.name, u.kind, u.area_code AS area FROM unit u JOIN area a ON a.code = u.area_code
        WHERE a.code = $1 OR a.parent_code = $1 OR a.municipality_code = $1
           OR (SELECT level FROM area WHERE code = $1) = 'country'
        ORDER BY u.code`,
      [area],
    );
  }

  /** Unit code → area code. */
  async all(manager: EntityManager = this.db.manager): Promise<Map<string, string>> {
    const rows: { code: string; area: string }[] = await manager.query(`SELECT code, area_code AS area FROM unit`);
    return new Map(rows.map((r) => [r.code, r.area]));
  }

  async upsert(units: UnitSummary[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < units.length; i += 2000) {
      const c = units.slice(i, i + 2000);
      await manager.query(
        `INSERT INTO unit (code, name, kind, area_code)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, area_code = EXCLUDED.area_code`,
        [c.map((u) => u.code), c.map((u) => u.name), c.map((u) => u.kind), c.map((u) => u.area)],
      );
    }
  }
}
