import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { InvalidInputError } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { findNul, jsonDepth } from './json-depth';

/** Routes whose JSON bodies may be large (bulk observations): parsed by their controller after authentication. */
export function isBulkImportRoute(req: Request): boolean {
  if (req.method !== 'POST') return false;
  const path = req.path.replace(/\/+$/, '');
  return path === '/api/v1/imports' || path === '/api/v1/observations' || path === '/api/v1/areas/boundaries';
}

function badRequest(res: Response, field: string, message: string): void {
  res.status(400).json({ statusCode: 400, message: `${field}: ${message}`, errors: [{ field, message }] });
}

/** Throws a 400 body-parser-style error when the JSON nests deeper than `maxDepth`. */
export function depthVerifier(maxDepth: number) {
  return (_req: unknown, _res: unknown, buf: Buffer): void => {
    if (jsonDepth(buf, maxDepth) > maxDepth) {
      throw Object.assign(new Error(`body: JSON nested deeper than ${maxDepth} levels`), { status: 400, type: 'entity.verify.failed', field: 'body' });
    }
  };
}

/**
 * Path and query checks before any route runs: a NUL character anywhere, a query parameter given
 * twice (`status=open&status=closed`) or as an object (`a[b]=c`) → 400 naming the parameter.
 */
export function inputGuard(req: Request, res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return badRequest(res, 'path', 'is not valid percent-encoding');
  }
  if (path.includes('\u0000')) return badRequest(res, 'path', 'contains a NUL character');
  const query = req.query as Record<string, unknown>;
  for (const [key, value] of Object.entries(query)) {
    if (key.includes('\u0000')) return badRequest(res, 'query', 'a parameter name contains a NUL character');
    if (typeof value !== 'string') {
      return badRequest(res, key, Array.isArray(value) ? 'given more than once; pass it once' : 'must be a plain value, not a nested parameter');
    }
    if (value.includes('\u0000')) return badRequest(res, key, 'contains a NUL character');
  }
  next();
}

/** After a JSON body is parsed: NUL characters in any string → 400 naming the field. */
export function bodyNulGuard(req: Request, res: Response, next: NextFunction): void {
  if (req.body !== undefined && typeof req.body === 'object') {
    const field = findNul(req.body);
    if (field) return badRequest(res, field, 'contains a NUL character');
  }
  next();
}

/**
 * Security headers. The Angular build loads its scripts from files; component styles are inline
 * <style> elements and the critical-CSS loader uses an inline `onload`, so styles allow
 * 'unsafe-inline' (scripts do not). echarts draws on canvas (no extra sources); Swagger UI needs
 * inline styles and data: images. HSTS only behind a TLS-terminating proxy (TRUST_PROXY).
 */
export function securityHeaders(config: Pick<AppConfig, 'trustProxy'>) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    strictTransportSecurity: config.trustProxy ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

/** /api/docs needs a valid bearer token unless PUBLIC_API_DOCS=true. */
export function docsGate(app: NestExpressApplication) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const [scheme, token] = (req.header('authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && token) {
      try {
        await app.get(JwtService).verifyAsync(token);
        return next();
      } catch {
        /* fall through */
      }
    }
    res.status(401).json({ statusCode: 401, message: 'Sign in first: /api/docs needs a bearer token (or PUBLIC_API_DOCS=true)' });
  };
}

/**
 * Everything before the routes: headers, no X-Powered-By, query/path checks, and JSON parsing with
 * a small limit (JSON_LIMIT, 1 MB) and a nesting cap. The bulk import routes skip the global
 * parser: their controller reads the body only after the guard has authenticated the caller.
 */
export function installHardening(app: NestExpressApplication, config: AppConfig): void {
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(securityHeaders(config));
  app.use(inputGuard);
  const small = express.json({ limit: config.jsonLimitBytes, verify: depthVerifier(config.jsonMaxDepth) });
  app.use((req: Request, res: Response, next: NextFunction) => (isBulkImportRoute(req) ? next() : small(req, res, next)));
  app.use(bodyNulGuard);
  if (!config.publicApiDocs) app.use('/api/docs', docsGate(app));
}

/** Reads the JSON body of a bulk import route (after authentication), up to BODY_LIMIT, nesting capped. */
export async function readBulkJson(req: Request, res: Response, config: AppConfig): Promise<unknown> {
  if ((req as { _body?: boolean })._body) return req.body;
  const parser = express.json({ limit: config.bodyLimitBytes, verify: depthVerifier(config.jsonMaxDepth) });
  await new Promise<void>((resolve, reject) => parser(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
  const field = findNul(req.body);
  if (field) throw new InvalidInputError(`${field}: contains a NUL character`, [{ field, message: 'contains a NUL character' }]);
  return req.body;
}
