import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, ImportError } from 'contracts';

/** The server's message for an error (contract: `{statusCode, message, errors?}`), if any. */
export function apiMessage(error: unknown): string | null {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | string | null;
    if (body && typeof body === 'object') {
      const msg = body.message as unknown;
      if (typeof msg === 'string' && msg) return msg;
      if (Array.isArray(msg) && msg.length) return msg.join(', ');
    }
    if (typeof body === 'string' && body && !body.trimStart().startsWith('<')) return body;
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
