import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from './audit.repository';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Every state change, import and export is audited (docs/design.md section 6). */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditRepository) {}

  /** Writes the entry, inside the caller's transaction when a manager is given. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.events.insert(entry, manager);
  }

  async list(limit = 200): Promise<{ at: string; actor: string; action: string; target: string | null; details: unknown }[]> {
    return this.events.recent(limit);
  }
}
