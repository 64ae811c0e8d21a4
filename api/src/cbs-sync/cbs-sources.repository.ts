import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CbsSchedule, CbsSource, CbsSyncResult } from 'contracts';

const COLUMNS = `id, table_id AS "tableId", name, columns, period, schedule, next_run_at AS "nextRunAt", last_run_at AS "lastRunAt",
  last_status AS "lastStatus", last_error AS "lastError", last_error_code AS "lastErrorCode", last_error_params AS "lastErrorParams", last_batch_id AS "lastBatchId", created_by AS "createdBy"`;

/** The next run of a schedule after `from`, as SQL on `now()`. */
const NEXT = `CASE $S WHEN 'daily' THEN now() + interval '1 day' WHEN 'weekly' THEN now() + interval '7 days'
  WHEN 'monthly' THEN now() + interval '1 month' ELSE NULL END`;
const next = (param: string) => NEXT.replace('$S', param);

export interface NewCbsSource {
  id: string;
  tableId: string;
  name: string | null;
  columns: Record<string, string>;
  period: string | null;
  schedule: CbsSchedule;
  createdBy: string;
}

/** All SQL about registered CBS open-data tables. */
@Injectable()
export class CbsSourcesRepository {
  constructor(private readonly db: DataSource) {}

  list(): Promise<CbsSource[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM cbs_source ORDER BY table_id`);
  }

  async get(id: string): Promise<CbsSource | null> {
    const rows: CbsSource[] = await this.db.query(`SELECT ${COLUMNS} FROM cbs_source WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async byTable(tableId: string): Promise<CbsSource | null> {
    const rows: CbsSource[] = await this.db.query(`SELECT ${COLUMNS} FROM cbs_source WHERE table_id = $1`, [tableId]);
    return rows[0] ?? null;
  }

  async insert(s: NewCbsSource): Promise<CbsSource> {
    const rows: CbsSource[] = await this.db.query(
      `INSERT INTO cbs_source (id, table_id, name, columns, period, schedule, next_run_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, ${next('$6::text')}, $7) RETURNING ${COLUMNS}`,
      [s.id, s.tableId, s.name, JSON.stringify(s.columns), s.period, s.schedule, s.createdBy],
    );
    return rows[0];
  }

  async update(id: string, s: Pick<NewCbsSource, 'name' | 'columns' | 'period' | 'schedule'>): Promise<CbsSource | null> {
    const rows: CbsSource[] = await this.db.query(
      `WITH u AS (UPDATE cbs_source SET name = $2, columns = $3, period = $4,
         next_run_at = CASE WHEN schedule = $5 THEN next_run_at ELSE ${next('$5::text')} END, schedule = $5, updated_at = now()
       WHERE id = $1 RETURNING *) SELECT ${COLUMNS} FROM u`,
      [id, s.name, JSON.stringify(s.columns), s.period, s.schedule],
    );
    return rows[0] ?? null;
  }

  async remove(id: string): Promise<boolean> {
    const rows: { id: string }[] = await this.db.query(`WITH d AS (DELETE FROM cbs_source WHERE id = $1 RETURNING id) SELECT id FROM d`, [id]);
    return rows.length > 0;
  }

  /**
   * Claims one source whose scheduled run is due: its next run moves a lease ahead at once
   * (another instance skips the locked row and, after the commit, sees it not due), so two
   * instances never sync the same table at the same time.
   */
  async claimDue(leaseMinutes = 30): Promise<CbsSource | null> {
    const rows: CbsSource[] = await this.db.query(
      `WITH due AS (
         SELECT id FROM cbs_source WHERE schedule <> 'manual' AND next_run_at <= now()
          ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       , u AS (UPDATE cbs_source s SET next_run_at = now() + make_interval(mins => $1::int) FROM due WHERE s.id = due.id RETURNING s.*)
       SELECT ${COLUMNS} FROM u`,
      [leaseMinutes],
    );
    return rows[0] ?? null;
  }

  /** Records a run's outcome; the next scheduled run follows the schedule (a failure retries then). */
  async finish(id: string, r: CbsSyncResult): Promise<void> {
    await this.db.query(
      `UPDATE cbs_source SET last_run_at = now(), last_status = $2, last_error = $3, last_batch_id = COALESCE($4, last_batch_id),
         last_error_code = $5, last_error_params = $6, next_run_at = ${next('schedule')} WHERE id = $1`,
      [id, r.status, r.error, r.batchId, r.errorCode, r.errorParams ? JSON.stringify(r.errorParams) : null],
    );
  }
}
