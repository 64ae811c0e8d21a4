import type { AreaLevel, Quadrant } from './domain';

/** Everyday names people type for municipalities whose register name differs (issue 15). */
export const MUNICIPALITY_ALIASES: Readonly<Record<string, string>> = {
  'den haag': "'s-Gravenhage",
  'the hague': "'s-Gravenhage",
  'den bosch': "'s-Hertogenbosch",
  's hertogenbosch': "'s-Hertogenbosch",
  's gravenhage': "'s-Gravenhage",
  'sudwest fryslan': 'Súdwest-Fryslân',
  'zuidwest friesland': 'Súdwest-Fryslân',
  'bergen nh': 'Bergen (NH.)',
  'bergen l': 'Bergen (L.)',
};

/** Lower case, accents and apostrophes removed, hyphens as spaces, spaces collapsed. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/-/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The register name an alias stands for, or null. */
export function aliasFor(text: string): string | null {
  return MUNICIPALITY_ALIASES[foldName(text)] ?? null;
}

/** GET /api/v1/areas/search?q= — one hit. */
export interface AreaSearchHit {
  kind: 'area';
  code: string;
  name: string;
  level: AreaLevel;
  /** The municipality the area lies in (its own code for a municipality). */
  municipality: string | null;
  municipalityName: string | null;
}
export interface IndicatorSearchHit {
  kind: 'indicator';
  code: string;
  name: { nl: string; en: string };
  quadrant: Quadrant;
}
export interface SearchResult {
  query: string;
  areas: AreaSearchHit[];
  indicators: IndicatorSearchHit[];
}

/** GET /api/v1/areas/coverage — municipalities with data, most data first. */
export interface MunicipalityCoverage {
  code: string;
  name: string;
  /** Number of areas (the municipality, its wijken and buurten) with at least one observation. */
  areasWithData: number;
}
