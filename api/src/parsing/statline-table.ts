/** Virtual flat table → the uniform StatlineTable: column roles, region codes, periods, numbers. */
import { Delimiter } from './csv';
import { ErrorList, quote } from './errors';
import { isNumberError, parseNumber } from './numbers';
import { AREA_CODE, AREA_NAME_HEADER, ATTRIBUTE_HEADER, CODE_HEADER, PERIOD_HEADER, StatlineCell, StatlineOptions, StatlineTable, VTable, hasUnit } from './statline-model';
import { Period, isPeriodError, parsePeriod, periodFromTitle } from '../core/period';

// ---------------------------------------------------------------------------------------------
// Virtual table → uniform output

function allAreaCodes(t: VTable, col: number): boolean {
  let seen = 0;
  for (const r of t.rows) {
    const v = r.cells[col].raw.trim();
    if (v === '' || v === '.') continue;
    if (!AREA_CODE.test(v)) return false;
    seen++;
  }
  return seen > 0;
}

export function buildTable(t: VTable, delimiter: Delimiter | null, options: StatlineOptions, errors: ErrorList): StatlineTable {
  const h = t.header;
  type Role = 'skip' | 'period' | 'name' | 'dim' | 'attribute' | 'measure';
  const roles: Role[] = [];
  let leading = true;
  h.forEach((name, c) => {
    if (name === '') {
      roles.push('skip'); // R's row-number column, or an unnamed column
      return;
    }
    const isLeading = t.leadingDims !== null ? c < t.leadingDims : leading && !hasUnit(name);
    if (!isLeading) leading = false;
    if (PERIOD_HEADER.test(name)) roles.push('period');
    else if (isLeading && AREA_NAME_HEADER.test(name)) roles.push('name');
    else if (isLeading) roles.push('dim');
    else if (ATTRIBUTE_HEADER.test(name)) roles.push('attribute');
    else roles.push('measure');
  });
  const first = (role: Role): number => roles.indexOf(role);
  let nameCol = first('name');
  const periodCol = first('period');

  // Region codes
  let codeCol = h.findIndex((name, c) => roles[c] !== 'skip' && roles[c] !== 'period' && CODE_HEADER.test(name) && allAreaCodes(t, c));
  if (codeCol === -1) codeCol = h.findIndex((_, c) => (roles[c] === 'name' || roles[c] === 'dim' || roles[c] === 'attribute') && allAreaCodes(t, c));
  if (codeCol !== -1 && roles[codeCol] === 'dim') roles[codeCol] = 'skip';
  if (codeCol !== -1 && roles[codeCol] !== 'name') roles[codeCol] = 'skip';
  if (nameCol === -1 && codeCol !== -1) nameCol = codeCol;

  const columns = h.filter((_, c) => roles[c] === 'measure');
  const dimColumns = h.filter((_, c) => roles[c] === 'dim');
  const attributeColumns = h.filter((_, c) => roles[c] === 'attribute');
  const units: Record<string, string> = {};
  for (const col of columns) if (t.units[col]) units[col] = t.units[col];

  let layout = t.layout;
  if (layout === 'flat') {
    const sample = t.rows.slice(0, 200);
    const padded = sample.some((r) => r.cells.some((cell, c) => roles[c] === 'measure' && /^ +\S/.test(cell.raw)));
    if (padded) layout = 'flat-symbols';
  }

  const table: StatlineTable = {
    layout,
    delimiter,
    title: t.title,
    titlePeriod: t.title ? periodFromTitle(t.title) : null,
    columns,
    units,
    periodColumn: periodCol === -1 ? null : h[periodCol],
    areaCodeColumn: codeCol === -1 ? null : h[codeCol],
    areaNameColumn: nameCol === -1 ? null : h[nameCol],
    dimColumns,
    attributeColumns,
    rows: [],
    errors: [],
    errorCount: 0,
  };

  if (codeCol === -1 && !options.resolveAreaName && !options.allowMissingAreaCodes) {
    const where = nameCol === -1 ? 'no region column' : `column ${quote(h[nameCol])} has region names only`;
    errors.add(
      t.headerLine,
      nameCol === -1 ? null : h[nameCol],
      `this StatLine table has no area codes (${where}); download it again with the topic "Regioaanduiding/Codering (code)" selected, or use the flat CSV download with codes`,
      'import.statline.noAreaCodes',
    );
    return table;
  }

  const sentinels = options.sentinels ?? false;
  for (const r of t.rows) {
    const cells = r.cells;
    const areaName = nameCol === -1 ? '' : cells[nameCol].raw.trim();
    let areaCode: string | null = null;
    if (codeCol !== -1) {
      areaCode = cells[codeCol].raw.trim();
      if (areaCode === '' || areaCode === '.') {
        errors.add(cells[codeCol].line, h[codeCol], `missing area code${areaName ? ` for ${quote(areaName)}` : ''}`, areaName ? 'import.statline.missingAreaCodeFor' : 'import.statline.missingAreaCode', { name: areaName.slice(0, 60) });
        continue;
      }
    } else if (options.resolveAreaName) {
      const code = options.resolveAreaName(areaName);
      if (!code) {
        errors.add(nameCol === -1 ? r.line : cells[nameCol].line, nameCol === -1 ? null : h[nameCol], `unknown area name ${quote(areaName)}`, 'import.statline.unknownAreaName', { value: areaName.slice(0, 60) });
        continue;
      }
      areaCode = code;
    }
    let period: Period | null = null;
    if (periodCol !== -1) {
      const p = parsePeriod(cells[periodCol].raw);
      if (isPeriodError(p)) {
        errors.add(cells[periodCol].line, h[periodCol], p.error, 'import.badPeriod', { value: cells[periodCol].raw.trim().slice(0, 40) });
        continue;
      }
      period = p;
    }
    const dims: Record<string, string> = {};
    const attributes: Record<string, string> = {};
    const out: Record<string, StatlineCell> = {};
    for (let c = 0; c < h.length; c++) {
      const role = roles[c];
      const cell = cells[c];
      if (role === 'dim') dims[h[c]] = cell.raw.trim();
      else if (role === 'attribute') attributes[h[c]] = cell.raw.trim();
      else if (role === 'measure') {
        const n = parseNumber(cell.raw, { sentinels });
        out[h[c]] = isNumberError(n)
          ? { value: null, raw: cell.raw, column: cell.column, line: cell.line, error: n.error }
          : { value: n.value, raw: cell.raw, column: cell.column, line: cell.line };
      }
    }
    table.rows.push({ line: r.line, areaCode, areaName, period, dims, attributes, cells: out });
  }
  return table;
}

export function emptyTable(delimiter: Delimiter | null): StatlineTable {
  return {
    layout: 'flat',
    delimiter,
    title: null,
    titlePeriod: null,
    columns: [],
    units: {},
    periodColumn: null,
    areaCodeColumn: null,
    areaNameColumn: null,
    dimColumns: [],
    attributeColumns: [],
    rows: [],
    errors: [],
    errorCount: 0,
  };
}
