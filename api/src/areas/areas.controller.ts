import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import type { AreaDetail, AreaInput, AreaLevel, AreaSummary } from 'contracts';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { AreasService, type FeatureCollection } from './areas.service';

@Controller('v1/areas')
export class AreasController {
  constructor(private readonly areas: AreasService) {}

  @Get()
  list(@Query('level') level?: AreaLevel, @Query('parent') parent?: string): Promise<AreaSummary[]> {
    return this.areas.list({ level, parent });
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<AreaDetail> {
    return this.areas.get(code);
  }

  @Get(':code/boundaries')
  boundaries(@Param('code') code: string): Promise<FeatureCollection> {
    return this.areas.boundaries(code);
  }

  @Post()
  @Roles('analyst', 'admin')
  upsert(@Body() body: AreaInput[], @CurrentPrincipal() p: Principal): Promise<{ upserted: number }> {
    return this.areas.upsert(Array.isArray(body) ? body : [body], p.actor);
  }
}
