import { Injectable } from '@nestjs/common';
import { AREA_LEVELS, type AreaLevel, type Observation, type Role } from 'contracts';
import { AreasRepository } from '../areas/areas.repository';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { addPeriods, isPeriodError, parsePeriod, periodLabel } from '../imports/parsing';
import { ObservationsRepository, type ObservationRow } from './observations.repository';

export const MAX_OBSERVATIONS = 200_000;

/** Roles that see small numbers (DESIGN §6: analysts; admins manage the data and see them too). */
const SEES_SMALL_NUMBERS: ReadonlySet<Role> = new Set<Role>(['analyst', 'admin']);

/**
 * Disclosure control (DESIGN §6): a count below the indicator's minimum — the numerator, the
 * complement denominator − numerator (it can be worked back from the total), a count measure's
 * value, or a mean's n — hides the row's value, numerator and denominator.
 */
export function mustSuppress(r: Pick<ObservationRow, 'value' | 'numerator' | 'denominator' | 'n' | 'measure' | 'minCount'>): boolean {
  const m = r.minCount;
  if (m <= 0) return false;
  if (r.numerator !== null && r.numerator < m) return true;
  if (r.numerator !== null && r.denominator !== null && r.denominator - r.numerator < m && r.denominator - r.numerator >= 0 && r.measure === 'proportion') return true;
  if (r.measure === 'count' && r.value !== null && r.value < m) return true;
  if (r.measure === 'mean' && r.n !== null && r.n < m) return true;
  return false;
}

export interface ObservationQuery {
  indicator?: string;
  area?: string;
  level?: string;
  from?: string;
  to?: string;
}

@Injectable()
export class ObservationsService {
  constructor(
    private readonly observations: ObservationsRepository,
    private readonly areas: AreasRepository,
  ) {}

  async list(q: ObservationQuery, role: Role | null): Promise<Observation[]> {
    const errors: { field: string; message: string }[] = [];
    const level = q.level?.trim() || undefined;
    if (level && !(AREA_LEVELS as readonly string[]).includes(level) && level !== 'unit') {
      errors.push({ field: 'level', message: `level must be one of ${AREA_LEVELS.join(', ')}, unit` });
    }
    if (level && !q.area) errors.push({ field: 'area', message: 'level needs an area (the areas of that level inside it)' });
    const bound = (field: 'from' | 'to'): string | undefined => {
      const raw = q[field]?.trim();
      if (!raw) return undefined;
      const p = parsePeriod(raw);
      if (isPeriodError(p)) {
        errors.push({ field, message: p.error });
        return undefined;
      }
      if (field === 'from') return p.start;
      const next = parsePeriod(addPeriods(p.label, 1));
      return isPeriodError(next) ? undefined : next.start;
    };
    const from = bound('from');
    const before = bound('to');
    if (errors.length) throw new InvalidInputError(errors.map((e) => e.message).join('; '), errors);
    if (q.area && !(await this.areas.find(q.area))) throw new NotFoundError(`Unknown area ${q.area}`);
    const indicators = q.indicator?.split(',').map((s) => s.trim()).filter(Boolean);
    const rows = await this.observations.list({ indicators, area: q.area, level: level as AreaLevel | 'unit' | undefined, from, before, limit: MAX_OBSERVATIONS + 1 });
    if (rows.length > MAX_OBSERVATIONS) {
      throw new InvalidInputError(`More than ${MAX_OBSERVATIONS} observations match; filter by indicator, area and level, or period`);
    }
    const seesAll = role !== null && SEES_SMALL_NUMBERS.has(role);
    return rows.map((r) => {
      const o: Observation = {
        indicator: r.indicator,
        subject: r.subject,
        period: periodLabel(r.start, r.granularity),
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        n: r.n,
        status: r.status,
      };
      if (!seesAll && mustSuppress(r)) return { ...o, value: null, numerator: null, denominator: null, suppressed: true };
      return o;
    });
  }
}
