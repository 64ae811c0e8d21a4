import { Injectable } from '@nestjs/common';
import type { FieldError, Measure } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors';
import { checkDto } from '../common/validation';
import { loadDisclosureConfig } from '../disclosure/disclosure-config';
import { IndicatorInputDto } from '../indicators/indicators.dto';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { IndicatorsService } from '../indicators/indicators.service';
import { measureMismatch } from '../parsing';
import { minCountAllowed, minCountRange } from '../policy';
import { StatlineMappingsRepository, type StatlineMapping } from './statline-mappings.repository';

/** A column error: `field` is the StatLine column, `params.column` too, so the web names it. */
type ColumnError = FieldError & { params: Record<string, string | number> };

/** Why a StatLine column cannot be read into this indicator (new or existing), or null: it must be about areas and of a fitting measure. */
function columnMisfit(column: string, ind: { code: string; subjectKind: string; measure: Measure }): ColumnError | null {
  if (ind.subjectKind !== 'area') {
    return { field: column, message: `indicator ${ind.code} is about units (schools), StatLine columns are about areas`, code: 'mapping.subjectKind', params: { column } };
  }
  const mismatch = measureMismatch(column, ind.measure);
  return mismatch ? { field: column, message: mismatch, code: 'mapping.measure', params: { column, measure: ind.measure } } : null;
}

/**
 * Saving a StatLine table's column mapping (issue 16): ignored columns read into existing
 * indicators, or into new ones defined right in the preview (name, quadrant, measure, polarity,
 * unit of `per`, minimum count). Everything is checked before anything is written: a refused
 * mapping leaves no half-made indicators behind.
 */
@Injectable()
export class StatlineMappingsService {
  constructor(
    private readonly mappings: StatlineMappingsRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly catalogueService: IndicatorsService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<StatlineMapping[]> {
    return this.mappings.list();
  }

  async save(
    signature: string,
    body: { title?: string | null; columns: Record<string, unknown>; newIndicators?: Record<string, unknown> | null },
    actor: string,
  ): Promise<StatlineMapping> {
    if (!/^cols-[0-9a-f]{24}$/.test(signature)) {
      throw new InvalidInputError('signature must be the tableSignature of a StatLine preview', [{ field: 'signature', message: 'unknown signature format', code: 'mapping.signature' }]);
    }
    const catalogue = new Map((await this.indicators.list()).map((i) => [i.code, i]));
    const errors: ColumnError[] = [];
    const columns: Record<string, string> = {};
    const created: IndicatorInputDto[] = [];
    const { floor } = loadDisclosureConfig();
    for (const [column, def] of Object.entries(body.newIndicators ?? {})) {
      // A new indicator read from a StatLine column is about areas and remembers where it comes from.
      const input = typeof def === 'object' && def !== null && !Array.isArray(def) ? { subjectKind: 'area', ...def } : def;
      const { value, errors: fieldErrors } = await checkDto(IndicatorInputDto, input);
      for (const e of fieldErrors) {
        errors.push({ field: column, message: `new indicator for ${JSON.stringify(column)}: ${e.field} ${e.message}`, code: e.code ?? 'mapping.newIndicator.invalid', params: { ...(e.params ?? {}), column, field: e.field } });
      }
      if (fieldErrors.length) continue;
      const code = value.code.trim();
      if (catalogue.has(code) || created.some((c) => c.code.trim() === code)) {
        errors.push({ field: column, message: `indicator ${code} exists already: choose it from the list or give the new one another name`, code: 'mapping.codeTaken', params: { column, code } });
        continue;
      }
      if (value.minCount !== undefined && value.minCount !== null && !minCountAllowed(value.minCount, floor)) {
        const range = minCountRange(floor);
        errors.push({ field: column, message: `new indicator for ${JSON.stringify(column)}: minCount must be a whole number from ${range.min} (the disclosure floor) to ${range.max}`, code: 'indicator.minCount.range', params: { ...range, column, field: 'minCount' } });
        continue;
      }
      const misfit = columnMisfit(column, { code, subjectKind: value.subjectKind ?? 'area', measure: value.measure });
      if (misfit) {
        errors.push(misfit);
        continue;
      }
      created.push(value);
      columns[column.trim()] = code;
    }
    for (const [column, code] of Object.entries(body.columns)) {
      if (body.newIndicators && column in body.newIndicators) continue;
      const ind = typeof code === 'string' ? catalogue.get(code) : undefined;
      if (!ind) {
        errors.push({ field: column, message: `unknown indicator ${JSON.stringify(code)}`, code: 'mapping.unknownIndicator', params: { column } });
        continue;
      }
      const misfit = columnMisfit(column, ind);
      if (misfit) {
        errors.push(misfit);
        continue;
      }
      columns[column.trim()] = ind.code;
    }
    if (errors.length) throw new InvalidInputError(`${errors.length} column${errors.length === 1 ? '' : 's'} cannot be mapped: ${errors.map((e) => e.message).join('; ')}`, errors, { code: 'mapping.invalid' });
    if (created.length) await this.catalogueService.upsertChecked({ items: created, many: true }, actor);
    await this.mappings.put(signature, typeof body.title === 'string' ? body.title : null, columns, actor);
    await this.audit.record({ actor, action: 'statline-mapping.saved', target: signature, details: { columns, created: created.map((c) => c.code) } });
    return (await this.mappings.get(signature)) as StatlineMapping;
  }
}
