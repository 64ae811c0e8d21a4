import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { StatlineMappingResponse } from '../openapi/responses';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import type { StatlineMapping } from './statline-mappings.repository';
import { StatlineMappingsService } from './statline-mappings.service';
import { StatlineMappingDto } from './imports.dto';

/**
 * `GET /api/v1/statline-mappings`, `PUT /api/v1/statline-mappings/:signature {title?, columns:{header: indicator},
 * newIndicators?:{header: indicator definition}}`: the preview of a StatLine file answers its `tableSignature` and
 * `ignoredColumns`; mapping an ignored column here makes every later file of that table (next year's download) read it too.
 */
@Controller('v1/statline-mappings')
export class StatlineMappingsController {
  constructor(private readonly mappings: StatlineMappingsService) {}

  @Get()
  @Can('imports.create')
  @ApiOkResponse({ type: [StatlineMappingResponse] })
  list(): Promise<StatlineMapping[]> {
    return this.mappings.list();
  }

  @Put(':signature')
  @Can('imports.create')
  @ApiOkResponse({ type: StatlineMappingResponse })
  put(@Param('signature') signature: string, @Body() b: StatlineMappingDto, @CurrentPrincipal() p: Principal): Promise<StatlineMapping> {
    return this.mappings.save(signature, b, p.actor);
  }
}
