import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Every state change, import and export is audited (DESIGN.md section 6). */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`INSERT INTO audit_event (actor, action, target, details) VALUES ($1, $2, $3, $4)`, [
      entry.actor,
      entry.action,
      entry.target ?? null,
      JSON.stringify(entry.details ?? {}),
    ]);
  }

  async list(limit = 200): Promise<{ at: string; actor: string; action: string; target: string | null; details: unknown }[]> {
    return this.db.query(`SELECT at, actor, action, target, details FROM audit_event ORDER BY id DESC LIMIT $1`, [limit]);
  }
}
