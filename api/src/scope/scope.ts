/**
 * Municipality scope (issue 12 §2), the pure part: which municipality a code belongs to and what of
 * an answer a scoped caller may see.
 *
 * CBS area codes carry their municipality: GM0518, WK051801 and BU05180101 all belong to GM0518
 * (also the register's letter codes such as WK0363AA). Units (schools, teams) belong to the
 * municipality of their area, looked up from the unit table. Codes of neither kind (NL00, indicator
 * codes) are not municipality data.
 */
export const AREA_CODE = /^(GM|WK|BU)(\d{4})/;

export type MunicipalityOf = (code: string) => string | null;

export function municipalityOfArea(code: string): string | null {
  const m = AREA_CODE.exec(code);
  return m ? `GM${m[2]}` : null;
}

/** Properties that name the area or unit an object is about. */
const SUBJECT_KEYS = ['area', 'areaCode', 'subject', 'municipality', 'code', 'parent'] as const;
const SUBJECT_LIST_KEYS = ['subjects', 'areas'] as const;

/** True when the object is about a municipality outside the allowed set. */
function outside(o: Record<string, unknown>, allowed: ReadonlySet<string>, of: MunicipalityOf): boolean {
  const foreign = (v: unknown) => {
    if (typeof v === 'string') {
      const m = of(v);
      return m !== null && !allowed.has(m);
    }
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { code?: unknown }).code === 'string') {
      const m = of((v as { code: string }).code);
      return m !== null && !allowed.has(m);
    }
    return false;
  };
  for (const k of SUBJECT_KEYS) if (k in o && foreign(o[k])) return true;
  for (const k of SUBJECT_LIST_KEYS) {
    const list = o[k];
    if (Array.isArray(list) && list.some(foreign)) return true;
  }
  return false;
}

/**
 * The answer with everything about other municipalities removed: array items about them are
 * dropped, nested objects about them are cut off. `denied` when the answer as a whole is about
 * another municipality (the caller then gets 404, as if it did not exist).
 */
export function filterForScope(body: unknown, allowed: ReadonlySet<string>, of: MunicipalityOf): { body: unknown; denied: boolean } {
  if (body && typeof body === 'object' && !Array.isArray(body) && outside(body as Record<string, unknown>, allowed, of)) return { body: null, denied: true };
  return { body: walk(body, allowed, of), denied: false };
}

function walk(value: unknown, allowed: ReadonlySet<string>, of: MunicipalityOf): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (item && typeof item === 'object' && !Array.isArray(item) && outside(item as Record<string, unknown>, allowed, of)) continue;
      out.push(walk(item, allowed, of));
    }
    return out;
  }
  if (value && typeof value === 'object') {
    if (value instanceof Date || Buffer.isBuffer(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && outside(v as Record<string, unknown>, allowed, of)) continue;
      out[k] = walk(v, allowed, of);
    }
    return out;
  }
  return value;
}

/** Area codes a request names (route parameters, query, JSON body), split on commas. */
export function namedCodes(params: Record<string, unknown>, query: Record<string, unknown>, body: unknown): string[] {
  const out: string[] = [];
  const take = (v: unknown) => {
    if (typeof v === 'string') out.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
    else if (Array.isArray(v)) v.forEach(take);
  };
  for (const k of ['code', 'areaCode', 'area']) take(params[k]);
  for (const k of ['area', 'areas', 'subject', 'subjects', 'municipality', 'code']) take(query[k]);
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    for (const k of ['area', 'areaCode', 'areas', 'municipality']) take(b[k]);
  }
  return out;
}
