import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, FieldError, ImportError } from 'contracts';
import '../i18n/messages-errors';
import { translateKey, type MessageParams } from '../i18n/i18n.service';

/** Params that are API values (a signal status such as `on-agenda`) appear by their name. */
const PARAM_VOCABULARY: Record<string, string> = { status: 'status', from: 'status', to: 'status' };

/**
 * A server message key in the user's language, or null: `api.<code>` in the catalogues, else the
 * key itself where a section's own catalogue holds it (the Data page's `cbs.sync.*`, `mapping.*`).
 */
export function codeText(code: unknown, params?: unknown): string | null {
  if (typeof code !== 'string' || !code) return null;
  const safe: MessageParams = {};
  if (params && typeof params === 'object') {
    for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
      if (typeof v === 'number') safe[k] = v;
      else if (typeof v === 'string') safe[k] = (PARAM_VOCABULARY[k] && translateKey(`${PARAM_VOCABULARY[k]}.${v}`)) || v;
    }
  }
  return translateKey(`api.${code}`, safe) ?? translateKey(code, safe);
}

/** One line or field problem (`{code?, params?, message}`): its key in the user's language, else a generic sentence. */
export function issueText(issue: { code?: string | null; params?: unknown }): string {
  return codeText(issue.code, issue.params) ?? codeText('error.issue') ?? '';
}

/** Codes that only say "something in the input is wrong": the field errors say more. */
const GENERIC_INVALID = new Set(['error.invalid', 'validation.failed']);
const BY_STATUS: Record<number, string> = {
  400: 'error.invalid', 401: 'error.unauthorized', 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.conflict', 413: 'error.tooLarge',
  415: 'error.unsupportedMediaType', 422: 'error.unprocessable', 429: 'error.tooManyRequests', 503: 'error.unavailable',
};

/** The generic sentence for an HTTP status, in the user's language. */
function statusText(status: number): string {
  const code = status === 0 ? 'error.unavailable' : (BY_STATUS[status] ?? (status >= 500 ? 'error.internal' : 'error.unknown'));
  return codeText(code) ?? codeText('error.unknown') ?? '';
}

/**
 * The server's error for a person (contract: `{statusCode, message, code, params?, errors?}`), always
 * in the user's language: the translated `code`; for a generic "invalid" code the translated field
 * errors; else the generic sentence for the status. Never the server's (English) `message` nor a raw
 * key; null only when there is no error.
 */
export function apiMessage(error: unknown): string | null {
  if (error == null) return null;
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | string | null;
    if (body && typeof body === 'object') {
      const fields = Array.isArray(body.errors)
        ? [...new Set(body.errors.map((e) => (e && typeof e === 'object' ? codeText((e as FieldError).code, (e as FieldError).params) : null)).filter((t): t is string => !!t))]
        : [];
      if ((!body.code || GENERIC_INVALID.has(body.code)) && fields.length) return fields.slice(0, 3).join(' ');
      const translated = codeText(body.code, body.params);
      if (translated) return translated;
      if (fields.length) return fields.slice(0, 3).join(' ');
    }
    // No JSON body (a proxy's page, the network) or a key the app does not know: the status's sentence.
    return statusText(error.status);
  }
  // Not an answer of the server (a script error): no English internals on screen either.
  return codeText('error.unknown');
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
