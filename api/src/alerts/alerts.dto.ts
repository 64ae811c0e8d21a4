import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';
import { QUADRANTS, RULES, SEVERITIES, type Quadrant, type RuleName, type Severity } from 'contracts';
import { IsOneOf, IsOptional, IsOptionalNotNull, PageQueryDto, Satisfies } from '../common/dto';
import { MODES, WEBHOOK_FORMATS, type Mode, type WebhookFormat } from './core';

const isCodeList = (v: unknown, max = 500) => Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 64);

/** The first of answer's messages that applies (field message `m`, answer `${field} …`). */
function says(field: string, message: string, answer: string): ValidationOptions {
  return { message, context: { answer: { message: answer } } };
}

/** A list of codes, each one of `allowed`: "unknown X" names the first that is not. */
function IsCodesOf(field: string, allowed: readonly string[], noun: string): PropertyDecorator {
  return ValidateBy({
    name: 'isCodesOf',
    validator: {
      validate: (v) => isCodeList(v) && (v as string[]).every((x) => allowed.includes(x)),
      defaultMessage: (args) => {
        if (!isCodeList(args?.value)) return 'list of codes';
        return `unknown ${(args!.value as string[]).find((x) => !allowed.includes(x))}`;
      },
    },
  }, { context: { answer: { message: `${field}: unknown or malformed ${noun}` } } });
}

export class AlertFilterDto {
  @ApiPropertyOptional({ type: [String], description: 'area codes (empty: every area)' })
  @IsOptional()
  @Satisfies('isCodeList', (v) => isCodeList(v), says('areas', 'list of codes', 'areas must be a list of codes'))
  areas?: string[] | null;

  @ApiPropertyOptional({ enum: QUADRANTS, isArray: true })
  @IsOptional()
  @IsCodesOf('quadrants', QUADRANTS, 'quadrant')
  quadrants?: Quadrant[] | null;

  @ApiPropertyOptional({ enum: RULES, isArray: true })
  @IsOptional()
  @IsCodesOf('rules', RULES, 'rule')
  rules?: RuleName[] | null;

  @ApiPropertyOptional({ enum: SEVERITIES, default: 'low' })
  @IsOptional()
  @IsOneOf(SEVERITIES, says('minSeverity', `one of ${SEVERITIES.join(', ')}`, `minSeverity must be one of ${SEVERITIES.join(', ')}`))
  minSeverity?: Severity | null;
}

/** `PUT /me/subscriptions`. */
export class SubscriptionDto extends AlertFilterDto {
  @ApiPropertyOptional({ enum: MODES, default: 'weekly' })
  @IsOptional()
  @IsOneOf(MODES, says('mode', `one of ${MODES.join(', ')}`, `mode must be one of ${MODES.join(', ')}`))
  mode?: Mode | null;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'also signals that stay open too long' })
  @IsOptionalNotNull()
  @Satisfies('isBoolean', (v) => typeof v === 'boolean', says('includeStale', 'boolean', 'includeStale must be true or false'))
  includeStale?: boolean;

  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' })
  @IsOptional()
  @IsOneOf(['nl', 'en'], says('language', 'one of nl, en', 'language must be one of nl, en'))
  language?: 'nl' | 'en' | null;
}

const isHttpUrl = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length > 2000) return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** `POST /webhooks`. */
export class WebhookDto {
  @ApiProperty({ format: 'uri', maxLength: 2000 })
  @Satisfies('isHttpUrl', isHttpUrl, says('url', 'http(s) URL', 'url must be an http(s) URL'))
  url!: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'the URL’s host when left out' })
  @IsOptionalNotNull()
  @Satisfies('isText', (v) => typeof v === 'string' && v.length <= 200, says('name', 'text', 'name must be text (at most 200 characters)'))
  name?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_FORMATS, default: 'json' })
  @IsOptional()
  @IsOneOf(WEBHOOK_FORMATS, says('format', `one of ${WEBHOOK_FORMATS.join(', ')}`, `format must be one of ${WEBHOOK_FORMATS.join(', ')}`))
  format?: WebhookFormat | null;

  @ApiPropertyOptional({ type: AlertFilterDto })
  @IsOptional()
  @Satisfies('isObject', (v) => typeof v === 'object' && v !== null && !Array.isArray(v), says('filter', 'object', 'filter must be an object'))
  @ValidateNested()
  @Type(() => AlertFilterDto)
  filter?: AlertFilterDto | null;
}

/** `PUT /signals/:id/owner`. */
export class OwnerDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'an active manager or analyst; null removes the owner' })
  @Satisfies('isUserIdOrNull', (v) => v === null || typeof v === 'string', says('userId', 'user id or null', 'userId must be a user id or null'))
  userId!: string | null;
}

/** `POST /alerts/run`. */
export class AlertsRunDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'plan digests as if it were this moment' })
  @IsOptionalNotNull()
  @Satisfies('isDateTime', (v) => typeof v === 'string' && !Number.isNaN(new Date(v).getTime()), says('at', 'ISO date-time', 'at must be an ISO date-time'))
  at?: string;
}

export class DeliveriesQueryDto extends PageQueryDto {}

export class UnsubscribeQueryDto {
  @ApiPropertyOptional({ description: 'the signed token from the mail' })
  @IsOptional()
  token?: string;
}
