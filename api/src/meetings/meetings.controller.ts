import { Body, Controller, Get, Header, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { AgendaItem, Meeting } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { InvalidInputError } from '../common/errors';
import { MeetingsService, type DecisionBody } from './meetings.service';

@Controller('v1/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  list(@Query('area') area: string | undefined, @CurrentPrincipal() p: Principal): Promise<Meeting[]> {
    return this.meetings.list(area || undefined, p.role);
  }

  @Post()
  @Can('meetings.plan')
  create(@Body() body: { date?: unknown; title?: unknown; area?: unknown }, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.create(body ?? {}, p.actor, p.role);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.get(id, p.role);
  }

  /** `?format=pdf` answers `application/pdf` (docs/design.md §4b); the default is printable HTML. */
  @Get(':id/brief')
  @Can('meetings.plan')
  @Header('cache-control', 'no-store')
  async brief(
    @Param('id') id: string,
    @Query('lang') lang: string | undefined,
    @Query('format') format: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | StreamableFile> {
    if (format !== undefined && format !== 'html' && format !== 'pdf') {
      throw new InvalidInputError('format must be html or pdf', [{ field: 'format', message: 'must be html or pdf', code: 'brief.format' }], { code: 'brief.format' });
    }
    const out = await this.meetings.brief(id, lang === 'en' ? 'en' : 'nl', p, format === 'pdf' ? 'pdf' : 'html');
    if (typeof out === 'string') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return out;
    }
    return new StreamableFile(out, { type: 'application/pdf', disposition: `attachment; filename="brief-${id.slice(0, 8)}.pdf"`, length: out.length });
  }

  @Post(':id/items')
  @Can('meetings.decide')
  addItem(@Param('id') id: string, @Body() body: { signalId?: unknown; notes?: unknown }, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.addItem(id, body ?? {}, p);
  }

  @Put(':id/items/:itemId/decision')
  @Can('meetings.decide')
  decide(
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @Body() body: DecisionBody,
    @CurrentPrincipal() p: Principal,
  ): Promise<AgendaItem> {
    return this.meetings.decide(id, itemId, body ?? {}, p);
  }
}
