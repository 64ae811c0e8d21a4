import { HttpErrorResponse } from '@angular/common/http';
import { codeText } from '../core/http/api-error';

/** One editable leaf of the signal settings, addressed by its dotted path (`peerOutlier.coverage`). */
export interface SettingsField {
  path: string;
  type: 'number' | 'boolean' | 'numbers';
  value: number | boolean | number[];
}

type Json = number | boolean | string | null | Json[] | { [key: string]: Json };

/** The settings object as a flat list of fields, in the server's order. */
export function flattenSettings(settings: unknown, prefix = ''): SettingsField[] {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return [];
  return Object.entries(settings as Record<string, Json>).flatMap(([key, value]): SettingsField[] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number') return [{ path, type: 'number', value }];
    if (typeof value === 'boolean') return [{ path, type: 'boolean', value }];
    if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return [{ path, type: 'numbers', value: value as number[] }];
    if (value && typeof value === 'object' && !Array.isArray(value)) return flattenSettings(value, path);
    return [];
  });
}

/**
 * Form values back into the nested object. Text that is not a number stays text, so the server's
 * validation names the field (400 with `errors: [{field, message}]`) instead of the form guessing.
 */
export function buildSettings(fields: SettingsField[], raw: Record<string, string | boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const input = raw[f.path];
    let value: unknown;
    if (f.type === 'boolean') value = input === true || input === 'true';
    else if (f.type === 'numbers') {
      value = String(input ?? '')
        .split(/[;,\s]+/)
        .filter(Boolean)
        .map((v) => (Number.isFinite(Number(v)) ? Number(v) : v));
    } else {
      const text = String(input ?? '').trim().replace(',', '.');
      value = text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    }
    const parts = f.path.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

/** `{field: message}` from a 400 answer; field names as the server gives them (dotted paths). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof HttpErrorResponse) || !error.error || typeof error.error !== 'object') return out;
  const errors = (error.error as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return out;
  for (const e of errors) {
    if (e && typeof e === 'object' && typeof (e as { field?: unknown }).field === 'string') {
      const { field, message, code, params } = e as { field: string; message?: unknown; code?: unknown; params?: unknown };
      // A field error with a code (docs/design.md §4b) reads in the user's language; else the server's text.
      const specific = typeof code === 'string' && !code.startsWith('error.') ? codeText(code, params) : null;
      const text = specific ?? String(message ?? '');
      out[field] = out[field] ? `${out[field]}; ${text}` : text;
    }
  }
  return out;
}
