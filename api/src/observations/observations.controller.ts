import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { FunnelViewResponse, ObservationProvenanceResponse, ObservationResponse } from '../openapi/responses';
import type { FunnelView, Observation, ObservationProvenance } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { FunnelService } from './funnel.service';
import { ObservationsService } from './observations.service';
import { FunnelQueryDto, ObservationsQueryDto } from './observations.dto';

@Controller('v1/observations')
export class ObservationsController {
  constructor(
    private readonly observations: ObservationsService,
    private readonly funnels: FunnelService,
  ) {}

  /** `?indicator=&area=GM0518&level=district&period=2024-Q4`: funnel plot with the engine's limits (null: no funnel for this measure). */
  @Get('funnel')
  @ApiOkResponse({ type: FunnelViewResponse, description: 'null (empty body) when the measure has no funnel (counts, means)' })
  funnel(@CurrentPrincipal() p: Principal, @Query() q: FunnelQueryDto): Promise<FunnelView | null> {
    return this.funnels.funnel(q, p.role);
  }

  /** Provenance: `?indicator=&area=&level=&from=&to=` as below → the batches that wrote each observation, oldest first. */
  @Get('provenance')
  @Can('imports.create')
  @ApiOkResponse({ type: [ObservationProvenanceResponse] })
  provenance(@Query() q: ObservationsQueryDto): Promise<ObservationProvenance[]> {
    return this.observations.provenance(q);
  }

  /** `?indicator=a,b&area=GM0518&level=neighbourhood&from=2020&to=2024-Q4`; small numbers suppressed per role. */
  @Get()
  @ApiOkResponse({ type: [ObservationResponse] })
  list(@CurrentPrincipal() p: Principal, @Query() q: ObservationsQueryDto): Promise<Observation[]> {
    return this.observations.list(q, p.role);
  }
}
