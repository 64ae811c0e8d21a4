import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, ImportError } from 'contracts';
import '../i18n/messages-errors';
import { translateKey, type MessageParams } from '../i18n/i18n.service';

/** Params that are API values (a signal status such as `on-agenda`) appear by their name. */
const PARAM_VOCABULARY: Record<string, string> = { status: 'status', from: 'status', to: 'status' };

/** A server error code in the user's language (`api.<code>` in the catalogues), or null. */
export function codeText(code: unknown, params?: unknown): string | null {
  if (typeof code !== 'string' || !code) return null;
  const safe: MessageParams = {};
  if (params && typeof params === 'object') {
    for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
      if (typeof v === 'number') safe[k] = v;
      else if (typeof v === 'string') safe[k] = (PARAM_VOCABULARY[k] && translateKey(`${PARAM_VOCABULARY[k]}.${v}`)) || v;
    }
  }
  return translateKey(`api.${code}`, safe);
}

/**
 * The server's error for a person (contract: `{statusCode, message, code, params?, errors?}`): the
 * translated `code` where the catalogues know it, else the server's `message`.
 */
export function apiMessage(error: unknown): string | null {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | string | null;
    if (body && typeof body === 'object') {
      const translated = codeText(body.code, body.params);
      // A generic code with per-field errors: the fields say more than "the input is not valid".
      if (translated && !(body.code === 'error.invalid' && Array.isArray(body.errors) && body.errors.length)) return translated;
      const msg = body.message as unknown;
      if (typeof msg === 'string' && msg) return msg;
      if (Array.isArray(msg) && msg.length) return msg.join(', ');
    }
    if (typeof body === 'string' && body && !body.trimStart().startsWith('<')) return body;
    // No JSON body (a proxy's page, the network): still a sentence in the user's language.
    if (error.status === 0) return codeText('error.unavailable');
    const byStatus: Record<number, string> = { 401: 'error.unauthorized', 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.conflict', 413: 'error.tooLarge', 429: 'error.tooManyRequests', 503: 'error.unavailable' };
    const generic = codeText(byStatus[error.status] ?? (error.status >= 500 ? 'error.internal' : null));
    if (generic) return generic;
    return error.status ? `${error.status} ${error.statusText}`.trim() : null;
  }
  return error instanceof Error ? error.message : null;
}

export function isNotAvailable(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 501);
}

export function importErrors(error: unknown): ImportError[] {
  if (error instanceof HttpErrorResponse && error.error && typeof error.error === 'object') {
    const errors = (error.error as Partial<ApiError>).errors;
    if (Array.isArray(errors)) {
      return errors.filter((e): e is ImportError => typeof e === 'object' && e !== null && 'line' in e);
    }
  }
  return [];
}
