import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { AuditEventResponse } from '../openapi/responses';
import type { Request, Response } from 'express';
import type { AuditEvent } from 'contracts';
import { Can } from '../policy/capabilities';
import { InvalidInputError } from '../common/errors';
import { pageRequest, setNextLink, toPage } from '../common/paging';
import { AuditRepository } from './audit.repository';
import { AuditQueryDto } from './audit.dto';

/** `to` on a date means up to the end of that day. */
function upTo(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return raw.length === 10 ? new Date(Date.parse(`${raw}T00:00:00Z`) + 86_400_000).toISOString() : raw;
}

/** The audit trail for admins (issue 9 item 6, docs/design.md §4b): filtered, newest first, paged with limit/cursor and a Link header. */
@Controller('v1/audit')
@Can('audit.read')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOkResponse({ type: [AuditEventResponse] })
  async list(@Query() q: AuditQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuditEvent[]> {
    const page = pageRequest(q);
    const before = page.after?.[0];
    if (page.after && (typeof before !== 'string' || !/^\d+$/.test(before))) throw new InvalidInputError('cursor is not valid', [{ field: 'cursor', message: 'invalid' }], { code: 'paging.cursor' });
    const rows = await this.audit.list({
      actor: q.actor || undefined,
      action: q.action || undefined,
      from: q.from || undefined,
      to: upTo(q.to),
      beforeId: before as string | undefined,
      limit: page.limit,
    });
    const result = toPage(rows, page.limit, (r) => [r.id]);
    setNextLink(req, res, result.next);
    return result.items;
  }
}
