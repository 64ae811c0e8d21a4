import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { AREA_LEVELS } from 'contracts';
import { IsOneOf, IsOptional, IsOptionalOrEmpty, IsPeriod, rule, Satisfies } from '../common/dto';
import { ErrorSummary } from '../common/validation';

const LEVELS = [...AREA_LEVELS, 'unit'] as const;
const given = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** `GET /observations` and `/observations/provenance`. */
@ErrorSummary({ message: (errors) => errors.map((e) => e.message).join('; ') })
export class ObservationsQueryDto {
  @ApiPropertyOptional({ description: 'indicator codes, comma-separated', example: 'evictions,debt-signals' })
  @IsOptional()
  indicator?: string;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptionalOrEmpty()
  @Satisfies('isLevel', (v) => typeof v === 'string' && (LEVELS as readonly string[]).includes(v.trim()), rule(`level must be one of ${AREA_LEVELS.join(', ')}, unit`))
  level?: string;

  @ApiPropertyOptional({ description: 'area code; with `level`: the areas of that level inside it', example: 'GM0518' })
  @ValidateBy({
    name: 'levelNeedsArea',
    validator: { validate: (v, args) => !given((args?.object as { level?: unknown }).level) || given(v) },
  }, rule('level needs an area (the areas of that level inside it)'))
  area?: string;

  @ApiPropertyOptional({ description: 'first period', example: '2020' })
  @IsOptionalOrEmpty()
  @IsPeriod()
  from?: string;

  @ApiPropertyOptional({ description: 'last period (inclusive)', example: '2024-Q4' })
  @IsOptionalOrEmpty()
  @IsPeriod()
  to?: string;
}

/** `GET /observations/funnel`. */
@ErrorSummary({ message: (errors) => (errors.every((e) => e.message === 'required') ? `${errors.map((e) => e.field).join(', ')} required` : errors.map((e) => e.message).join('; ')) })
export class FunnelQueryDto {
  @ApiProperty({ description: 'indicator code (a proportion or rate)' })
  @Satisfies('isRequired', given, rule('required'))
  indicator!: string;

  @ApiProperty({ description: 'area code whose areas of `level` are compared', example: 'GM0518' })
  @Satisfies('isRequired', given, rule('required'))
  area!: string;

  @ApiPropertyOptional({ enum: LEVELS, default: 'district' })
  @IsOptionalOrEmpty()
  @IsOneOf(LEVELS, rule(`level must be one of ${AREA_LEVELS.join(', ')}, unit`))
  level?: string;

  @ApiProperty({ example: '2024' })
  @Satisfies('isRequired', given, rule('required'))
  @IsPeriod({}, true)
  period!: string;
}
