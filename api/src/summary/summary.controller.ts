import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CouncilSummaryResponse } from '../openapi/responses';
import type { CouncilSummary } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { SummaryService } from './summary.service';
import { LangQueryDto } from '../common/dto';

@Controller('v1/summary')
export class SummaryController {
  constructor(private readonly summary: SummaryService) {}

  /** Read-only for every role. */
  @Get(':areaCode')
  @ApiOkResponse({ type: CouncilSummaryResponse })
  get(@Param('areaCode') code: string, @Query() q: LangQueryDto, @CurrentPrincipal() p: Principal): Promise<CouncilSummary> {
    return this.summary.summary(code, q.lang === 'en' ? 'en' : 'nl', p.role);
  }
}
