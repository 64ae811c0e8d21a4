import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOneOf, IsOptional, IsOptionalNotNull, PageQueryDto, rule, Satisfies } from '../common/dto';

/** `POST /imports?format=&source=&period=&dryRun=`. */
export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['auto', 'long', 'statline'], default: 'auto', description: 'auto: detected from the header' })
  @IsOptionalNotNull()
  @IsOneOf(['auto', 'long', 'statline'], rule('must be auto, long or statline', 'import.format.invalid', { answer: { message: 'format must be auto, long or statline', code: 'import.format.invalid' } }))
  format?: 'auto' | 'long' | 'statline';

  @ApiPropertyOptional({ description: 'where the figures come from (provenance, shown in the history); default: the file name', maxLength: 200 })
  @IsOptional()
  @Satisfies('maxText', (v) => typeof v === 'string' && v.length <= 200, rule('source is longer than 200 characters', 'import.sourceTooLong', { params: { max: 200 }, answer: { message: 'source is longer than 200 characters', code: 'import.sourceTooLong', params: { max: 200 } } }))
  source?: string;

  @ApiPropertyOptional({ description: 'the period of a file without a period column (StatLine table or long CSV); a file with its own periods keeps them and a different period here is refused', example: '2022' })
  @IsOptional()
  period?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: validate, write nothing, answer the summary' })
  @IsOptionalNotNull()
  @IsOneOf(['true', 'false'], rule('must be true or false', undefined, { answer: { message: 'dryRun must be true or false' } }))
  dryRun?: 'true' | 'false';
}

/** `GET /imports?limit=&offset=` (newest first). */
export class ImportsListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, description: 'rows to skip on the first page (older way in; use `cursor` from the Link header)', deprecated: true })
  @IsOptional()
  @Satisfies('isNumberText', () => true, rule('a number'))
  offset?: string;
}

/** `PUT /statline-mappings/:signature`. */
export class StatlineMappingDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Satisfies('isText', (v) => typeof v === 'string', rule('must be a string', undefined, { answer: { message: 'title must be a string' } }))
  title?: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'StatLine column header → indicator code', example: { 'Roker (%)': 'smokers' } })
  @Satisfies(
    'isColumnMap',
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    rule('must be an object', 'mapping.columns', { answer: { message: 'Send {columns: {"<StatLine column>": "<indicator code>"}, title?}' } }),
  )
  columns!: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'object' },
    description: 'StatLine column header → a new indicator read from it ({code, name:{nl,en}, quadrant, measure, polarity, per?, minCount?, …} as in POST /indicators; subjectKind area); created together with the mapping',
  })
  @IsOptional()
  @Satisfies(
    'isNewIndicatorMap',
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    rule('must be an object', 'mapping.newIndicators', { answer: { message: 'newIndicators: send {"<StatLine column>": {code, name, quadrant, measure, polarity, per?, minCount?}}' } }),
  )
  newIndicators?: Record<string, unknown> | null;
}
