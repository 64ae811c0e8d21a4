/**
 * Reading CBS open-data (OData) answers — pure functions, no I/O.
 *
 * Two shapes, both as CBS sends them:
 * - **OData v4** (`https://datasets.cbs.nl/odata/v1/CBS/<table>/Observations`): one record per
 *   figure, `{Id, Measure, ValueAttribute, Value, <dimensions…>}`; pages follow `@odata.nextLink`.
 * - **OData v3** `TypedDataSet` (`https://opendata.cbs.nl/ODataApi/OData/<table>/TypedDataSet`): one
 *   record per area (and period), a property per topic (`AantalInwoners_5`); pages follow
 *   `odata.nextLink`. Codes and texts are right-padded with spaces (`"GM0344    "`): always trimmed.
 *
 * A record becomes cells `{record, area, period, key, value}`, where `key` is the measure code
 * (v4) or the topic property (v3) that a source's column mapping names.
 */
import { AREA_CODE } from '../imports/parsing/statline';

/** Dimension names CBS uses for the regional key, most specific first. */
const AREA_DIMENSIONS = ['WijkenEnBuurten', 'RegioS', 'Regio', 'Gemeenten', 'Gemeente', 'Wijken', 'Buurten'];
/** v4 bookkeeping properties that are not dimensions. */
const V4_META = new Set(['Id', 'ID', 'Measure', 'Value', 'ValueAttribute', 'StringValue']);

export interface ODataCell {
  /** 1-based number of the record across all pages (used as "line" in errors). */
  record: number;
  /** Trimmed regional code, or null when the record has none. */
  area: string | null;
  /** Trimmed CBS period code (`2024JJ00`), or null when the table has no period dimension. */
  period: string | null;
  /** Measure code (v4) or topic property (v3). */
  key: string;
  /** A number, null for "not published", or the raw text when the cell is not a number. */
  value: number | null | { text: string };
}

export interface ODataPage {
  version: 'v4' | 'v3';
  cells: ODataCell[];
  records: number;
  next: string | null;
}

export class ODataShapeError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function trimmed(v: unknown): string | null {
  return typeof v === 'string' ? v.trim() || null : typeof v === 'number' ? String(v) : null;
}

/** The regional dimension of a record: a known CBS name, else the first property holding a region code. */
function areaKey(rec: Record<string, unknown>): string | null {
  for (const k of AREA_DIMENSIONS) if (k in rec) return k;
  for (const [k, v] of Object.entries(rec)) {
    const t = trimmed(v);
    if (t && AREA_CODE.test(t)) return k;
  }
  return null;
}

/** A cell's value: numbers as they are, CBS's "." and empty text as not published, other text kept for the error. */
function cellValue(v: unknown): ODataCell['value'] {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { text: String(v) };
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '' || t === '.') return null;
    const n = Number(t);
    return t !== '' && Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(t) ? n : { text: t };
  }
  return { text: JSON.stringify(v) };
}

/**
 * Reads one page. `offset` is the number of records on earlier pages; `keys` limits v3 topics to
 * the mapped ones (v4 cells of unmapped measures are dropped as well).
 */
export function readODataPage(body: unknown, offset: number, keys: ReadonlySet<string>): ODataPage {
  if (!isRecord(body) || !Array.isArray(body.value)) {
    throw new ODataShapeError('the answer is not an OData result: expected a JSON object with a "value" array');
  }
  const list = body.value as unknown[];
  const nextRaw = body['@odata.nextLink'] ?? body['odata.nextLink'];
  const next = typeof nextRaw === 'string' && nextRaw ? nextRaw : null;
  const first = list.find(isRecord);
  const version: 'v4' | 'v3' = first && 'Measure' in first && 'Value' in first ? 'v4' : 'v3';
  const cells: ODataCell[] = [];
  list.forEach((rec, i) => {
    const record = offset + i + 1;
    if (!isRecord(rec)) throw new ODataShapeError(`record ${record} is not an object`);
    const ak = areaKey(rec);
    const area = ak ? trimmed(rec[ak]) : null;
    const period = 'Perioden' in rec ? trimmed(rec.Perioden) : null;
    if (version === 'v4') {
      const key = trimmed(rec.Measure);
      if (!key) throw new ODataShapeError(`record ${record} has no Measure`);
      if (!keys.has(key)) return;
      const value = rec.Value === null && typeof rec.StringValue === 'string' ? cellValue(rec.StringValue) : cellValue(rec.Value);
      cells.push({ record, area, period, key, value });
      return;
    }
    for (const key of keys) {
      if (!(key in rec)) continue;
      cells.push({ record, area, period, key, value: cellValue(rec[key]) });
    }
  });
  return { version, cells, records: list.length, next };
}

/** The keys of the first record (for "column X is not in this table"). */
export function recordKeys(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body.value)) return [];
  const first = (body.value as unknown[]).find(isRecord);
  if (!first) return [];
  if ('Measure' in first && 'Value' in first) return [];
  return Object.keys(first).filter((k) => !V4_META.has(k));
}

/** The first page's address: v3 (`…/ODataApi/…`) reads TypedDataSet, v4 reads Observations. */
export function firstPageUrl(base: string, tableId: string, keys: readonly string[]): string {
  const root = base.replace(/\/+$/, '');
  if (/odataapi/i.test(root)) return `${root}/${encodeURIComponent(tableId)}/TypedDataSet`;
  const url = new URL(`${root}/${encodeURIComponent(tableId)}/Observations`);
  if (keys.length > 0 && keys.length <= 40) url.searchParams.set('$filter', keys.map((k) => `Measure eq '${k.replace(/'/g, "''")}'`).join(' or '));
  return url.toString();
}

/** Unit per measure from a v4 `MeasureCodes` answer (`{value:[{Identifier, Unit, Title}]}`). */
export function measureUnits(body: unknown): Map<string, { unit: string; title: string }> {
  const out = new Map<string, { unit: string; title: string }>();
  if (!isRecord(body) || !Array.isArray(body.value)) return out;
  for (const m of body.value as unknown[]) {
    if (!isRecord(m)) continue;
    const id = trimmed(m.Identifier);
    if (id) out.set(id, { unit: trimmed(m.Unit) ?? '', title: trimmed(m.Title) ?? id });
  }
  return out;
}

/** Does an indicator's measure fit a CBS unit? (`aantal` → count, `%` → proportion.) Returns the reason when not. */
export function unitMismatch(key: string, unit: string, measure: string): string | null {
  const u = unit.trim().toLowerCase();
  if (!u) return null;
  const percent = u === '%' || u.startsWith('% ') || u.startsWith('procent');
  const count = u === 'aantal' || u === 'number' || u === 'absolute aantallen';
  if (percent && measure !== 'proportion') return `column ${key} holds percentages (%): map it to a proportion indicator, not a ${measure}`;
  if (count && measure !== 'count') return `column ${key} holds counts (${unit}): map it to a count indicator, not a ${measure}`;
  if (!percent && measure === 'proportion') return `column ${key} is not a percentage (${unit}): a proportion indicator cannot read it`;
  return null;
}
