import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';
import { AREA_LEVELS, INDICATOR_TOPICS, MEASURES, POLARITIES, QUADRANTS, SUBJECT_KINDS, type AreaLevel, type IndicatorTopic, type Measure, type Polarity, type Quadrant, type SubjectKind } from 'contracts';
import { IsOneOf, IsOptional, IsOptionalNotNull, rule, Satisfies } from '../common/dto';
import { ErrorSummary } from '../common/validation';
import { MAX_MIN_COUNT } from '../policy';

export const INDICATOR_CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/** An optional text field: '', null or absent is "none"; otherwise a string of at most `max` characters. */
function OptionalText(field: string, max: number): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    Satisfies('isString', (v) => !given(v) || typeof v === 'string', rule(`${field} must be a string`))(target, key);
    Satisfies('maxText', (v) => typeof v !== 'string' || v.length <= max, rule(`${field} is longer than ${max} characters`))(target, key);
  };
}

/** `per`: a positive number; required when the measure is a rate. */
function IsPer(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPer',
      validator: {
        validate: (v, args) => (v === undefined || v === null ? (args?.object as { measure?: unknown }).measure !== 'rate' : typeof v === 'number' && Number.isFinite(v) && v > 0),
        defaultMessage: (args) => (args?.value === undefined || args?.value === null ? 'a rate needs per (e.g. 1000)' : 'per must be a positive number'),
      },
    },
    options,
  );
}

export class IndicatorNameDto {
  @ApiProperty()
  @Satisfies('isRequiredText', (v) => typeof v === 'string' && !!v.trim(), rule('name.nl is required'))
  nl!: string;

  @ApiProperty()
  @Satisfies('isRequiredText', (v) => typeof v === 'string' && !!v.trim(), rule('name.en is required'))
  en!: string;
}

export class LeadsToDto {
  @ApiProperty({ description: 'code of the indicator this one leads to' })
  @Satisfies('isIndicatorCode', (v) => typeof v === 'string' && INDICATOR_CODE.test(v), rule('indicator must be an indicator code'))
  indicator!: string;

  @ApiProperty({ minimum: 0, maximum: 24, description: 'periods' })
  @Satisfies('isLag', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 24, rule('maxLag must be a whole number of periods 0–24'))
  maxLag!: number;
}

/** One indicator of `POST /indicators` (upsert by code). */
@ErrorSummary({ message: (errors) => errors.map((e) => `${e.field}: ${e.message}`).slice(0, 5).join('; ') })
export class IndicatorInputDto {
  @ApiProperty({ pattern: INDICATOR_CODE.source, maxLength: 64, example: 'debt-signals' })
  @Satisfies('isRequired', given, rule('code is required'))
  @Satisfies('isString', (v) => !given(v) || typeof v === 'string', rule('code must be a string'))
  @Satisfies('maxText', (v) => typeof v !== 'string' || v.length <= 64, rule('code is longer than 64 characters'))
  @Satisfies('isCode', (v) => typeof v !== 'string' || !given(v) || INDICATOR_CODE.test(v.trim()), rule('code must be lower-case letters, digits, "-", "_" or "." (e.g. debt-signals)'))
  code!: string;

  @ApiProperty({ type: IndicatorNameDto })
  @Satisfies('isObject', (v) => typeof v === 'object' && v !== null && !Array.isArray(v), rule('name must be an object {nl, en}'))
  @ValidateNested()
  @Type(() => IndicatorNameDto)
  name!: IndicatorNameDto;

  @ApiProperty({ enum: QUADRANTS })
  @IsOneOf(QUADRANTS, rule(`quadrant must be one of ${QUADRANTS.join(', ')}`))
  quadrant!: Quadrant;

  @ApiProperty({ enum: MEASURES })
  @IsOneOf(MEASURES, rule(`measure must be one of ${MEASURES.join(', ')}`))
  measure!: Measure;

  @ApiProperty({ enum: POLARITIES })
  @IsOneOf(POLARITIES, rule(`polarity must be one of ${POLARITIES.join(', ')}`))
  polarity!: Polarity;

  @ApiPropertyOptional({ enum: SUBJECT_KINDS, default: 'area' })
  @IsOptionalNotNull()
  @IsOneOf(SUBJECT_KINDS, rule(`subjectKind must be one of ${SUBJECT_KINDS.join(', ')}`))
  subjectKind?: SubjectKind;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'a rate is per this many (e.g. 1000); required for a rate' })
  @IsPer({ context: { code: 'indicator.per.invalid' } })
  per?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_MIN_COUNT, description: 'small-numbers minimum: a whole number from the disclosure floor (DISCLOSURE_MIN_COUNT) to 1000' })
  @IsOptional()
  // The range depends on the operator's floor: the service checks it (policy `minCountAllowed`).
  @Satisfies('isMinCount', (v) => typeof v === 'number' && Number.isInteger(v), rule('minCount must be a whole number', 'indicator.minCount.whole'))
  minCount?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @OptionalText('theme', 100)
  theme?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @OptionalText('description', 2000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @OptionalText('statlineColumn', 500)
  statlineColumn?: string | null;

  @ApiPropertyOptional({ type: [LeadsToDto], nullable: true })
  @IsOptional()
  @IsArray(rule('leadsTo must be an array of {indicator, maxLag}'))
  @ValidateNested({ each: true })
  @Type(() => LeadsToDto)
  leadsTo?: LeadsToDto[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @OptionalText('source', 500)
  source?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @OptionalText('licence', 500)
  licence?: string | null;

  @ApiPropertyOptional({ enum: INDICATOR_TOPICS, nullable: true, description: 'what the indicator counts where a rule words it specially; omitted keeps the stored topic, null clears it' })
  @IsOptional()
  @IsOneOf(INDICATOR_TOPICS, rule(`topic must be one of ${INDICATOR_TOPICS.join(', ')} or null`))
  topic?: IndicatorTopic | null;
}

export class IndicatorsQueryDto {
  @ApiPropertyOptional({ description: 'keep the indicators with data in this area or inside it (code)' })
  @IsOptional()
  area?: string;

  @ApiPropertyOptional({ enum: AREA_LEVELS, description: 'keep the indicators with figures at this level (with area)' })
  @IsOptional()
  @IsOneOf(AREA_LEVELS, rule(`level must be one of ${AREA_LEVELS.join(', ')}`))
  level?: AreaLevel;
}
