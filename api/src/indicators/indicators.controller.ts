import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import type { Indicator } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { IndicatorsService } from './indicators.service';

@Controller('v1/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /**
   * The catalogue (every signed-in role: the dashboard needs names and quadrants);
   * `?area=GM0518` keeps the indicators that have data in that area or inside it;
   * `&level=neighbourhood` only those with data for the buurten inside it.
   */
  @Get()
  list(@Query('area') area?: string, @Query('level') level?: string): Promise<Indicator[]> {
    return this.indicators.list(area?.trim() || undefined, level?.trim() || undefined);
  }

  /** One indicator or an array; upsert by code. */
  @Post()
  @Can('indicators.edit')
  upsert(@Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<{ upserted: number; indicators: Indicator[] }> {
    return this.indicators.upsert(body, p.actor);
  }
}
