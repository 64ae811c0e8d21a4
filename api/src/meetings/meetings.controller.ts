import { Body, Controller, Get, Header, Param, Post, Put, Query } from '@nestjs/common';
import type { AgendaItem, Meeting } from 'contracts';
import { CurrentPrincipal, Roles, type Principal } from '../common/principal';
import { MeetingsService } from './meetings.service';

@Controller('v1/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  list(@Query('area') area: string | undefined, @CurrentPrincipal() p: Principal): Promise<Meeting[]> {
    return this.meetings.list(area || undefined, p.role);
  }

  @Post()
  @Roles('manager', 'analyst', 'admin')
  create(@Body() body: { date?: unknown; title?: unknown; area?: unknown }, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.create(body ?? {}, p.actor, p.role);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.get(id, p.role);
  }

  @Get(':id/brief')
  @Roles('manager', 'analyst', 'admin')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  brief(@Param('id') id: string, @Query('lang') lang: string | undefined, @CurrentPrincipal() p: Principal): Promise<string> {
    return this.meetings.brief(id, lang === 'en' ? 'en' : 'nl', p);
  }

  @Post(':id/items')
  @Roles('manager', 'admin')
  addItem(@Param('id') id: string, @Body() body: { signalId?: unknown; notes?: unknown }, @CurrentPrincipal() p: Principal): Promise<Meeting> {
    return this.meetings.addItem(id, body ?? {}, p);
  }

  @Put(':id/items/:itemId/decision')
  @Roles('manager', 'admin')
  decide(
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @Body() body: { decision?: unknown },
    @CurrentPrincipal() p: Principal,
  ): Promise<AgendaItem> {
    return this.meetings.decide(id, itemId, body ?? {}, p);
  }
}
