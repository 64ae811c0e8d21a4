import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { AREA_LEVELS, type AreaDetail, type AreaInput, type AreaLevel, type AreaSummary, type BoundaryUploadResult } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { DisclosureService } from '../disclosure/disclosure.service';
import { InvalidInputError, NotFoundError, UnprocessableError } from '../common/errors';
import { AreasRepository } from './areas.repository';
import { readBoundaryFile } from './boundary-file';

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: string; properties: { code: string; name: string; level: AreaLevel }; geometry: unknown }[];
}

const CODE = /^[A-Z]{2}[0-9A-Z-]{2,12}$/;
const PARENT_LEVEL: Record<AreaLevel, AreaLevel | null> = {
  country: null,
  municipality: 'country',
  district: 'municipality',
  neighbourhood: 'district',
};

@Injectable()
export class AreasService {
  constructor(
    private readonly areas: AreasRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly disclosure: DisclosureService,
  ) {}

  async list(filter: { level?: AreaLevel; parent?: string }): Promise<AreaSummary[]> {
    let parentLevel: AreaLevel | undefined;
    if (filter.parent) {
      const parent = await this.areas.find(filter.parent);
      if (!parent) throw new NotFoundError(`Unknown area ${filter.parent}`);
      parentLevel = parent.level;
    }
    if (!filter.level && !filter.parent) return this.areas.list({ level: 'municipality' });
    return this.areas.list({ ...filter, parentLevel });
  }

  async get(code: string): Promise<AreaDetail> {
    const area = await this.areas.find(code);
    if (!area) throw new NotFoundError(`Unknown area ${code}`);
    const [ancestors, children, childCounts, boundaryCounts] = await Promise.all([
      this.areas.ancestors(code),
      this.areas.children(code),
      this.areas.descendantCounts(code, area.level),
      this.areas.boundaryCounts(code, area.level),
    ]);
    return { code: area.code, name: area.name, level: area.level, parent: area.parent, ancestors, children, childCounts, hasBoundary: area.hasBoundary, boundaryCounts };
  }

