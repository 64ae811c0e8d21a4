import { Body, Controller, Get, Header, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import { AgendaItemResponse, BriefModelResponse, MeetingResponse } from '../openapi/responses';
import type { Response } from 'express';
import type { AgendaItem, BriefModel, Meeting } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { AddAgendaItemDto, BriefQueryDto, CreateMeetingDto, DecisionDto, MeetingsQueryDto } from './meetings.dto';
import { MeetingsService } from './meetings.service';

@ApiExtraModels(BriefModelResponse)
@Controller('v1/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @ApiOkResponse({ type: [MeetingResponse] })
  list(@Query() q: MeetingsQueryDto, @CurrentPrincipal() p: Principal): Promise<Meeting[]> {
    return this.meetings.list(q.area || undefined, p.role);
  }

  @Post()
  @Can('meetings.plan')
  @ApiCreatedResponse({ type: MeetingResponse })
  create(@Body() body: CreateMeetingDto, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.create(body, p.actor, p.role);
  }

  @Get(':id')
  @ApiOkResponse({ type: MeetingResponse })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.get(id, p.role);
  }

  /**
   * `?format=pdf` answers `application/pdf` (docs/design.md §4b); the default is printable HTML;
   * `?format=json` answers the content model both are drawn from (and the web's print page too).
   */
  @Get(':id/brief')
  @Can('meetings.plan')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/html', 'application/pdf', 'application/json')
  @ApiOkResponse({
    description: 'the brief: printable HTML, a PDF file with ?format=pdf, or its content model (BriefModel) with ?format=json',
    content: { 'text/html': { schema: { type: 'string' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'application/json': { schema: { $ref: getSchemaPath(BriefModelResponse) } } },
  })
  async brief(
    @Param('id') id: string,
    @Query() q: BriefQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | StreamableFile | BriefModel> {
    const out = await this.meetings.brief(id, q.lang === 'en' ? 'en' : 'nl', p, q.format ?? 'html');
    if (!(typeof out === 'string' || Buffer.isBuffer(out))) return out;
    if (typeof out === 'string') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return out;
    }
    return new StreamableFile(out, { type: 'application/pdf', disposition: `attachment; filename="brief-${id.slice(0, 8)}.pdf"`, length: out.length });
  }

  @Post(':id/items')
  @Can('meetings.decide')
  @ApiCreatedResponse({ type: MeetingResponse })
  addItem(@Param('id') id: string, @Body() body: AddAgendaItemDto, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.addItem(id, body, p);
  }

  @Put(':id/items/:itemId/decision')
  @Can('meetings.decide')
  @ApiOkResponse({ type: AgendaItemResponse })
  decide(
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @Body() body: DecisionDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<AgendaItem> {
    return this.meetings.decide(id, itemId, body, p);
  }
}
