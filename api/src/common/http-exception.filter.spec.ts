import { ForbiddenException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { ConflictError, NotFoundError, UnauthorizedError } from './errors';
import { HttpExceptionFilter, withCode } from './http-exception.filter';

/** Runs the filter on an exception and returns the status and JSON body it sent. */
function send(exception: unknown): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const res = {
    headersSent: false,
    setHeader: () => undefined,
    status(s: number) { out.status = s; return this; },
    json(b: Record<string, unknown>) { out.body = b; return this; },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'GET', originalUrl: '/x' }) }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return out;
}

describe('error bodies carry a stable code (docs/design.md §4b)', () => {
  it('keeps a specific code and its params', () => {
    const { status, body } = send(new ConflictError('A signal that is decided cannot move to open', undefined, { code: 'signals.cannotMove', params: { from: 'decided', to: 'open' } }));
    expect(status).toBe(409);
    expect(body).toEqual({ statusCode: 409, message: expect.any(String), code: 'signals.cannotMove', params: { from: 'decided', to: 'open' } });
  });

  it('gives every other error its status default', () => {
    expect(send(new NotFoundError('Unknown area GM9999')).body.code).toBe('error.notFound');
    expect(send(new UnauthorizedError('E-mail address or password is incorrect', undefined, { code: 'auth.invalidCredentials' })).body.code).toBe('auth.invalidCredentials');
    expect(send(new ForbiddenException()).body).toMatchObject({ statusCode: 403, code: 'error.forbidden' });
    expect(send(Object.assign(new Error('bad'), { status: 400, type: 'entity.parse.failed' })).body).toMatchObject({ statusCode: 400, code: 'error.badJson' });
    expect(send(new Error('boom')).body).toEqual({ statusCode: 500, message: 'Internal server error', code: 'error.internal' });
  });

  it('falls back by status class for statuses without a default', () => {
    expect(withCode(418, {}).code).toBe('error.invalid');
    expect(withCode(502, {}).code).toBe('error.internal');
    expect(withCode(404, { code: 'areas.unknown' }).code).toBe('areas.unknown');
  });
});
