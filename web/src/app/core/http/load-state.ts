import { Observable, OperatorFunction, catchError, map, of, startWith } from 'rxjs';
import type { Page } from 'contracts';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ok'; data: T };

export const IDLE: LoadState<never> = { status: 'idle' };
export const LOADING: LoadState<never> = { status: 'loading' };

/** Turns a request into loading → ok | error states a template can switch on. */
export function toLoadState<T>(): OperatorFunction<T, LoadState<T>> {
  return (source: Observable<T>) =>
    source.pipe(
      map((data): LoadState<T> => ({ status: 'ok', data })),
      startWith<LoadState<T>>(LOADING),
      catchError((error: unknown) => of<LoadState<T>>({ status: 'error', error })),
    );
}

/** Lists answer a plain array, or `{items, total}` where they page (docs/design.md §4). */
export function asItems<T>(body: T[] | Page<T> | null | undefined): T[] {
  if (!body) return [];
  return Array.isArray(body) ? body : (body.items ?? []);
}
