/** StatLine tables: the uniform output types, header patterns and the virtual flat table the layout readers produce. */
import { CsvOptions, CsvRecord, Delimiter } from './csv';
import { DecoderOptions } from './decode';
import { ErrorList, ImportIssue } from './errors';
import { Period } from '../core/period';

export type StatlineLayout = 'flat-symbols' | 'flat' | 'pivot';

export interface StatlineCell {
  value: number | null;
  /** The field exactly as in the file (padding included). */
  raw: string;
  /** 1-based column in the file. */
  column: number;
  /** 1-based line in the file (differs from the row's line in a transposed pivot table). */
  line: number;
  /** Set when the field is neither a number nor a missing marker. */
  error?: string;
}

export interface StatlineRow {
  /** Line of the row in the file (transposed pivot: the line with the region names). */
  line: number;
  /** Trimmed CBS code ('GM0599', 'WK059901', 'BU0363NL01', 'NL00'); null only with allowMissingAreaCodes. */
  areaCode: string | null;
  areaName: string;
  /** Null when the table has no period column (the caller supplies one, see `titlePeriod`). */
  period: Period | null;
  /** Other dimension columns (Marges, Leeftijd, Geslacht …), values trimmed. */
  dims: Record<string, string>;
  /** Region attributes ("Regioaanduiding/…" columns other than the code), values trimmed. */
  attributes: Record<string, string>;
  /** Measure cells keyed by column header. */
  cells: Record<string, StatlineCell>;
}

export interface StatlineTable {
  layout: StatlineLayout;
  delimiter: Delimiter | null;
  /** Title line of the pivot layout, else null. */
  title: string | null;
  /** A year found in the title (pivot layout), for tables without a period column. */
  titlePeriod: Period | null;
  /** Measure column headers exactly as in the file, trimmed (pivot: the topic labels). */
  columns: string[];
  /** Unit per measure column where the file gives one ("%", "aantal", "km"). */
  units: Record<string, string>;
  periodColumn: string | null;
  areaCodeColumn: string | null;
  areaNameColumn: string | null;
  dimColumns: string[];
  attributeColumns: string[];
  rows: StatlineRow[];
  errors: ImportIssue[];
  errorCount: number;
}

export interface StatlineOptions extends CsvOptions, DecoderOptions {
  /** Maps a region name to a code for tables without codes; return null/undefined if unknown. */
  resolveAreaName?: (name: string) => string | null | undefined;
  /** Accept tables without codes (rows get `areaCode: null`) instead of an error. */
  allowMissingAreaCodes?: boolean;
  /** Treat CBS/PDOK sentinels -99995…-99999 as missing (default false). */
  sentinels?: boolean;
  errors?: ErrorList;
}

/** A CBS area code after trimming. */
export const AREA_CODE = /^(?:NL\d{2}|LD\d{2}|PV\d{2}|CR\d{2}|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/;

export const PERIOD_HEADER = /^(perioden|periods?)$/i;
export const AREA_NAME_HEADER = /^(wijken[ .]?en[ .]?buurten|regio'?s|regio|regions?|districts and neighbourhoods|gemeenten?|municipalities)$/i;
export const ATTRIBUTE_HEADER = /^(regioaanduiding|regional designation)/i;
export const CODE_HEADER = /(codering|regiocode|\bcodes\b)/i;
export const TOPIC_MARKER = /^(onderwerp|onderwerpen|topics?|subjects?)$/i;
const FOOTER = /^(bron|source)\s*:/i;

interface VCell {
  raw: string;
  line: number;
  column: number;
}
export interface VRow {
  line: number;
  cells: VCell[];
}
export interface VTable {
  layout: StatlineLayout;
  title: string | null;
  header: string[];
  headerLine: number;
  /** Number of leading dimension columns when the layout says so (pivot), else null. */
  leadingDims: number | null;
  units: Record<string, string>;
  rows: VRow[];
}

export const clean = (s: string): string => s.replace(/^\uFEFF/, '').trim();
export const hasUnit = (h: string): boolean => /\)$/.test(h) || /\.\.[^.]*\.$/.test(h) || /\.$/.test(h);

export function isFooter(r: CsvRecord): boolean {
  const nonEmpty = r.fields.filter((f) => f.trim() !== '');
  return nonEmpty.length === 1 && FOOTER.test(nonEmpty[0].trim());
}

export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} [${n}]`;
  });
}
