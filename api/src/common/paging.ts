/**
 * Keyset paging for list endpoints (docs/design.md §4b): `?limit=` (default 100, max 1000) and an opaque
 * `?cursor=`; the body stays a JSON array and the next page is announced in a
 * `Link: <…>; rel="next"` header. A cursor is the sort key of the last row served, so a page
 * never skips or repeats rows when new ones arrive in between (unlike OFFSET).
 */
import type { Request, Response } from 'express';
import { InvalidInputError } from './errors';

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;

export interface PageRequest {
  limit: number;
  /** The decoded sort key of the last row of the previous page; null on the first page. */
  after: (string | number)[] | null;
}

export interface Page<T> {
  items: T[];
  /** Sort key of the last item when there may be more rows; null on the last page. */
  next: (string | number)[] | null;
}

/** Reads `limit` and `cursor` from a query object; 400 naming the field when either is malformed. */
export function pageRequest(query: { limit?: unknown; cursor?: unknown }, defaultLimit = DEFAULT_PAGE_LIMIT): PageRequest {
  let limit = defaultLimit;
  if (query.limit !== undefined && query.limit !== '') {
    const n = typeof query.limit === 'string' && /^\d{1,7}$/.test(query.limit) ? Number(query.limit) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_LIMIT) {
      throw new InvalidInputError(`limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`, [{ field: 'limit', message: `1–${MAX_PAGE_LIMIT}` }], {
        code: 'paging.limit',
        params: { max: MAX_PAGE_LIMIT },
      });
    }
    limit = n;
  }
  let after: PageRequest['after'] = null;
  if (query.cursor !== undefined && query.cursor !== '') {
    after = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : null;
    if (!after) throw new InvalidInputError('cursor is not valid: use the link of the previous page', [{ field: 'cursor', message: 'invalid' }], { code: 'paging.cursor' });
  }
  return { limit, after };
}

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): (string | number)[] | null {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length === 0 || key.length > 4) return null;
    return key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) ? (key as (string | number)[]) : null;
  } catch {
    return null;
  }
}

/**
 * Fetch `limit + 1` rows, pass them here with the function that gives a row's sort key: answers
 * the page and the cursor of the next one.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  return { items, next: keyOf(items[items.length - 1]) };
}

/** Sets `Link: <url>; rel="next"` when there is a next page, keeping the request's other parameters. */
export function setNextLink(req: Request, res: Response, next: Page<unknown>['next']): void {
  if (!next) return;
  const url = new URL(req.originalUrl, 'http://local');
  url.searchParams.set('cursor', encodeCursor(next));
  res.setHeader('Link', `<${url.pathname}${url.search}>; rel="next"`);
}
