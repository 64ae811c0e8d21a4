/**
 * ELAN wijkprofielen (Den Haag region, 2009–2022) → long-format CSV for the importer.
 *
 * `df_count_ver_3.csv` holds one row per wijk per year. The `%_…` columns are shares 0–1 of
 * `Total_Population` (Variables_Definition.txt: "Total count of people that …"), and share × population
 * is an exact integer in every cell, so each share is written back as numerator/denominator:
 *   numerator   = round(share × Total_Population)
 *   denominator = Total_Population, except youth care: residents aged 0–20 (round(%_0to20 × population)).
 * `value` is left empty: the importer derives it from numerator/denominator.
 *
 * Cleaning, each counted in the report:
 * - the invalid code `WK1916--` ("Wijk onbekend", population 0) is skipped;
 * - codes that are not in the 2024 register are skipped (the importer rejects the whole batch otherwise);
 * - three wijk pairs carry identical data vectors in every year (WK051801=WK051802, WK051835=WK051836,
 *   WK191601=WK191607: a copy defect upstream); of each such pair only the code whose 2024 register
 *   population is closest to the row's Total_Population is kept (e.g. Oostduinen, 0 inhabitants, is dropped);
 * - an empty cell, and a zero denominator (no residents aged 0–20), are skipped;
 * - a (column, year) where ≥ 90 % of wijken are exactly 0 is "source not yet available" (e.g. Wmo and
 *   jeugdhulp before 2015) and skipped; other zeros are kept (small wijken, real zeros or suppression).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimited, toCsv } from '../csv';

export const ELAN_DIR = 'denhaag-wijkprofielen-elan';
export const ELAN_FILE = 'df_count_ver_3.csv';
export const LONG_HEADER = ['indicator', 'subject', 'period', 'value', 'numerator', 'denominator'] as const;

/** Indicator code → ELAN share column, and which denominator it uses. */
export const ELAN_COLUMNS: ReadonlyArray<{ indicator: string; column: string; denominator: 'population' | 'youth0to20' }> = [
  { indicator: 'youth-care-use', column: '%_JGDHULP_user', denominator: 'youth0to20' },
  { indicator: 'wmo-use', column: '%_WMO_user', denominator: 'population' },
  { indicator: 'social-assistance', column: '%_Welfare_benefit_user', denominator: 'population' },
  { indicator: 'debt-restructuring', column: '%_Debt_Poor', denominator: 'population' },
  { indicator: 'health-insurance-defaulters', column: '%_Wanbet', denominator: 'population' },
  { indicator: 'low-income', column: '%_Low_Income', denominator: 'population' },
];

const UNAVAILABLE_ZERO_SHARE = 0.9;

export interface ElanReport {
  fileRows: number;
  fileCodes: number;
  invalidCodes: string[];
  invalidCodeRows: number;
  notInRegister: string[];
  notInRegisterRows: number;
  keptCodes: number;
  /** Per indicator: years skipped as "not yet available" (≥ 90 % zeros). */
  /** Rows dropped because another code has the same data vector that year; dropped code → kept code. */
  duplicateVectorRows: number;
  duplicateOf: Record<string, string>;
  unavailableYears: Record<string, number[]>;
  emptyCells: number;
  zeroValuesKept: number;
  zeroDenominator: number;
  numeratorAboveDenominator: number;
  observations: number;
  observationsPerIndicator: Record<string, number>;
  years: [number, number];
}

export interface ElanLong {
  csv: string;
  report: ElanReport;
}

const VALID_WK = /^WK\d{4}[0-9A-Z]{2}$/;

