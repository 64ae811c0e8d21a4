import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, map, switchMap, type Observable } from 'rxjs';
import type { Principal } from '../common/principal';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { filterForScope, municipalityOfArea, namedCodes, type MunicipalityOf } from './scope';
import { ScopeRepository } from './scope.repository';

/**
 * Public reference data stays visible to everyone signed in (issue 12 §2): the area register and
 * boundaries, the indicator catalogue, the unit register, signal settings; and the account and
 * sign-in routes (users, keys, audit are admin-only anyway).
 */
export const PUBLIC_REFERENCE_ROUTES: ReadonlySet<string> = new Set([
  '/api/v1/areas',
  '/api/v1/areas/:code',
  '/api/v1/areas/:code/boundaries',
  '/api/v1/indicators',
  '/api/v1/units',
  '/api/v1/signal-settings',
  '/api/health',
]);
const ACCOUNT_ROUTES = /^\/api\/v1\/(auth|users|api-keys|audit|me)(\/|$)/;
/** Writes of figures: a scoped account may not import (a file may hold any municipality's rows). */
const IMPORT_WRITES = new Set(['POST /api/v1/imports', 'POST /api/v1/observations', 'POST /api/v1/areas/boundaries']);

/**
 * Municipality scope in the API, on every read and write (issue 12 §2). For a caller whose account
 * is limited to some municipalities:
 * - a request naming an area of another municipality (route parameter, query, JSON body) → 403;
 * - a meeting or signal of another municipality addressed by id → 404 before anything is done;
 * - imports → 403 (a file may hold any municipality's rows); import history shows own imports only;
 * - every answer is filtered: rows, evidence points, agenda items and group members about other
 *   municipalities are removed (see scope.ts), an answer that is about one as a whole is 404.
 * Unscoped callers (scope null, API keys) pass untouched.
 */
@Injectable()
export class ScopeInterceptor implements NestInterceptor {
  constructor(private readonly repo: ScopeRepository) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const allowedList = req.principal?.municipalities;
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    if (!allowedList || PUBLIC_REFERENCE_ROUTES.has(route) || ACCOUNT_ROUTES.test(route)) return next.handle();
    const allowed = new Set(allowedList);
    return from(this.before(req, route, allowed)).pipe(
      switchMap((of) => next.handle().pipe(map((body) => this.after(req, route, body, allowed, of)))),
    );
  }

  private async before(req: Request & { principal?: Principal }, route: string, allowed: ReadonlySet<string>): Promise<MunicipalityOf> {
    if (IMPORT_WRITES.has(`${req.method} ${route}`)) {
      throw new ForbiddenError('Importing needs an account for all municipalities: a file may hold figures of any municipality', undefined, { code: 'scope.import' });
    }
    const units = await this.repo.unitMunicipalities();
    const of: MunicipalityOf = (code) => municipalityOfArea(code) ?? units.get(code) ?? null;
    const body = ['POST', 'PUT', 'PATCH'].includes(req.method) ? (req.body as unknown) : undefined;
    for (const code of namedCodes(req.params ?? {}, req.query as Record<string, unknown>, body)) {
      const m = of(code);
      if (m !== null && !allowed.has(m)) throw new ForbiddenError(`Your account does not cover ${code}`, undefined, { code: 'scope.forbidden', params: { area: code } });
    }
    const id = typeof req.params?.id === 'string' ? req.params.id : null;
    if (id && route.startsWith('/api/v1/meetings/:id')) {
      const area = await this.repo.meetingArea(id);
      if (area !== null && !allowed.has(of(area) ?? '')) throw new NotFoundError(`No meeting ${id}`);
    }
    const signalIds = [route.startsWith('/api/v1/signals/:id') ? id : null, typeof (body as { signalId?: unknown } | undefined)?.signalId === 'string' ? (body as { signalId: string }).signalId : null];
    for (const sid of signalIds) {
      if (!sid) continue;
      const subjects = await this.repo.signalSubjects(sid);
      if (subjects?.some((s) => { const m = of(s); return m !== null && !allowed.has(m); })) throw new NotFoundError(`No signal ${sid}`);
    }
    return of;
  }

  private after(req: Request & { principal?: Principal }, route: string, body: unknown, allowed: ReadonlySet<string>, of: MunicipalityOf): unknown {
    if (route === '/api/v1/imports' && Array.isArray(body)) return body.filter((b: { createdBy?: string }) => b.createdBy === req.principal?.actor);
    if (route === '/api/v1/imports/:id' && body && (body as { createdBy?: string }).createdBy !== req.principal?.actor) throw new NotFoundError('No such import');
    if (typeof body !== 'object' || body === null) return body;
    const result = filterForScope(body, allowed, of);
    if (result.denied) throw new NotFoundError('Not found');
    return result.body;
  }
}
