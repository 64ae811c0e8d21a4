import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIsoDate, IsOptional, IsText, rule, Satisfies } from '../common/dto';

export class AnnotationsQueryDto {
  @ApiPropertyOptional({ description: 'indicator code' })
  @IsOptional()
  @IsText(0, 200, rule('must be an indicator code'))
  indicator?: string;

  @ApiPropertyOptional({ description: 'area code' })
  @IsOptional()
  @IsText(0, 200, rule('must be an area code'))
  area?: string;
}

export class LocalizedTextInput {
  @ApiProperty()
  nl!: string;

  @ApiPropertyOptional({ description: 'the Dutch text when left out' })
  en?: string;
}

/** A text or `{nl, en?}` whose Dutch text is 1 to 2000 characters. */
function isAnnotationText(v: unknown): boolean {
  if (typeof v === 'string') return !!v.trim() && v.trim().length <= 2000;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const t = v as { nl?: unknown; en?: unknown };
  return typeof t.nl === 'string' && !!t.nl.trim() && t.nl.trim().length <= 2000;
}

export class CreateAnnotationDto {
  @ApiProperty({ format: 'date', example: '2024-03-01' })
  @IsIsoDate(rule('must be a date like 2024-03-01'))
  date!: string;

  @ApiPropertyOptional({ type: [String], description: 'indicator codes (none: about the area as a whole)' })
  @IsOptional()
  @Satisfies('isCodeList', (v) => Array.isArray(v) && v.every((i) => typeof i === 'string' && i.length > 0 && i.length <= 100), rule('must be a list of indicator codes'))
  indicators?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'area code' })
  @IsOptional()
  @Satisfies('isAreaCode', (v) => typeof v === 'string', rule('must be an area code'))
  area?: string | null;

  @ApiProperty({ oneOf: [{ type: 'string', maxLength: 2000 }, { $ref: getSchemaPath(LocalizedTextInput) }] })
  @Satisfies('isAnnotationText', isAnnotationText, rule('must be a text (or {nl,en}) of at most 2000 characters'))
  text!: string | { nl: string; en?: string };
}
