import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AREA_LEVELS, type AreaLevel, type FieldError, type Indicator } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors';
import { loadDisclosureConfig } from '../disclosure/disclosure-config';
import { validateOneOrMany } from '../common/validation';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorInputDto } from './indicators.dto';
import { effectiveMin, minCountAllowed, minCountRange } from '../policy';

const text = (v: string | null | undefined): string | null => (typeof v === 'string' && v !== '' ? v.trim() : null);

/** The catalogue entry of a checked input: trimmed texts, defaults (subject kind area, minCount 5, no links). */
function toIndicator(d: IndicatorInputDto): Indicator {
  return {
    code: d.code.trim(),
    name: { nl: d.name.nl.trim(), en: d.name.en.trim() },
    quadrant: d.quadrant,
    measure: d.measure,
    polarity: d.polarity,
    subjectKind: d.subjectKind ?? 'area',
    per: d.per ?? null,
    minCount: d.minCount ?? 5,
    theme: text(d.theme),
    description: text(d.description),
    statlineColumn: text(d.statlineColumn),
    leadsTo: (d.leadsTo ?? []).map((l) => ({ indicator: l.indicator, maxLag: l.maxLag })),
    source: text(d.source),
    licence: text(d.licence),
    ...(d.topic !== undefined ? { topic: d.topic } : {}),
  };
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

  /** Upserts one indicator or an array (any input: checked with `IndicatorInputDto`'s rules), all or nothing; 400 naming every bad field. */
  async upsert(body: unknown, actor: string): Promise<{ upserted: number; indicators: Indicator[] }> {
    return this.upsertChecked(await validateOneOrMany(IndicatorInputDto, body), actor);
  }

  /** Upserts indicators that passed `IndicatorInputDto`; checks what needs the catalogue (floor, duplicates, links, stored figures). */
  async upsertChecked(checked: { items: IndicatorInputDto[]; many: boolean }, actor: string): Promise<{ upserted: number; indicators: Indicator[] }> {
    const input = checked.items;
    const body = checked.many ? input : input[0];
    const errors: FieldError[] = [];
    const items: Indicator[] = input.map(toIndicator);
    // Disclosure floor (issue 9): only the administrator, through DISCLOSURE_MIN_COUNT, can go lower.
    const { floor } = loadDisclosureConfig();
    items.forEach((it, i) => {
      const raw = input[i];
      if (raw.minCount === undefined || raw.minCount === null) it.minCount = effectiveMin(it.minCount, floor);
      else if (!minCountAllowed(it.minCount, floor)) {
        const range = minCountRange(floor);
        errors.push({
          field: `${Array.isArray(body) ? `[${i}].` : ''}minCount`,
          message: `must be a whole number from ${range.min} (the disclosure floor DISCLOSURE_MIN_COUNT, set by the administrator) to ${range.max}`,
          code: 'indicator.minCount.range',
          params: range,
        });
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
