import { Injectable, inject } from '@angular/core';
import type { AreaLevel } from 'contracts';
import { Observable, catchError, combineLatest, map, of, shareReplay } from 'rxjs';
import { AreasApi } from './areas-api';

/** The municipality a CBS area code lies in (WK0518xx and BU0518xxxx lie in GM0518), or null. */
export function municipalityOf(code: string): string | null {
  const m = /^(GM|WK|BU)(\d{4})\d*$/.exec(code);
  return m ? `GM${m[2]}` : null;
}

/** Name of a code from a lookup; the code itself when no name is known (never blank). */
export function nameOf(names: ReadonlyMap<string, string>, code: string): string {
  return names.get(code) ?? code;
}

/**
 * Area names for codes that arrive bare (signal evidence, subjects): one request per municipality
 * and level, cached for the session, so a page of 40 wijk codes costs one call, not 40.
 */
@Injectable({ providedIn: 'root' })
export class AreaNames {
  private readonly api = inject(AreasApi);
  private readonly cache = new Map<string, Observable<[string, string][]>>();

  private level(municipality: string, level: AreaLevel): Observable<[string, string][]> {
    const key = `${municipality}/${level}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.api.list({ parent: municipality, level }).pipe(
        map((areas) => areas.map((a): [string, string] => [a.code, a.name])),
        catchError(() => of([])),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Names for the given codes (municipalities, wijken, buurten); unknown codes are left out. */
  names(codes: readonly string[]): Observable<Map<string, string>> {
    const wanted = new Set<string>();
    for (const code of codes) {
      const gm = municipalityOf(code);
      if (!gm) continue;
      if (code.startsWith('WK')) wanted.add(`${gm}/district`);
      if (code.startsWith('BU')) wanted.add(`${gm}/neighbourhood`);
    }
    const lists: Observable<[string, string][]>[] = [
      this.api.municipalities().pipe(
        map((ms) => ms.map((m): [string, string] => [m.code, m.name])),
        catchError(() => of([])),
      ),
      ...[...wanted].map((k) => {
        const [gm, level] = k.split('/') as [string, AreaLevel];
        return this.level(gm, level);
      }),
    ];
    return combineLatest(lists).pipe(map((all) => new Map(all.flat())));
  }
}
