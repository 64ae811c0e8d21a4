import type { AreaSummary } from 'contracts';

/** Matches "Ede (GM0228)", "GM0228", "gm0228" or "ede" (exact name, case-insensitive). */
export function findMunicipality(list: AreaSummary[], input: string): AreaSummary | undefined {
  const value = input.trim().toLowerCase();
  const code = /\(([^)]+)\)\s*$/.exec(value)?.[1] ?? value;
  return (
    list.find((m) => m.code.toLowerCase() === code) ??
    list.find((m) => m.name.toLowerCase() === value) ??
    list.find((m) => `${m.name} (${m.code})`.toLowerCase() === value)
  );
}
