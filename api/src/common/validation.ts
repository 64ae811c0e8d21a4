import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from 'contracts';

/**
 * The one validation path for JSON bodies and queries (DTO classes with class-validator, see
 * `common/dto.ts`): 400 in the API's error shape `{message, code?, params?, errors: FieldError[]}`,
 * naming every bad field. A decorator's `context` (built with `rule()` in `common/dto.ts`) gives
 * the field's stable message key and params, and for a lone error also the whole answer's.
 */
export interface RuleContext {
  code?: string;
  params?: Record<string, string | number>;
  /** When this is the only error: the answer's `message`, `code` and `params`. */
  answer?: { message?: string; code?: string; params?: Record<string, string | number> };
}

/** Class-level: how a DTO's errors are summed up (`code` of the answer; `message` from the field errors). */
export interface ErrorSummary {
  code?: string;
  params?: Record<string, string | number>;
  message?: (errors: FieldError[]) => string;
}
const SUMMARY = Symbol('wijksignaal:error-summary');

/** Class decorator: the answer's code and message when this DTO fails validation. */
export function ErrorSummary(summary: ErrorSummary): ClassDecorator {
  return (target) => Reflect.defineMetadata(SUMMARY, summary, target);
}

/** `items[0].code`, `leadsTo[1].maxLag`, `name.nl`: array indexes in brackets, as the hand checks wrote them. */
function join(prefix: string, property: string): string {
  if (/^\d+$/.test(property)) return `${prefix}[${property}]`;
  return prefix ? `${prefix}.${property}` : property;
}

interface Flat extends FieldError {
  answer?: RuleContext['answer'];
}

export function flatten(errors: ValidationError[], prefix = ''): Flat[] {
  return errors.flatMap((e) => {
    const field = join(prefix, e.property);
    const own = Object.entries(e.constraints ?? {}).map(([name, message]): Flat => {
      const ctx = (e.contexts?.[name] ?? {}) as RuleContext;
      if (name === 'whitelistValidation') return { field, message: `unknown field ${e.property}` };
      // An answer written for the bare property ("areas must be …") names the nested field ("filter.areas must be …").
      const answer = ctx.answer?.message?.startsWith(e.property) ? { ...ctx.answer, message: field + ctx.answer.message.slice(e.property.length) } : ctx.answer;
      return { field, message, ...(ctx.code ? { code: ctx.code } : {}), ...(ctx.params ? { params: ctx.params } : {}), ...(answer ? { answer } : {}) };
    });
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The 400 for a list of validation errors of `dto` (a DTO class, when known). */
export function validationFailure(errors: ValidationError[] | Flat[], dto?: unknown): BadRequestException {
  const flat = errors.length && 'property' in errors[0] ? flatten(errors as ValidationError[]) : (errors as Flat[]);
  const list: FieldError[] = flat.map(({ answer: _a, ...e }) => e);
  const summary = (typeof dto === 'function' ? (Reflect.getMetadata(SUMMARY, dto) as ErrorSummary | undefined) : undefined) ?? {};
  const lone = flat.length === 1 ? flat[0].answer : undefined;
  const message = lone?.message ?? summary.message?.(list) ?? (list.map((e) => (e.message.startsWith(e.field) ? e.message : `${e.field} ${e.message}`)).join('; ') || 'Invalid request');
  const code = lone?.code ?? summary.code;
  const params = lone?.params ?? summary.params;
  return new BadRequestException({ message, ...(code ? { code } : {}), ...(params ? { params } : {}), errors: list });
}

const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false, validationError: { target: false, value: false } };

/**
 * One DTO or a non-empty array of them (`POST /indicators`), checked with the DTO's rules; fields
 * of array items are named `[i].field`. Also for callers outside HTTP (start-up seeding).
 */
export async function validateOneOrMany<T extends object>(dto: new () => T, body: unknown): Promise<{ items: T[]; many: boolean }> {
  const many = Array.isArray(body);
  const raw: unknown[] = many ? (body as unknown[]) : [body];
  if (raw.length === 0) throw validationFailure([{ field: '', message: 'empty array', answer: { message: 'Send one indicator or a non-empty array' } }], dto);
  const flat: Flat[] = [];
  const items: T[] = [];
  for (let i = 0; i < raw.length; i++) {
    const prefix = many ? `[${i}]` : '';
    const value = raw[i];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      flat.push({ field: prefix, message: 'must be an object' });
      continue;
    }
    const item = plainToInstance(dto, value);
    flat.push(...flatten(await validate(item, VALIDATOR_OPTIONS), prefix));
    items.push(item);
  }
  if (flat.length) throw validationFailure(flat, dto);
  return { items, many };
}

/**
 * The DTO's field errors for `value` without throwing, for a service that adds its own checks
 * against stored data (unknown indicator …) and answers them all in one 400.
 */
export async function checkDto<T extends object>(dto: new () => T, value: unknown, prefix = ''): Promise<{ value: T; errors: FieldError[] }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { value: new dto(), errors: [{ field: prefix || 'body', message: 'must be an object' }] };
  const item = plainToInstance(dto, value);
  return { value: item, errors: flatten(await validate(item, VALIDATOR_OPTIONS), prefix).map(({ answer: _a, ...e }) => e) };
}

/** Per-route pipe for a body that is one DTO or an array of them. */
export class OneOrManyPipe<T extends object> implements PipeTransform {
  constructor(private readonly dto: new () => T) {}

  transform(value: unknown): Promise<{ items: T[]; many: boolean }> {
    return validateOneOrMany(this.dto, value);
  }
}

/** Carries class-validator's errors from the exception factory to `DtoValidationPipe.transform`, which knows the DTO. */
class Failed {
  constructor(readonly errors: ValidationError[]) {}
}

class DtoValidationPipe extends ValidationPipe {
  constructor(forQuery: boolean) {
    super({
      whitelist: true,
      // A body may hold only the DTO's fields; a query may carry others (ignored, as always).
      forbidNonWhitelisted: !forQuery,
      transform: true,
      exceptionFactory: (errors) => new Failed(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof Failed) {
        // A top-level array or text where the DTO wants an object: "body must be an object".
        const errors = e.errors.map((x) => (x.constraints?.isObject ? { ...x, property: '', constraints: { isObject: `${metadata.type} must be an object` } } : x));
        throw validationFailure(errors as ValidationError[], metadata.metatype);
      }
      throw e;
    }
  }
}

/** Dispatches to the body or query validation pipe. */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  private readonly body = new DtoValidationPipe(false);
  private readonly query = new DtoValidationPipe(true);

  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return (metadata.type === 'query' ? this.query : this.body).transform(value, metadata);
  }
}

export function createValidationPipe(): PipeTransform {
  return new RequestValidationPipe();
}
