import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CBS_SCHEDULES, type CbsSchedule } from 'contracts';
import { IsOneOf, IsOptional, IsOptionalOrEmpty, IsPeriod, rule, Satisfies } from '../common/dto';

export const TABLE_ID = /^[0-9]{5}[A-Z]{3}$/;

/**
 * `POST /cbs-sources` and `PATCH /cbs-sources/:id` (the patch is merged over the stored source
 * and checked whole). The service adds the checks against the catalogue (column keys and their
 * indicators) and answers every error in one 400 (`validation.failed`).
 */
export class CbsSourceDto {
  @ApiProperty({ example: '85984NED', description: 'StatLine table id (fixed once registered)' })
  @Satisfies('isTableId', (v) => typeof v === 'string' && TABLE_ID.test(v.trim().toUpperCase()), rule('must be a StatLine table id like 85984NED', 'cbs.table.invalid'))
  tableId!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @Satisfies('isText', (v) => typeof v === 'string', rule('must be text', 'validation.text'))
  name?: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { T001036: 'inhabitants' }, description: 'OData measure or column → indicator code' })
  @Satisfies(
    'isColumnMap',
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0,
    rule('map at least one column: {"<measure or column>": "<indicator code>"}', 'cbs.columns.empty'),
  )
  columns!: Record<string, string>;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2024', description: 'period of a table without a Perioden dimension' })
  @IsOptionalOrEmpty()
  @IsPeriod({ context: { code: 'cbs.period.invalid' } })
  period?: string | null;

  @ApiPropertyOptional({ enum: CBS_SCHEDULES, default: 'manual' })
  @IsOptional()
  @IsOneOf(CBS_SCHEDULES, rule(`must be one of ${CBS_SCHEDULES.join(', ')}`, 'cbs.schedule.invalid'))
  schedule?: CbsSchedule | null;
}

/** `PATCH /cbs-sources/:id`: any of the fields (the table id stays). */
export class CbsSourcePatchDto extends PartialType(CbsSourceDto) {}
