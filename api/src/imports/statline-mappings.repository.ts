import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A table's remembered column mapping: StatLine column header → indicator code. */
export interface StatlineMapping {
  signature: string;
  title: string | null;
  columns: Record<string, string>;
  updatedBy: string;
  updatedAt: string;
}

/** All SQL about remembered StatLine column mappings. */
@Injectable()
export class StatlineMappingsRepository {
  constructor(private readonly db: DataSource) {}

  async get(signature: string): Promise<StatlineMapping | null> {
    const rows: StatlineMapping[] = await this.db.query(
      `SELECT signature, title, columns, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM statline_mapping WHERE signature = $1`,
      [signature],
    );
    return rows[0] ?? null;
  }

  list(): Promise<StatlineMapping[]> {
    return this.db.query(`SELECT signature, title, columns, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM statline_mapping ORDER BY updated_at DESC`);
  }

  async put(signature: string, title: string | null, columns: Record<string, string>, actor: string): Promise<void> {
    await this.db.query(
      `INSERT INTO statline_mapping (signature, title, columns, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (signature) DO UPDATE SET title = COALESCE(EXCLUDED.title, statline_mapping.title), columns = EXCLUDED.columns,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [signature, title, JSON.stringify(columns), actor],
    );
  }
}
