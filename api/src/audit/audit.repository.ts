import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEvent } from 'contracts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  /** id of the last row of the previous page (newest first). */
  beforeId?: string;
  limit: number;
}

/** SQL for the audit trail's reader (GET /api/v1/audit): newest first, keyset on id. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  async insert(
    entry: { actor: string; action: string; target?: string | null; details?: Record<string, unknown> },
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager.query(`INSERT INTO audit_event (actor, action, target, details) VALUES ($1, $2, $3, $4)`, [
      entry.actor,
      entry.action,
      entry.target ?? null,
      JSON.stringify(entry.details ?? {}),
    ]);
  }

  /** The latest events, newest first (the simple reader used by older callers). */
  recent(limit: number): Promise<{ at: string; actor: string; action: string; target: string | null; details: unknown }[]> {
    return this.db.query(`SELECT at, actor, action, target, details FROM audit_event ORDER BY id DESC LIMIT $1`, [limit]);
  }

  list(f: AuditFilter): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.actor) add('lower(actor) = lower(?)', f.actor);
    if (f.action) {
      if (f.action.endsWith('*')) add(`action LIKE ?`, `${f.action.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`);
      else add('action = ?', f.action);
    }
    if (f.from) add('at >= ?::timestamptz', f.from);
    if (f.to) add('at < ?::timestamptz', f.to);
    if (f.beforeId) add('id < ?::bigint', f.beforeId);
    params.push(f.limit + 1);
    return this.db.query(
      `SELECT id::text AS id, at, actor, action, target, details FROM audit_event
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_event.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
