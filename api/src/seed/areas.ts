/**
 * National area register (CBS "Kerncijfers wijken en buurten 2024", StatLine 85984NED) for the seed.
 *
 * This is the *register reader* only: it reads the one national file we ship in
 * `seed/data/nl-kwb-2024-statline/` and turns it into area rows {code, name, level, parent}.
 * It is not the product's general StatLine importer.
 *
 * File layout (StatLine "flat new" download): UTF-8 BOM, CRLF, `;`-separated, header and text fields
 * quoted, numbers unquoted, missing = empty field. Codes are right-padded to 10 characters and names
 * to 40, so every text field is trimmed. Levels come from "Soort regio" (Land/Gemeente/Wijk/Buurt).
 *
 * Parents are derived from the codes, never from names or row order:
 *   GM → NL00;  WK + gggg + xx → GM + gggg;  BU + gggg + xx + yy → WK + gggg + xx.
 * Codes are not always digits (Amsterdam: `WK0363AA`, `BU0363AA01`), so the slicing is by position.
 * Every derived parent is checked against the file; a missing parent throws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AreaInput, AreaLevel } from 'contracts';
import { parseDelimited } from './csv';

export const REGISTER_DIR = 'nl-kwb-2024-statline';
export const REGISTER_FILE = 'Kerncijfers_wijken_en_buurten_2024_geslachten.csv';
export const REGISTER_YEAR = 2024;

const COL_NAME = 'Wijken en buurten';
const COL_KIND = 'Regioaanduiding/Soort regio (omschrijving)';
const COL_CODE = 'Regioaanduiding/Codering (code)';
const COL_POPULATION = 'Bevolking/Aantal inwoners (aantal)';

const LEVEL_BY_KIND: Record<string, AreaLevel> = {
  Land: 'country',
  Gemeente: 'municipality',
  Wijk: 'district',
  Buurt: 'neighbourhood',
};

/** One register row: an area plus its 2024 population (null when the file leaves it empty). */
export interface RegisterArea extends AreaInput {
  parent: string | null;
  population: number | null;
}

/** The parent code implied by an area code (null for the country). Throws on an unknown pattern. */
export function parentCodeOf(code: string): string | null {
  if (/^NL0[01]$/.test(code)) return null;
  if (/^GM\d{4}$/.test(code)) return 'NL00';
  if (/^WK\d{4}[0-9A-Z]{2}$/.test(code)) return `GM${code.slice(2, 6)}`;
  if (/^BU\d{4}[0-9A-Z]{4}$/.test(code)) return `WK${code.slice(2, 8)}`;
  throw new Error(`Area register: unrecognised area code "${code}"`);
}

/** Reads the register file with population (used by the synthetic demo data for household estimates). */
export function readRegister(dataDir: string): RegisterArea[] {
  const text = readFileSync(join(dataDir, REGISTER_DIR, REGISTER_FILE), 'utf8');
  const [header, ...rows] = parseDelimited(text, ';');
  if (!header) throw new Error('Area register: empty file');
  const idx = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`Area register: column "${name}" not found`);
    return i;
  };
  const iName = idx(COL_NAME);
  const iKind = idx(COL_KIND);
  const iCode = idx(COL_CODE);
  const iPop = idx(COL_POPULATION);

  const areas: RegisterArea[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const code = (row[iCode] ?? '').trim();
    const kind = (row[iKind] ?? '').trim();
    const level = LEVEL_BY_KIND[kind];
    if (!level) throw new Error(`Area register line ${line}: unknown Soort regio "${kind}"`);
    if (seen.has(code)) throw new Error(`Area register line ${line}: duplicate code ${code}`);
    seen.add(code);
    const popText = (row[iPop] ?? '').trim();
    const population = popText === '' ? null : Number(popText);
    if (population !== null && !Number.isFinite(population)) {
      throw new Error(`Area register line ${line}: population "${popText}" is not a number`);
    }
    const name = level === 'country' ? 'Nederland' : (row[iName] ?? '').trim();
    areas.push({ code, name, level, parent: parentCodeOf(code), population });
  });

  for (const a of areas) {
    if (a.parent !== null && !seen.has(a.parent)) {
      throw new Error(`Area register: parent ${a.parent} of ${a.code} is not in the file`);
    }
  }
  return areas;
}

/** The national area register 2024: NL00, 342 GM, 3,393 WK, 14,574 BU, parents before children. */
export function loadAreaRegister(dataDir: string): AreaInput[] {
  const order: Record<AreaLevel, number> = { country: 0, municipality: 1, district: 2, neighbourhood: 3 };
  return readRegister(dataDir)
    .map(({ code, name, level, parent }) => ({ code, name, level, parent }))
    .sort((a, b) => order[a.level] - order[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
