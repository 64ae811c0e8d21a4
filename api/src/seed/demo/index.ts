/**
 * Everything the demo loader imports, in the order it must be imported (after the area register,
 * `loadAreaRegister` in ../areas.ts, and boundaries, ../boundaries.ts):
 *   1. indicators  → POST /api/v1/indicators (array, upsert by code)
 *   2. units       → POST /api/v1/units (CSV `code,name,kind,area`)
 *   3. batches     → POST /api/v1/imports?format=long (one per source)
 *   4. statline    → POST /api/v1/imports?format=statline (the unmodified Gezondheid files)
 *   5. annotations → dated events on the charts of their indicators
 * Pure: reads only files under `dataDir` (seed/data), never anything outside the repository.
 */
import { join } from 'node:path';
import type { Indicator } from 'contracts';
import { readRegister } from '../areas';
import { demoIndicators, ELAN_SOURCE, GEZONDHEID_SOURCE, SYNTHETIC_SOURCE } from './indicators';
import { buildElanLong, type ElanReport } from './elan';
import { buildSyntheticDemo, DEFAULT_SEED, type DemoAnnotation, type SyntheticReport, demoPlantedPatterns } from './synthetic';

export { demoPlantedPatterns, demoAnnotations, type DemoAnnotation } from './synthetic';
export { demoIndicators } from './indicators';

export interface DemoLongBatch {
  /** Short name shown as the batch source. */
  source: string;
  /** File-like name for the upload (multipart `file` or CLI). */
  fileName: string;
  format: 'long';
  csv: string;
  rows: number;
}

export interface DemoStatlineFile {
  source: string;
  /** Absolute path of the unmodified StatLine CSV; import with `?format=statline`. */
  path: string;
  period: string;
}

export interface DemoData {
  indicators: Indicator[];
  /** Units CSV `code,name,kind,area`. */
  units: string;
  batches: DemoLongBatch[];
  statline: DemoStatlineFile[];
  annotations: DemoAnnotation[];
  planted: typeof demoPlantedPatterns;
  report: { elan: ElanReport; synthetic: SyntheticReport };
}

export const GEZONDHEID_DIR = 'rotterdam-krimpenerwaard-gezondheid';
/** The three Gezondheid downloads, oldest period first (the file names are StatLine's download stamps). */
export const GEZONDHEID_FILES: ReadonlyArray<{ file: string; period: string }> = [
  { file: 'Gezondheid_per_wijk_en_buurt__2022_18062025_140754.csv', period: '2016' },
  { file: 'Gezondheid_per_wijk_en_buurt__2022_18062025_140356.csv', period: '2020' },
  { file: 'Gezondheid_per_wijk_en_buurt__2022_18062025_140404.csv', period: '2022' },
];

const lineCount = (csv: string): number => csv.split('\n').filter((l) => l !== '').length - 1;

/** Builds all demo inputs from `dataDir` (normally `seed/data`). Deterministic for a given seed. */
export function buildDemoData(dataDir: string, seed = DEFAULT_SEED): DemoData {
  const register = readRegister(dataDir);
  const elan = buildElanLong(dataDir, new Map(register.map((a) => [a.code, a.population])));
  const synthetic = buildSyntheticDemo(register, seed);
  return {
    indicators: demoIndicators,
    units: synthetic.units,
    batches: [
      { source: ELAN_SOURCE, fileName: 'elan-wijkprofielen-2009-2022.csv', format: 'long', csv: elan.csv, rows: lineCount(elan.csv) },
      { source: SYNTHETIC_SOURCE, fileName: 'synthetic-demo-data.csv', format: 'long', csv: synthetic.longCsv, rows: lineCount(synthetic.longCsv) },
    ],
    statline: GEZONDHEID_FILES.map(({ file, period }) => ({ source: GEZONDHEID_SOURCE, path: join(dataDir, GEZONDHEID_DIR, file), period })),
    annotations: synthetic.annotations,
    planted: synthetic.planted,
    report: { elan: elan.report, synthetic: synthetic.report },
  };
}
