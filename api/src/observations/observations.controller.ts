import { Controller, Get, Query } from '@nestjs/common';
import type { FunnelView, Observation, ObservationProvenance } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { FunnelService } from './funnel.service';
import { ObservationsService } from './observations.service';

@Controller('v1/observations')
export class ObservationsController {
  constructor(
    private readonly observations: ObservationsService,
    private readonly funnels: FunnelService,
  ) {}

  /** `?indicator=&area=GM0518&level=district&period=2024-Q4`: funnel plot with the engine's limits (null: no funnel for this measure). */
  @Get('funnel')
  funnel(
    @CurrentPrincipal() p: Principal,
    @Query('indicator') indicator?: string,
    @Query('area') area?: string,
    @Query('level') level?: string,
    @Query('period') period?: string,
  ): Promise<FunnelView | null> {
    return this.funnels.funnel({ indicator, area, level, period }, p.role);
  }

  /** Provenance: `?indicator=&area=&level=&from=&to=` as below → the batches that wrote each observation, oldest first. */
  @Get('provenance')
  @Can('imports.create')
  provenance(
    @Query('indicator') indicator?: string,
    @Query('area') area?: string,
    @Query('level') level?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<ObservationProvenance[]> {
    return this.observations.provenance({ indicator, area, level, from, to });
  }

  /** `?indicator=a,b&area=GM0518&level=neighbourhood&from=2020&to=2024-Q4`; small numbers suppressed per role. */
  @Get()
  list(
    @CurrentPrincipal() p: Principal,
    @Query('indicator') indicator?: string,
    @Query('area') area?: string,
    @Query('level') level?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<Observation[]> {
    return this.observations.list({ indicator, area, level, from, to }, p.role);
  }
}
