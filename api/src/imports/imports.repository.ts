import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ImportBatch, ImportSummary } from 'contracts';
import type { ImportIssue } from '../parsing';

export interface NewBatch {
  id: string;
  createdBy: string;
  source: string;
  format: string;
  checksum: string;
  target: string;
  rowsAccepted: number;
  rowsRejected: number;
  status: 'completed' | 'failed';
  errors: ImportIssue[];
  errorCount: number;
  ignoredColumns: string[];
  summary?: ImportSummary | null;
}

const COLUMNS = `id, created_at AS "createdAt", created_by AS "createdBy", source, format, checksum, target,
  rows_accepted AS "rowsAccepted", rows_rejected AS "rowsRejected", status, errors, error_count AS "errorCount",
  ignored_columns AS "ignoredColumns", summary`;

/** A batch's paging key: its creation time in UTC to the microsecond (exact, unlike a JS Date). */
const SORT_TS = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** All SQL about import batches (provenance of every load). */
@Injectable()
export class ImportsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Records an import as `running` before its work starts, in its own statement (issue 9): if the
   * process dies, the row stays and is marked `interrupted`; the data itself is all or nothing.
   */
  async begin(b: { id: string; createdBy: string; source: string; format: string; target: string; owner: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO import_batch (id, created_by, source, format, checksum, target, status, owner, heartbeat_at)
       VALUES ($1, $2, $3, $4, '', $5, 'running', $6, now())`,
      [b.id, b.createdBy, b.source, b.format, b.target, b.owner],
    );
  }

  /** The outcome of a running import (in the import's transaction when it completes). */
  async finish(b: NewBatch, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `UPDATE import_batch SET checksum = $2, rows_accepted = $3, rows_rejected = $4, status = $5, errors = $6, error_count = $7,
         ignored_columns = $8, summary = $9, finished_at = now() WHERE id = $1`,
      [b.id, b.checksum, b.rowsAccepted, b.rowsRejected, b.status, JSON.stringify(b.errors), b.errorCount, JSON.stringify(b.ignoredColumns),
        b.summary ? JSON.stringify(b.summary) : null],
    );
  }

  /** A running import that turned out a duplicate of an earlier batch leaves no row of its own. */
  async discard(id: string): Promise<void> {
    await this.db.query(`DELETE FROM import_batch WHERE id = $1 AND status = 'running'`, [id]);
  }

  /** A running import that stopped on an unexpected error is not left `running`. */
  async abandon(id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE import_batch SET status = 'interrupted', finished_at = now(), error_count = 1,
         errors = jsonb_build_array(jsonb_build_object('line', 0, 'column', null, 'message', $2::text, 'code', 'import.interrupted'))
       WHERE id = $1 AND status = 'running'`,
      [id, `interrupted: ${reason}; nothing of this import was written`],
    );
  }

  async insert(b: NewBatch, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO import_batch (id, created_by, source, format, checksum, target, rows_accepted, rows_rejected, status, errors, error_count, ignored_columns, summary)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [b.id, b.createdBy, b.source, b.format, b.checksum, b.target, b.rowsAccepted, b.rowsRejected, b.status,
        JSON.stringify(b.errors), b.errorCount, JSON.stringify(b.ignoredColumns), b.summary ? JSON.stringify(b.summary) : null],
    );
  }

  /** A completed batch with the same file checksum and target, if any. */
  async findCompleted(checksum: string, target: string, manager: EntityManager = this.db.manager): Promise<{ id: string; rowsAccepted: number; ignoredColumns: string[] } | null> {
    const rows: { id: string; rowsAccepted: number; ignoredColumns: string[] }[] = await manager.query(
      `SELECT id, rows_accepted AS "rowsAccepted", ignored_columns AS "ignoredColumns" FROM import_batch
        WHERE checksum = $1 AND target = $2 AND status = 'completed' ORDER BY created_at LIMIT 1`,
      [checksum, target],
    );
    return rows[0] ?? null;
  }

  /**
   * Newest first. Keyset paging (DESIGN §4b): `after` is the sort key `[created_at (UTC, µs), id]`
   * of the last batch served; `offset` is the older way in, kept for callers that still send it.
   * Each row carries its key as `sortKey` (to be removed before it is answered).
   */
  list(limit: number, page: { after?: (string | number)[] | null; offset?: number } = {}): Promise<(ImportBatch & { sortKey: string })[]> {
    const params: unknown[] = [limit];
    let where = '';
    if (page.after) {
      params.push(String(page.after[0]), String(page.after[1]));
      where = `WHERE ((created_at AT TIME ZONE 'UTC') < $2::timestamp OR ((created_at AT TIME ZONE 'UTC') = $2::timestamp AND id::text < $3))`;
    }
    const offset = !page.after && page.offset ? ` OFFSET ${Math.max(0, Math.floor(page.offset))}` : '';
    return this.db.query(
      `SELECT ${COLUMNS}, ${SORT_TS} AS "sortKey" FROM import_batch ${where} ORDER BY created_at DESC, id::text DESC LIMIT $1${offset}`,
      params,
    );
  }

  count(): Promise<number> {
    return this.db.query(`SELECT count(*)::int AS n FROM import_batch`).then((r: { n: number }[]) => r[0].n);
  }

  get(id: string): Promise<ImportBatch | null> {
    return this.db.query(`SELECT ${COLUMNS} FROM import_batch WHERE id = $1`, [id]).then((r: ImportBatch[]) => r[0] ?? null);
  }

  async countCompletedBy(actor: string): Promise<number> {
    const r: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM import_batch WHERE created_by = $1 AND status = 'completed'`, [actor]);
    return r[0].n;
  }

  /** Area names for StatLine tables that carry names only. */
  /** Names of these area and unit codes (a summary names what it lists). */
  async namesOf(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows: { code: string; name: string }[] = await this.db.query(
      `SELECT code, name FROM area WHERE code = ANY($1) UNION ALL SELECT code, name FROM unit WHERE code = ANY($1)`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  areaNames(): Promise<{ code: string; name: string; level: string }[]> {
    return this.db.query(`SELECT code, name, level FROM area`);
  }

  /** What the validator needs, loaded once per import: every area code and unit code. */
  async subjectCodes(): Promise<{ areas: Set<string>; units: Set<string> }> {
    const [areas, units]: [{ code: string }[], { code: string }[]] = await Promise.all([
      this.db.query(`SELECT code FROM area`),
      this.db.query(`SELECT code FROM unit`),
    ]);
    return { areas: new Set(areas.map((a) => a.code)), units: new Set(units.map((u) => u.code)) };
  }
}
