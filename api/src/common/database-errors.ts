/**
 * Which database failures are the database's fault (503, try again later) and which are the
 * client's (400): everything else stays a 500 that is logged.
 */
export interface ClassifiedError {
  status: 400 | 503;
  message: string;
}

/** Retry-After (seconds) sent with every 503. */
export const RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH']);
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'connection terminated',
  'connection timeout',
  'client has encountered a connection error',
  'cannot use a pool after calling end',
  'client was closed',
  'the server closed the connection',
  'driver not connected',
  'connection is not established',
];

function* chain(e: unknown): Generator<{ code?: unknown; message?: unknown }> {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    yield cur as { code?: unknown; message?: unknown };
    const c = cur as { driverError?: unknown; cause?: unknown };
    cur = c.driverError ?? c.cause;
  }
}

export function classifyDatabaseError(e: unknown): ClassifiedError | null {
  for (const err of chain(e)) {
    const code = typeof err.code === 'string' ? err.code : '';
    const message = typeof err.message === 'string' ? err.message.toLowerCase() : '';
    if (message.includes('timeout exceeded when trying to connect')) {
      return { status: 503, message: 'The server is busy: no database connection came free in time; try again shortly' };
    }
    // SQLSTATE 08 connection exception, 53 insufficient resources, 57P0x shutdown / cannot connect now.
    if (UNAVAILABLE_CODES.has(code) || /^(08|53)/.test(code) || /^57P0[1-4]$/.test(code) || UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) {
      return { status: 503, message: 'The database is unavailable; try again shortly' };
    }
    // SQLSTATE 22 data exception (a value the column cannot hold, NUL in text, bad number …): the input's fault.
    if (/^22[0-9A-Z]{3}$/.test(code)) {
      return { status: 400, message: `Invalid value in the request: ${typeof err.message === 'string' ? err.message : code}` };
    }
  }
  return null;
}
