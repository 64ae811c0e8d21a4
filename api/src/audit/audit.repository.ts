import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
