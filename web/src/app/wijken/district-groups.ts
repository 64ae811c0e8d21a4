import type { AreaSummary } from 'contracts';

export interface DistrictGroup {
  district: AreaSummary;
  neighbourhoods: AreaSummary[];
}

/** Groups the neighbourhoods of a municipality under their districts, both sorted by code. */
export function groupByDistrict(districts: AreaSummary[], neighbourhoods: AreaSummary[]): DistrictGroup[] {
  const byParent = new Map<string, AreaSummary[]>();
  for (const n of neighbourhoods) {
    if (!n.parent) continue;
    const list = byParent.get(n.parent) ?? [];
    list.push(n);
    byParent.set(n.parent, list);
  }
  return [...districts]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((district) => ({
      district,
      neighbourhoods: (byParent.get(district.code) ?? []).sort((a, b) => a.code.localeCompare(b.code)),
    }));
}
