import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter, map, startWith } from 'rxjs';

const MUNICIPALITY = /^GM\d{4}$/;

/**
 * The municipality the user is looking at, read from the URL only (so a shared link carries it):
 * `/overzicht/GM0599`, or `?gemeente=GM0599`, or the Verkenner's `?area=GM0599`.
 */
export function municipalityFromUrl(url: string): string | null {
  const [path, query = ''] = url.split('#')[0].split('?');
  const fromPath = /^\/(?:overzicht|wijken|raad)\/([^/]+)/.exec(path)?.[1];
  if (fromPath && MUNICIPALITY.test(decodeURIComponent(fromPath))) return decodeURIComponent(fromPath);
  const params = new URLSearchParams(query);
  for (const key of ['gemeente', 'area']) {
    const v = params.get(key);
    if (v && MUNICIPALITY.test(v)) return v;
  }
  return null;
}

/** Sections that take the municipality as a path segment (`/wijken/GM0599`). */
const PATH_SECTIONS = new Set(['/overzicht', '/wijken', '/raad']);

/** Where each main section's link goes so the chosen municipality comes along. */
export function sectionLink(path: string, municipality: string | null): { path: string[]; queryParams: Record<string, string> | null } {
  if (!municipality) return { path: [path], queryParams: null };
  if (PATH_SECTIONS.has(path)) return { path: [path, municipality], queryParams: null };
  if (path === '/verkenner') return { path: [path], queryParams: { area: municipality } };
  return { path: [path], queryParams: { gemeente: municipality } };
}

@Injectable({ providedIn: 'root' })
export class CurrentMunicipality {
  private readonly router = inject(Router);
  private last: string | null = null;

  /** The municipality in the URL, or the last one seen (pages without one keep the choice). */
  readonly code = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      startWith(null),
      map(() => {
        const found = municipalityFromUrl(this.router.url);
        if (found) this.last = found;
        return found ?? this.last;
      }),
    ),
    { initialValue: null },
  );
}
