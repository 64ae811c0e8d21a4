import { aliasFor, foldName, type AreaSummary } from 'contracts';

/**
 * Matches "Ede (GM0228)", "GM0228", "gm0228", "ede", everyday names and aliases ("Den Haag" →
 * 's-Gravenhage, "Den Bosch" → 's-Hertogenbosch), case- and accent-insensitive ("sudwest fryslan").
 */
export function findMunicipality(list: AreaSummary[], input: string): AreaSummary | undefined {
  const value = input.trim().toLowerCase();
  const code = /\(([^)]+)\)\s*$/.exec(value)?.[1] ?? value;
  const folded = foldName(input);
  const alias = aliasFor(input);
  return (
    list.find((m) => m.code.toLowerCase() === code) ??
    list.find((m) => m.name.toLowerCase() === value) ??
    list.find((m) => `${m.name} (${m.code})`.toLowerCase() === value) ??
    list.find((m) => foldName(m.name) === folded) ??
    (alias ? list.find((m) => m.name === alias) : undefined) ??
    list.find((m) => foldName(`${m.name} (${m.code})`) === folded)
  );
}

/** Municipalities with data first (most data first), then the rest by name. */
export function withDataFirst(list: AreaSummary[], dataCodes: readonly string[]): AreaSummary[] {
  const rank = new Map(dataCodes.map((c, i) => [c, i]));
  return [...list].sort((a, b) => {
    const ra = rank.get(a.code) ?? Infinity;
    const rb = rank.get(b.code) ?? Infinity;
    return ra !== rb ? ra - rb : a.name.localeCompare(b.name, 'nl');
  });
}
