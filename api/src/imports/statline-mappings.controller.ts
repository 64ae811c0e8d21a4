import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { StatlineMappingResponse } from '../openapi/responses';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { InvalidInputError } from '../common/errors';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { measureMismatch } from '../parsing';
import { StatlineMappingsRepository, type StatlineMapping } from './statline-mappings.repository';
import { StatlineMappingDto } from './imports.dto';

/**
 * `GET /api/v1/statline-mappings`, `PUT /api/v1/statline-mappings/:signature {title?, columns:{header: indicator}}`:
 * the preview of a StatLine file answers its `tableSignature` and `ignoredColumns`; mapping an
 * ignored column here makes every later file of that table (next year's download) read it too.
 */
@Controller('v1/statline-mappings')
export class StatlineMappingsController {
  constructor(
    private readonly mappings: StatlineMappingsRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Can('imports.create')
  @ApiOkResponse({ type: [StatlineMappingResponse] })
  list(): Promise<StatlineMapping[]> {
    return this.mappings.list();
  }

  @Put(':signature')
  @Can('imports.create')
  @ApiOkResponse({ type: StatlineMappingResponse })
  async put(@Param('signature') signature: string, @Body() b: StatlineMappingDto, @CurrentPrincipal() p: Principal): Promise<StatlineMapping> {
    if (!/^cols-[0-9a-f]{24}$/.test(signature)) {
      throw new InvalidInputError('signature must be the tableSignature of a StatLine preview', [{ field: 'signature', message: 'unknown signature format', code: 'mapping.signature' }]);
    }
    const catalogue = new Map((await this.indicators.list()).map((i) => [i.code, i]));
    const errors: { field: string; message: string; code: string; params?: Record<string, string> }[] = [];
    const columns: Record<string, string> = {};
    for (const [column, code] of Object.entries(b.columns)) {
      const ind = typeof code === 'string' ? catalogue.get(code) : undefined;
      if (!ind) {
        errors.push({ field: column, message: `unknown indicator ${JSON.stringify(code)}`, code: 'mapping.unknownIndicator', params: { column } });
        continue;
      }
      if (ind.subjectKind !== 'area') {
        errors.push({ field: column, message: `indicator ${ind.code} is about units (schools), StatLine columns are about areas`, code: 'mapping.subjectKind', params: { column } });
        continue;
      }
      const mismatch = measureMismatch(column, ind.measure);
      if (mismatch) {
        errors.push({ field: column, message: mismatch, code: 'mapping.measure', params: { column, measure: ind.measure } });
        continue;
      }
      columns[column.trim()] = ind.code;
    }
    if (errors.length) throw new InvalidInputError(`${errors.length} column${errors.length === 1 ? '' : 's'} cannot be mapped: ${errors.map((e) => e.message).join('; ')}`, errors, { code: 'mapping.invalid' });
    await this.mappings.put(signature, typeof b.title === 'string' ? b.title : null, columns, p.actor);
    await this.audit.record({ actor: p.actor, action: 'statline-mapping.saved', target: signature, details: { columns } });
    return (await this.mappings.get(signature)) as StatlineMapping;
  }
}
