import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { AreaQuadrantsResponse } from '../openapi/responses';
import type { AreaQuadrants } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { QuadrantsService } from './quadrants.service';
import { QuadrantsQueryDto } from './quadrants.dto';

@Controller('v1/areas')
export class QuadrantsController {
  constructor(private readonly quadrants: QuadrantsService) {}

  /** The four quadrants of an area with its indicators and open signals. */
  @Get(':code/quadrants')
  @ApiOkResponse({ type: AreaQuadrantsResponse })
  view(@Param('code') code: string, @Query() q: QuadrantsQueryDto, @CurrentPrincipal() p: Principal): Promise<AreaQuadrants> {
    return this.quadrants.view(code, q.period || undefined, p.role);
  }
}
