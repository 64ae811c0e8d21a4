import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { classifyDatabaseError, RETRY_AFTER_SECONDS } from './database-errors';
import {
  ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError, PayloadTooLargeError, TooManyRequestsError, UnauthorizedError,
  UnprocessableError,
} from './errors';

const STATUS = new Map<new (...args: never[]) => DomainError, number>([
  [NotFoundError, 404],
  [InvalidInputError, 400],
  [ConflictError, 409],
  [UnprocessableError, 422],
  [PayloadTooLargeError, 413],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [TooManyRequestsError, 429],
]);

/**
 * A stable message key per status, for errors that carry no more specific `code` (docs/design.md §4b):
 * the web app translates `code` and falls back to `message`.
 */
export const DEFAULT_CODES: Readonly<Record<number, string>> = {
  400: 'error.invalid',
  401: 'error.unauthorized',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
  413: 'error.tooLarge',
  415: 'error.unsupportedMediaType',
  422: 'error.unprocessable',
  429: 'error.tooManyRequests',
  500: 'error.internal',
  503: 'error.unavailable',
};

/** Adds the status's default `code` when the error named none. */
export function withCode(status: number, body: Record<string, unknown>): Record<string, unknown> {
  if (typeof body.code === 'string' && body.code) return body;
  return { ...body, code: DEFAULT_CODES[status] ?? (status >= 500 ? 'error.internal' : 'error.invalid') };
}

/** The one error shape of the API: `{statusCode, message, code, params?, errors?}`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const db = classifyDatabaseError(exception);
    const { status, body: bare } = db
      ? { status: db.status, body: { statusCode: db.status, message: db.message, code: db.status === 503 ? 'error.unavailable' : 'error.invalid' } }
      : this.toBody(exception);
    const body = withCode(status, bare);
    if (status === 503 && !res.headersSent) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (status === 503) this.warnUnavailable(`${req.method} ${req.originalUrl}: ${body.message}`);
    else if (status >= 500) this.logger.error(`${req.method} ${req.originalUrl}: ${String((exception as Error)?.stack ?? exception)}`);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json(body);
  }

  private lastUnavailableWarning = 0;
  private unavailableSinceWarning = 0;

  /** 503s come in bursts under load or while the database is down: one line per 10 s, no stack. */
  private warnUnavailable(line: string): void {
    this.unavailableSinceWarning++;
    const now = Date.now();
    if (now - this.lastUnavailableWarning < 10_000) return;
    this.logger.warn(`503 × ${this.unavailableSinceWarning} (latest ${line})`);
    this.lastUnavailableWarning = now;
    this.unavailableSinceWarning = 0;
  }

  private toBody(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      const status = STATUS.get(exception.constructor as new () => DomainError) ?? 400;
      return {
        status,
        body: { statusCode: status, message: exception.message, ...(exception.errors ? { errors: exception.errors } : {}), ...exception.extra },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Record<string, unknown>;
        const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
        return {
          status,
          body: { statusCode: status, message, ...(typeof r.code === 'string' ? { code: r.code } : {}), ...(r.params ? { params: r.params } : {}), ...(r.errors ? { errors: r.errors } : {}) },
        };
      }
      return { status, body: { statusCode: status, message: String(response) } };
    }
    // body-parser and friends signal with a `status`/`type` on a plain error.
    const e = exception as { status?: number; type?: string; message?: string } | null;
    if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      if (e.type === 'entity.too.large') return { status: e.status, body: { statusCode: e.status, code: 'error.tooLarge', message: `Request body is larger than the limit of ${(e as { limit?: number }).limit ?? 'the configured'} bytes (JSON_LIMIT; BODY_LIMIT on import routes)` } };
      if (e.type === 'entity.parse.failed') return { status: e.status, body: { statusCode: e.status, code: 'error.badJson', message: 'Request body is not valid JSON' } };
      const message = e.message ?? 'Bad request';
      return { status: e.status, body: { statusCode: e.status, message } };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { statusCode: 500, message: 'Internal server error' } };
  }
}
