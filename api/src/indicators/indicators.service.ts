import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AREA_LEVELS, INDICATOR_TOPICS, MEASURES, POLARITIES, QUADRANTS, SUBJECT_KINDS, type AreaLevel, type FieldError, type Indicator, type IndicatorTopic } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors';
import { loadDisclosureConfig } from '../disclosure/disclosure-config';
import { IndicatorsRepository } from './indicators.repository';

const CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one indicator object; pushes field errors (prefixed `[i].` for arrays). */
export function validateIndicator(raw: unknown, prefix: string, errors: FieldError[]): Indicator | null {
  const before = errors.length;
  const err = (field: string, message: string) => errors.push({ field: `${prefix}${field}`, message });
  if (!isObject(raw)) {
    err('', 'must be an object');
    return null;
  }
  const known = new Set(['code', 'name', 'quadrant', 'measure', 'polarity', 'subjectKind', 'per', 'minCount', 'theme', 'description',
    'statlineColumn', 'leadsTo', 'source', 'licence', 'topic']);
  for (const k of Object.keys(raw)) if (!known.has(k)) err(k, `unknown field ${k}`);
  const str = (k: string, required: boolean, max = 2000): string | null => {
    const v = raw[k];
    if (v === undefined || v === null || v === '') {
      if (required) err(k, `${k} is required`);
      return null;
    }
    if (typeof v !== 'string') {
      err(k, `${k} must be a string`);
      return null;
    }
    if (v.length > max) err(k, `${k} is longer than ${max} characters`);
    return v.trim();
  };
  const oneOf = <T extends string>(k: string, allowed: readonly T[]): T | null => {
    const v = raw[k];
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      err(k, `${k} must be one of ${allowed.join(', ')}`);
      return null;
    }
    return v as T;
  };
  const code = str('code', true, 64);
  if (code !== null && !CODE.test(code)) err('code', 'code must be lower-case letters, digits, "-", "_" or "." (e.g. debt-signals)');
  let name: { nl: string; en: string } | null = null;
  if (!isObject(raw.name)) err('name', 'name must be an object {nl, en}');
  else {
    const nl = raw.name.nl;
    const en = raw.name.en;
    if (typeof nl !== 'string' || !nl.trim()) err('name.nl', 'name.nl is required');
    if (typeof en !== 'string' || !en.trim()) err('name.en', 'name.en is required');
    if (typeof nl === 'string' && typeof en === 'string') name = { nl: nl.trim(), en: en.trim() };
  }
  const quadrant = oneOf('quadrant', QUADRANTS);
  const measure = oneOf('measure', MEASURES);
  const polarity = oneOf('polarity', POLARITIES);
  const subjectKind = raw.subjectKind === undefined ? 'area' : oneOf('subjectKind', SUBJECT_KINDS);
  let per: number | null = null;
  if (raw.per !== undefined && raw.per !== null) {
    if (typeof raw.per !== 'number' || !(raw.per > 0) || !Number.isFinite(raw.per)) err('per', 'per must be a positive number');
    else per = raw.per;
  }
  if (measure === 'rate' && per === null) err('per', 'a rate needs per (e.g. 1000)');
  let minCount = 5;
  if (raw.minCount !== undefined && raw.minCount !== null) {
    if (typeof raw.minCount !== 'number' || !Number.isInteger(raw.minCount) || raw.minCount < 0 || raw.minCount > 1000) {
      err('minCount', 'minCount must be a whole number 0–1000');
    } else minCount = raw.minCount;
  }
  const leadsTo: Indicator['leadsTo'] = [];
  if (raw.leadsTo !== undefined && raw.leadsTo !== null) {
    if (!Array.isArray(raw.leadsTo)) err('leadsTo', 'leadsTo must be an array of {indicator, maxLag}');
    else
      raw.leadsTo.forEach((l: unknown, j: number) => {
        if (!isObject(l) || typeof l.indicator !== 'string' || !CODE.test(l.indicator)) {
          err(`leadsTo[${j}].indicator`, 'indicator must be an indicator code');
          return;
        }
        if (typeof l.maxLag !== 'number' || !Number.isInteger(l.maxLag) || l.maxLag < 0 || l.maxLag > 24) {
          err(`leadsTo[${j}].maxLag`, 'maxLag must be a whole number of periods 0–24');
          return;
        }
        leadsTo.push({ indicator: l.indicator, maxLag: l.maxLag });
      });
  }
  const theme = str('theme', false, 100);
  const description = str('description', false);
  const statlineColumn = str('statlineColumn', false, 500);
  const source = str('source', false, 500);
  const licence = str('licence', false, 500);
  let topic: IndicatorTopic | null | undefined;
  if (raw.topic === null) topic = null;
  else if (raw.topic !== undefined) {
    if (typeof raw.topic !== 'string' || !(INDICATOR_TOPICS as readonly string[]).includes(raw.topic)) err('topic', `topic must be one of ${INDICATOR_TOPICS.join(', ')} or null`);
    else topic = raw.topic as IndicatorTopic;
  }
  if (errors.length > before || !code || !name || !quadrant || !measure || !polarity || !subjectKind) return null;
  return { code, name, quadrant, measure, polarity, subjectKind, per, minCount, theme, description, statlineColumn, leadsTo, source, licence, ...(topic !== undefined ? { topic } : {}) };
}

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicators: IndicatorsRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(area?: string, level?: string): Promise<Indicator[]> {
    if (level !== undefined && !AREA_LEVELS.includes(level as AreaLevel)) {
      throw new InvalidInputError(`level must be one of ${AREA_LEVELS.join(', ')}`, [{ field: 'level', message: 'unknown level' }]);
    }
    return area ? this.indicators.listWithDataIn(area, level) : this.indicators.list();
  }

  /** Upserts one indicator or an array, all or nothing; 400 naming every bad field. */
  async upsert(body: unknown, actor: string): Promise<{ upserted: number; indicators: Indicator[] }> {
    const input = Array.isArray(body) ? body : [body];
    const errors: FieldError[] = [];
    if (input.length === 0) throw new InvalidInputError('Send one indicator or a non-empty array', [{ field: '', message: 'empty array' }]);
    const items: Indicator[] = [];
    input.forEach((raw, i) => {
      const ind = validateIndicator(raw, Array.isArray(body) ? `[${i}].` : '', errors);
      if (ind) items.push(ind);
    });
    // Disclosure floor (issue 9): only the administrator, through DISCLOSURE_MIN_COUNT, can go lower.
    const { floor } = loadDisclosureConfig();
    items.forEach((it, i) => {
      const raw = input[i] as { minCount?: unknown } | null;
      if (raw?.minCount === undefined || raw.minCount === null) it.minCount = Math.max(it.minCount, floor);
      else if (it.minCount < floor) {
        errors.push({ field: `${Array.isArray(body) ? `[${i}].` : ''}minCount`, message: `must be at least ${floor}, the disclosure floor (DISCLOSURE_MIN_COUNT, set by the administrator)` });
      }
    });
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.code)) errors.push({ field: `[${i}].code`, message: `${it.code} appears twice` });
      seen.add(it.code);
    });
    if (!errors.length) {
      const known = await this.indicators.codes();
      items.forEach((it, i) =>
        it.leadsTo.forEach((l, j) => {
          if (!known.has(l.indicator) && !seen.has(l.indicator)) {
            errors.push({ field: `${Array.isArray(body) ? `[${i}].` : ''}leadsTo[${j}].indicator`, message: `unknown indicator ${l.indicator}` });
          }
        }),
      );
    }
    if (!errors.length) {
      // Figures already stored keep their meaning (issue 16): an indicator with data cannot change
      // what it measures, what it is about, or the unit of its rate.
      const stored = await this.indicators.withFigures(items.map((i) => i.code));
      items.forEach((it, i) => {
        const was = stored.get(it.code);
        if (!was) return;
        const at = Array.isArray(body) ? `[${i}].` : '';
        if (was.measure !== it.measure) errors.push({ field: `${at}measure`, message: `${it.code} has figures measured as ${was.measure}: its measure cannot change`, code: 'indicator.measure.locked', params: { indicator: it.code, measure: was.measure } });
        if (was.subjectKind !== it.subjectKind) errors.push({ field: `${at}subjectKind`, message: `${it.code} has figures about ${was.subjectKind}s: what it is about cannot change`, code: 'indicator.subjectKind.locked', params: { indicator: it.code } });
        if (it.measure === 'rate' && was.measure === 'rate' && was.per !== it.per) errors.push({ field: `${at}per`, message: `${it.code} has figures per ${was.per}: the unit of the rate cannot change`, code: 'indicator.per.locked', params: { indicator: it.code, per: String(was.per) } });
      });
    }
    if (errors.length) throw new InvalidInputError(errors.map((e) => `${e.field}: ${e.message}`).slice(0, 5).join('; '), errors);
    await this.db.transaction(async (m) => {
      await this.indicators.upsert(items, m);
      await this.audit.record({ actor, action: 'indicators.upsert', details: { codes: items.map((i) => i.code) } }, m);
    });
    return { upserted: items.length, indicators: items };
  }
}
