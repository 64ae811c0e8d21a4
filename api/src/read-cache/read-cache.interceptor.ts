import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, map, of, switchMap, type Observable } from 'rxjs';
import type { Principal } from '../common/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DataVersionRepository } from './data-version.repository';
import { Lru } from './lru';

/**
 * The reads whose answer depends only on the data (and on who asks): the main reads of every page.
 * Lists of accounts, keys, imports and runs are cheap and change outside the data; briefs are HTML.
 */
export const CACHED_ROUTES: ReadonlySet<string> = new Set([
  '/api/v1/observations',
  '/api/v1/observations/funnel',
  '/api/v1/observations/provenance',
  '/api/v1/indicators',
  '/api/v1/units',
  '/api/v1/areas',
  '/api/v1/areas/:code',
  '/api/v1/areas/search',
  '/api/v1/areas/coverage',
  '/api/v1/areas/:code/boundaries',
  '/api/v1/areas/:code/quadrants',
  '/api/v1/summary/:areaCode',
  '/api/v1/signals',
  '/api/v1/signals/:id',
  '/api/v1/annotations',
  '/api/v1/meetings',
  '/api/v1/meetings/:id',
]);

/** Response headers a handler may set that belong to the answer (paging). */
const KEPT_HEADERS = ['link'] as const;

export interface Entry {
  version: string;
  body: unknown;
  headers: [string, string][];
  /** The body as JSON, made on the first send and reused by every hit (the entry's body never changes). */
  text?: string;
}

/**
 * Sends an entry's body as the JSON text made once for it. Serialising was most of a hit's cost for
 * the larger answers (80 kB inbox page: half the CPU, bench:api profile). Only the entry's own body is
 * served from its text: a body an outer interceptor rebuilt (the municipality scope filters into new
 * objects) is serialised as usual. Express's `res.json` makes the same text with its default settings.
 */
export function sendFromEntry(res: Response, entry: Entry): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    if (body !== entry.body || body === null || typeof body !== 'object') return json(body);
    entry.text ??= JSON.stringify(body);
    if (!res.get('Content-Type')) res.set('Content-Type', 'application/json; charset=utf-8');
    return res.send(entry.text);
  };
}

/**
 * Answers that depend only on the data version are served from memory and carry an ETag
 * (issue 14). The key is the caller (disclosure and scope differ per role and user) and the full
 * URL; an entry is good while the database's data version (moved at the commit of any change,
 * by any process) is the one it was computed under. The version is read on every request, so an
 * import or a status change is seen by the next answer at once, on every instance.
 */
@Injectable()
export class ReadCacheInterceptor implements NestInterceptor {
  private readonly cache: Lru<string, Entry>;
  /**
   * Answers being computed, by key and version: concurrent misses for the same answer share one
   * computation (single flight) instead of each taking a database connection — 100 clients asking
   * for the same quadrant view after an import no longer exhaust the pool.
   */
  private readonly inflight = new Map<string, Promise<Entry>>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly versions: DataVersionRepository,
  ) {
    this.cache = new Lru(config.readCacheEntries);
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const route = (req.route as { path?: string } | undefined)?.path;
    if (req.method !== 'GET' || !req.principal || !route || !CACHED_ROUTES.has(route)) return next.handle();
    const p = req.principal;
    const key = `${p.kind}:${p.id}:${p.role ?? ''}:${p.municipalities?.join(',') ?? '*'}\u0000${req.originalUrl}`;
    return from(this.versions.current()).pipe(
      switchMap((version) => {
        const etag = `W/"${createHash('sha1').update(version).update('\u0000').update(key).digest('base64url')}"`;
        res.setHeader('ETag', etag);
        res.setHeader('Cache-Control', 'private, no-cache');
        if (matches(req.header('if-none-match'), etag)) {
          res.status(304);
          return of(undefined);
        }
        const hit = this.cache.get(key);
        if (hit && hit.version === version) {
          for (const [name, value] of hit.headers) res.setHeader(name, value);
          sendFromEntry(res, hit);
          return of(hit.body);
        }
        const flight = `${version}\u0000${key}`;
        const running = this.inflight.get(flight);
        if (running) {
          return from(running).pipe(
            map((entry) => {
              for (const [name, value] of entry.headers) res.setHeader(name, value);
              sendFromEntry(res, entry);
              return entry.body;
            }),
          );
        }
        const computed = lastValueFrom(next.handle()).then((body): Entry => {
          const headers: [string, string][] = [];
          for (const name of KEPT_HEADERS) {
            const value = res.getHeader(name);
            if (typeof value === 'string') headers.push([name, value]);
          }
          const entry = { version, body, headers };
          this.cache.set(key, entry);
          return entry;
        });
        this.inflight.set(flight, computed);
        const done = () => this.inflight.delete(flight);
        computed.then(done, done);
        return from(computed).pipe(
          map((entry) => {
            sendFromEntry(res, entry);
            return entry.body;
          }),
        );
      }),
    );
  }
}

/** If-None-Match holds the ETag (or `*`); weak comparison, as for GET. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag.replace(/^W\//, '') === etag.replace(/^W\//, '');
  });
}