/** Builds the ELAN long CSV, keeping only wijk codes present in the register (code → 2024 population). */
export function buildElanLong(dataDir: string, registerPopulation: ReadonlyMap<string, number | null>): ElanLong {
  const [header, ...rows] = parseDelimited(readFileSync(join(dataDir, ELAN_DIR, ELAN_FILE), 'utf8'), ',');
  if (!header) throw new Error('ELAN: empty file');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`ELAN: column "${name}" not found`);
    return i;
  };
  const iCode = col('WKC');
  const iYear = col('YEAR');
  const iPop = col('Total_Population');
  const iYouth = col('%_0to20');

  const report: ElanReport = {
    fileRows: rows.length, fileCodes: new Set(rows.map((r) => (r[iCode] ?? '').trim())).size,
    invalidCodes: [], invalidCodeRows: 0, notInRegister: [], notInRegisterRows: 0, keptCodes: 0,
    duplicateVectorRows: 0, duplicateOf: {},
    unavailableYears: {}, emptyCells: 0, zeroValuesKept: 0, zeroDenominator: 0, numeratorAboveDenominator: 0,
    observations: 0, observationsPerIndicator: {}, years: [Infinity, -Infinity],
  };
  const invalid = new Set<string>();
  const unknown = new Set<string>();
  const kept: Array<{ code: string; year: number; row: string[] }> = [];
  for (const row of rows) {
    const code = (row[iCode] ?? '').trim();
    if (!VALID_WK.test(code)) {
      invalid.add(code);
      report.invalidCodeRows++;
      continue;
    }
    if (!registerPopulation.has(code)) {
      unknown.add(code);
      report.notInRegisterRows++;
      continue;
    }
    const year = Number((row[iYear] ?? '').trim());
    if (!Number.isInteger(year)) throw new Error(`ELAN: bad YEAR "${row[iYear]}" for ${code}`);
    kept.push({ code, year, row });
  }
  // Identical data vectors (everything after the name) for different codes in the same year.
  const groups = new Map<string, typeof kept>();
  for (const k of kept) {
    const key = `${k.year}|${k.row.slice(iYear + 1).join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  }
  const duplicate = new Set<(typeof kept)[number]>();
  const dupCodes = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const distance = (k: (typeof kept)[number]): number =>
      Math.abs((registerPopulation.get(k.code) ?? 0) - Number(k.row[iPop]));
    const keep = [...group].sort((a, b) => distance(a) - distance(b) || (a.code < b.code ? -1 : 1))[0]!;
    for (const k of group) {
      if (k === keep) continue;
      duplicate.add(k);
      dupCodes.set(k.code, keep.code);
    }
  }
  report.duplicateVectorRows = duplicate.size;
  report.duplicateOf = Object.fromEntries([...dupCodes].sort());
  kept.splice(0, kept.length, ...kept.filter((k) => !duplicate.has(k)));

  report.invalidCodes = [...invalid].sort();
  report.notInRegister = [...unknown].sort();
  report.keptCodes = new Set(kept.map((k) => k.code)).size;

  const out: Array<[string, string, string, string, number, number]> = [];
  const seen = new Set<string>();
  for (const spec of ELAN_COLUMNS) {
    const iShare = col(spec.column);
    // Years in which the source was not yet available: (almost) every wijk is 0.
    const byYear = new Map<number, { zero: number; total: number }>();
    for (const { year, row } of kept) {
      const s = (row[iShare] ?? '').trim();
      if (s === '') continue;
      const y = byYear.get(year) ?? { zero: 0, total: 0 };
      y.total++;
      if (Number(s) === 0) y.zero++;
      byYear.set(year, y);
    }
    const unavailable = [...byYear].filter(([, y]) => y.zero >= UNAVAILABLE_ZERO_SHARE * y.total).map(([yr]) => yr).sort();
    report.unavailableYears[spec.indicator] = unavailable;
    let count = 0;
    for (const { code, year, row } of kept) {
      if (unavailable.includes(year)) continue;
      const shareText = (row[iShare] ?? '').trim();
      const popText = (row[iPop] ?? '').trim();
      if (shareText === '' || popText === '') {
        report.emptyCells++;
        continue;
      }
      const share = Number(shareText);
      const population = Number(popText);
      if (!Number.isFinite(share) || !Number.isFinite(population) || population <= 0 || share < 0) {
        throw new Error(`ELAN: bad number for ${code} ${year} ${spec.column}: "${shareText}" / "${popText}"`);
      }
      const numerator = Math.round(share * population);
      const youthText = (row[iYouth] ?? '').trim();
      if (spec.denominator === 'youth0to20' && youthText === '') {
        report.emptyCells++;
        continue;
      }
      const denominator = spec.denominator === 'population' ? population : Math.round(Number(youthText) * population);
      if (denominator === 0) {
        report.zeroDenominator++;
        continue;
      }
      if (!Number.isFinite(denominator) || numerator > denominator) {
        report.numeratorAboveDenominator++;
        continue;
      }
      if (numerator === 0) report.zeroValuesKept++;
      const key = `${spec.indicator}|${code}|${year}`;
      if (seen.has(key)) throw new Error(`ELAN: duplicate row ${key}`);
      seen.add(key);
      out.push([spec.indicator, code, String(year), '', numerator, denominator]);
      report.years = [Math.min(report.years[0], year), Math.max(report.years[1], year)];
      count++;
    }
    report.observationsPerIndicator[spec.indicator] = count;
    report.observations += count;
  }
  return { csv: toCsv(LONG_HEADER, out), report };
}