  /**
   * The boundaries of the area's children; with `level`, of the areas of that level inside it
   * (`GM0599?level=neighbourhood`: every buurt of Rotterdam that has a boundary).
   */
  async boundaries(code: string, level?: string): Promise<FeatureCollection> {
    if (level !== undefined && !AREA_LEVELS.includes(level as AreaLevel)) {
      throw new InvalidInputError(`level must be one of ${AREA_LEVELS.join(', ')}`, [{ field: 'level', message: 'unknown level' }]);
    }
    const area = await this.areas.find(code);
    if (!area) throw new NotFoundError(`Unknown area ${code}`);
    const inMunicipality = level && area.level === 'municipality' && level !== 'district' ? (level as AreaLevel) : undefined;
    const rows = await this.areas.boundaries(code, inMunicipality);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({ type: 'Feature', id: r.code, properties: { code: r.code, name: r.name, level: r.level }, geometry: r.boundary })),
    };
  }

  /**
   * Stores uploaded boundaries (GeoJSON or TopoJSON, WGS84 or RD New) all or nothing: every
   * feature's code must be in the register and every geometry valid, else 422 naming each
   * feature and nothing is written. Audited as `areas.boundaries`.
   */
  async uploadBoundaries(
    bytes: Uint8Array,
    actor: string,
    options: { crs?: string; object?: string; fileName?: string | null } = {},
  ): Promise<BoundaryUploadResult> {
    const checksum = createHash('sha256').update(bytes).digest('hex');
    let existing = new Map<string, { level: AreaLevel; municipality: string | null }>();
    const known = async (codes: string[]): Promise<ReadonlySet<string>> => {
      existing = await this.areas.existingCodes(codes);
      return new Set(existing.keys());
    };
    const outcome = await readBoundaryFile(bytes, known, { crs: options.crs || undefined, object: options.object || undefined });
    if (!outcome.ok) {
      const { errors } = outcome;
      const fileLevel = errors.length === 1 && errors[0]!.feature === null ? errors[0]! : null;
      throw new UnprocessableError(
        fileLevel ? `The boundary file was refused: ${fileLevel.message}; nothing was written` : `${errors.length} problems in the boundary file; nothing was written`,
        errors.slice(0, 100),
        fileLevel
          ? { code: fileLevel.code, params: fileLevel.params, errorCount: 1 }
          : { code: 'boundaries.invalid', params: { count: errors.length }, errorCount: errors.length },
      );
    }
    const { features, crs, format } = outcome.value;
    const byLevel: Partial<Record<AreaLevel, number>> = {};
    const municipalities = new Set<string>();
    for (const f of features) {
      const e = existing.get(f.code)!;
      byLevel[e.level] = (byLevel[e.level] ?? 0) + 1;
      const m = e.level === 'municipality' ? f.code : e.municipality;
      if (m) municipalities.add(m);
    }
    const updated = await this.db.transaction(async (m) => {
      const n = await this.areas.setBoundaries(new Map(features.map((f) => [f.code, f.geometry])), m);
      await this.audit.record(
        { actor, action: 'areas.boundaries', details: { count: n, byLevel, crs, format, checksum, fileName: options.fileName ?? null, municipalities: [...municipalities].sort() } },
        m,
      );
      return n;
    });
    return { updated, byLevel, municipalities: [...municipalities].sort(), format, crs, checksum };
  }

  /**
   * Upserts areas (e.g. a municipality's own sub-areas) all-or-nothing. Rows are checked for
   * code, level and parent (existing, or earlier in the same batch) before anything is written.
   */
  async upsert(input: AreaInput[], actor: string, lineOf: (index: number) => number = (i) => i + 1): Promise<{ upserted: number }> {
    const errors: { line: number; column: string; message: string }[] = [];
    const parentCodes = [...new Set(input.map((a) => a.parent).filter((p): p is string => !!p))];
    const existing = await this.areas.existingCodes(parentCodes);
    const inBatch = new Map<string, { level: AreaLevel; municipality: string | null }>();
    const sorted = [...input.entries()].sort(([, a], [, b]) => AREA_LEVELS.indexOf(a.level) - AREA_LEVELS.indexOf(b.level));
    const rows: (AreaInput & { municipality: string | null })[] = [];
    for (const [index, a] of sorted) {
      const line = lineOf(index);
      const code = String(a.code ?? '').trim();
      if (!CODE.test(code)) errors.push({ line, column: 'code', message: `"${code}" is not an area code like GM0599 or WK059901` });
      if (!a.name || !String(a.name).trim()) errors.push({ line, column: 'name', message: 'name is empty' });
      if (!AREA_LEVELS.includes(a.level)) {
        errors.push({ line, column: 'level', message: `level must be one of ${AREA_LEVELS.join(', ')}` });
        continue;
      }
      if (inBatch.has(code)) errors.push({ line, column: 'code', message: `${code} appears twice in this batch` });
      let municipality: string | null = a.level === 'municipality' ? code : null;
      const wanted = PARENT_LEVEL[a.level];
      if (wanted) {
        const parent = a.parent ? (inBatch.get(a.parent) ?? existing.get(a.parent)) : undefined;
        if (!a.parent) errors.push({ line, column: 'parent', message: `a ${a.level} needs a parent ${wanted}` });
        else if (!parent) errors.push({ line, column: 'parent', message: `unknown parent area ${a.parent}` });
        else if (parent.level !== wanted) errors.push({ line, column: 'parent', message: `parent ${a.parent} is a ${parent.level}, expected a ${wanted}` });
        else if (a.level !== 'municipality') municipality = parent.municipality;
      }
      inBatch.set(code, { level: a.level, municipality });
      rows.push({ code, name: String(a.name).trim(), level: a.level, parent: a.parent ?? null, municipality });
    }
    if (errors.length) {
      errors.sort((x, y) => x.line - y.line);
      throw new UnprocessableError(`${errors.length} invalid area rows; nothing was written`, errors.slice(0, 100), { errorCount: errors.length, rowsAccepted: 0 });
    }
    await this.db.transaction(async (m) => {
      await this.areas.upsert(rows, m);
      await this.disclosure.forgetAll(m); // the hierarchy changed: patterns are decided again (issue 9)
      await this.audit.record({ actor, action: 'areas.upsert', details: { count: rows.length } }, m);
    });
    return { upserted: rows.length };
  }
}

