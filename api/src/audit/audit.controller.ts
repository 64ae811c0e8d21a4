import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuditEvent } from 'contracts';
import { Can } from '../policy/capabilities';
import { InvalidInputError } from '../common/errors';
import { pageRequest, setNextLink, toPage } from '../common/paging';
import { AuditRepository } from './audit.repository';

/** `YYYY-MM-DD` or a full ISO timestamp; `to` on a date means up to the end of that day. */
function instant(raw: unknown, field: 'from' | 'to'): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw new InvalidInputError(`${field} must be a date (2026-12-01) or an ISO timestamp`, [{ field, message: 'date or ISO timestamp' }], { code: 'audit.date' });
  }
  if (field === 'to' && raw.length === 10) return new Date(Date.parse(`${raw}T00:00:00Z`) + 86_400_000).toISOString();
  return raw;
}

function text(raw: unknown, field: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || raw.length > 200 || raw.includes('\u0000')) throw new InvalidInputError(`${field} must be one text value`, [{ field, message: 'one text value' }]);
  return raw;
}

/** The audit trail for admins (issue 9 item 6, docs/design.md §4b): filtered, newest first, paged with limit/cursor and a Link header. */
@Controller('v1/audit')
@Can('audit.read')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  async list(@Query() q: Record<string, unknown>, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuditEvent[]> {
    const page = pageRequest(q);
    const before = page.after?.[0];
    if (page.after && (typeof before !== 'string' || !/^\d+$/.test(before))) throw new InvalidInputError('cursor is not valid', [{ field: 'cursor', message: 'invalid' }], { code: 'paging.cursor' });
    const rows = await this.audit.list({
      actor: text(q.actor, 'actor'),
      action: text(q.action, 'action'),
      from: instant(q.from, 'from'),
      to: instant(q.to, 'to'),
      beforeId: before as string | undefined,
      limit: page.limit,
    });
    const result = toPage(rows, page.limit, (r) => [r.id]);
    setNextLink(req, res, result.next);
    return result.items;
  }
}
