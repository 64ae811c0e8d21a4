import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UnitSummary } from 'contracts';
import { AreasRepository } from '../areas/areas.repository';
import { AuditService } from '../audit/audit.service';
import { DisclosureService } from '../disclosure/disclosure.service';
import { InvalidInputError, NotFoundError, UnprocessableError } from '../common/errors';
import { UnitsRepository } from './units.repository';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly areas: AreasRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly disclosure: DisclosureService,
  ) {}

  async list(area?: string): Promise<UnitSummary[]> {
    if (area && !(await this.areas.find(area))) throw new NotFoundError(`Unknown area ${area}`);
    return this.units.list(area);
  }

  /**
   * Upserts units all or nothing. `rows` carry their line (CSV line, or array index + 1 for JSON).
   * Text is stored as text (a cell like `=CMD()` is a name, never evaluated).
   */
  async upsert(rows: { line: number; values: Record<string, unknown> }[], actor: string): Promise<{ upserted: number }> {
    if (rows.length === 0) throw new InvalidInputError('Send a non-empty array of units {code,name,kind,area} or a CSV');
    const errors: { line: number; column: string | null; message: string }[] = [];
    const areaCodes = [...new Set(rows.map((r) => String(r.values.area ?? '').trim()).filter(Boolean))];
    const existing = await this.areas.existingCodes(areaCodes);
    const seen = new Map<string, number>();
    const units: UnitSummary[] = [];
    for (const { line, values } of rows) {
      const text = (k: string): string => (typeof values[k] === 'string' ? (values[k] as string).trim() : '');
      const u = { code: text('code'), name: text('name'), kind: text('kind'), area: text('area') };
      const before = errors.length;
      if (!CODE.test(u.code)) errors.push({ line, column: 'code', message: `"${u.code.slice(0, 40)}" is not a unit code (letters, digits, . _ -; at most 64)` });
      if (!u.name) errors.push({ line, column: 'name', message: 'name is empty' });
      if (!u.kind) errors.push({ line, column: 'kind', message: 'kind is empty (e.g. school)' });
      if (!u.area) errors.push({ line, column: 'area', message: 'area is empty' });
      else if (!existing.has(u.area)) errors.push({ line, column: 'area', message: `unknown area ${u.area}` });
      const first = seen.get(u.code);
      if (first !== undefined) errors.push({ line, column: 'code', message: `${u.code} appears twice (lines ${first} and ${line})` });
      seen.set(u.code, line);
      if (errors.length === before) units.push(u);
    }
    if (errors.length) {
      throw new UnprocessableError(`${errors.length} invalid unit rows; nothing was written`, errors.slice(0, 100), { rowsAccepted: 0, errorCount: errors.length });
    }
    await this.db.transaction(async (m) => {
      await this.units.upsert(units, m);
      await this.disclosure.forgetAll(m); // the hierarchy changed: patterns are decided again (issue 9)
      await this.audit.record({ actor, action: 'units.upsert', details: { count: units.length } }, m);
    });
    return { upserted: units.length };
  }
}
