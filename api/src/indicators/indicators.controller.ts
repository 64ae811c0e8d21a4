import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { IndicatorResponse, IndicatorsUpsertResponse } from '../openapi/responses';
import type { Indicator } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { OneOrManyPipe } from '../common/validation';
import { IndicatorInputDto, IndicatorsQueryDto } from './indicators.dto';
import { IndicatorsService } from './indicators.service';

@Controller('v1/indicators')
@ApiExtraModels(IndicatorInputDto)
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /**
   * The catalogue (every signed-in role: the dashboard needs names and quadrants);
   * `?area=GM0518` keeps the indicators that have data in that area or inside it;
   * `&level=neighbourhood` only those with data for the buurten inside it.
   */
  @Get()
  @ApiOkResponse({ type: [IndicatorResponse] })
  list(@Query() q: IndicatorsQueryDto): Promise<Indicator[]> {
    return this.indicators.list(q.area?.trim() || undefined, q.level?.trim() || undefined);
  }

  /** One indicator or an array; upsert by code. */
  @Post()
  @Can('indicators.edit')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(IndicatorInputDto) }, { type: 'array', minItems: 1, items: { $ref: getSchemaPath(IndicatorInputDto) } }] } })
  @ApiCreatedResponse({ type: IndicatorsUpsertResponse })
  upsert(
    @Body(new OneOrManyPipe(IndicatorInputDto)) body: { items: IndicatorInputDto[]; many: boolean },
    @CurrentPrincipal() p: Principal,
  ): Promise<{ upserted: number; indicators: Indicator[] }> {
    return this.indicators.upsertChecked(body, p.actor);
  }
}
