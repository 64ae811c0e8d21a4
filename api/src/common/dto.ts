/**
 * Building blocks for request DTOs (class-validator + @nestjs/swagger): every endpoint that takes a
 * body or a query declares a class; the global `RequestValidationPipe` (common/validation.ts) checks
 * it and answers 400 naming each bad field. `rule()` attaches a field's stable message key.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { isPeriodError, parsePeriod } from '../core/period';
import { decodeCursor, MAX_PAGE_LIMIT } from './paging';
import type { RuleContext } from './validation';

/** Validation options with a message and, optionally, the field's message key and params (`RuleContext`). */
export function rule(message: string, code?: string, extra: Omit<RuleContext, 'code'> = {}): ValidationOptions {
  return { message, context: { ...(code ? { code } : {}), ...extra } };
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function IsIsoDate(options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isIsoDate', validator: { validate: (v) => isIsoDate(v) } }, options);
}

/** A string whose trimmed text has `min` to `max` characters (untrimmed length ≤ max). */
export function IsText(min: number, max: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isText', validator: { validate: (v) => typeof v === 'string' && v.trim().length >= min && v.length <= max } },
    options,
  );
}

/** One of `allowed` (exact string). */
export function IsOneOf(allowed: readonly string[], options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isOneOf', validator: { validate: (v) => typeof v === 'string' && allowed.includes(v) } }, options);
}

/** Any check as a function of the value. */
export function Satisfies(name: string, check: (v: unknown) => boolean, options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name, validator: { validate: (v) => check(v) } }, options);
}

/** Skips the other checks when the value is undefined, null or '' (an empty query parameter means "not given"). */
export function IsOptionalOrEmpty(): PropertyDecorator {
  return ValidateIf((_o, v) => v !== undefined && v !== null && v !== '');
}

/** Optional, but `null` is checked (only `undefined` skips the checks). */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_o, v) => v !== undefined);
}

export { IsOptional };

/** A period (`2024`, `2024-Q1`, `2024-03`, StatLine codes; surrounding spaces allowed); the message is the parser's reason. */
export function IsPeriod(options: ValidationOptions = {}, passMissing = false): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPeriod',
      validator: {
        validate: (v) => (passMissing && (typeof v !== 'string' || !v.trim())) || (typeof v === 'string' && !isPeriodError(parsePeriod(v.trim()))),
        defaultMessage: (args) => {
          if (typeof args?.value !== 'string') return 'must be text';
          const p = parsePeriod(args.value.trim());
          return isPeriodError(p) ? p.error : '';
        },
      },
    },
    options,
  );
}

/** `?limit=&cursor=` of the keyset-paged lists (DESIGN §4b). */
export class PageQueryDto {
  @ApiPropertyOptional({ description: `rows per page, 1–${MAX_PAGE_LIMIT}`, type: String, pattern: '^\\d+$' })
  @IsOptionalOrEmpty()
  @Satisfies('pageLimit', (v) => typeof v === 'string' && /^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PAGE_LIMIT, {
    message: `1–${MAX_PAGE_LIMIT}`,
    context: { answer: { message: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`, code: 'paging.limit', params: { max: MAX_PAGE_LIMIT } } },
  })
  limit?: string;

  @ApiPropertyOptional({ description: 'the opaque cursor from the previous page’s Link header' })
  @IsOptionalOrEmpty()
  @Satisfies('pageCursor', (v) => typeof v === 'string' && decodeCursor(v) !== null, {
    message: 'invalid',
    context: { answer: { message: 'cursor is not valid: use the link of the previous page', code: 'paging.cursor' } },
  })
  cursor?: string;
}

/** `?lang=nl|en` for texts rendered on the server (anything else means Dutch, as before). */
export class LangQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'], description: 'language of the texts; Dutch unless `en`' })
  @IsOptional()
  lang?: string;
}
