import { Controller, Get, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { UnitInputBody, UnitSummaryResponse, UpsertedResponse } from '../openapi/responses';
import type { Request } from 'express';
import type { UnitSummary } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { InvalidInputError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isJson, readUploadText } from '../common/request-body';
import { readNamedCsv } from '../parsing/small-csv';
import { UnitsService } from './units.service';
import { UnitsQueryDto } from './units.dto';

@Controller('v1/units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: [UnitSummaryResponse] })
  list(@Query() q: UnitsQueryDto): Promise<UnitSummary[]> {
    return this.units.list(q.area);
  }

  /** JSON array `{code,name,kind,area}` or CSV `code,name,kind,area` (text/csv or multipart `file`). */
  @Post()
  @Can('imports.create')
  @ApiConsumes('application/json', 'text/csv', 'multipart/form-data')
  @ApiBody({ description: 'JSON array of units {code, name, kind, area}, or CSV `code,name,kind,area` (text/csv or multipart field `file`)', schema: { oneOf: [{ type: 'array', items: { $ref: getSchemaPath(UnitInputBody) } }, { type: 'string', format: 'binary' }] } })
  @ApiCreatedResponse({ type: UpsertedResponse })
  async upsert(@Req() req: Request, @CurrentPrincipal() p: Principal): Promise<{ upserted: number }> {
    if (isJson(req)) {
      const body: unknown = req.body;
      const list = Array.isArray(body) ? body : [body];
      if (!list.every((x) => typeof x === 'object' && x !== null)) throw new InvalidInputError('Send a JSON array of units {code,name,kind,area}');
      return this.units.upsert(list.map((values: Record<string, unknown>, i) => ({ line: i + 1, values })), p.actor);
    }
    const { bytes } = await readUploadText(req, this.config.bodyLimitBytes);
    return this.units.upsert(readNamedCsv(bytes, ['code', 'name', 'kind', 'area']), p.actor);
  }
}
