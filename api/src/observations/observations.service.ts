import { Injectable } from '@nestjs/common';
import { type AreaLevel, type Observation, type ObservationProvenance, type Role } from 'contracts';
import { AreasRepository } from '../areas/areas.repository';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { addPeriods, isPeriodError, parsePeriod, periodLabel } from '../core/period';
import { ObservationsRepository, type ObservationFilter, type ObservationRow } from './observations.repository';
import { DisclosureService } from '../disclosure/disclosure.service';
import { isRestricted } from '../policy/disclosure';

export const MAX_OBSERVATIONS = 200_000;

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
    private readonly disclosure: DisclosureService,
  ) {}

  /** Turns a query (checked by `ObservationsQueryDto`) into the repository's filter. */
  private async filterOf(q: ObservationQuery): Promise<ObservationFilter> {
    const level = q.level?.trim() || undefined;
    const bound = (field: 'from' | 'to'): string | undefined => {
      const raw = q[field]?.trim();
      const p = raw ? parsePeriod(raw) : null;
      if (!p || isPeriodError(p)) return undefined;
      if (field === 'from') return p.start;
      const next = parsePeriod(addPeriods(p.label, 1));
      return isPeriodError(next) ? undefined : next.start;
    };
    const from = bound('from');
    const before = bound('to');
    if (q.area && !(await this.areas.find(q.area))) throw new NotFoundError(`Unknown area ${q.area}`);
    const indicators = q.indicator?.split(',').map((s) => s.trim()).filter(Boolean);
    return { indicators, area: q.area, level: level as AreaLevel | 'unit' | undefined, from, before, limit: MAX_OBSERVATIONS + 1 };
  }

  async list(q: ObservationQuery, role: Role | null): Promise<Observation[]> {
    const rows = await this.observations.list(await this.filterOf(q));
    if (rows.length > MAX_OBSERVATIONS) {
      throw new InvalidInputError(`More than ${MAX_OBSERVATIONS} observations match; filter by indicator, area and level, or period`);
    }
    // Restricted roles: served from the one stored pattern (api/src/disclosure), never per answer.
    const restricted = isRestricted(role);
    const pattern = await this.disclosure.hidden(role, rows.map((r) => r.indicator), rows.map((r) => r.subject));
    const hidden = rows.map((r) => pattern.has(r.indicator, r.subject, r.granularity, r.start));
    return rows.map((r, i) => {
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
      if (hidden[i]) return { ...o, value: null, numerator: null, denominator: null, n: null, suppressed: true };
      if (restricted && this.disclosure.config.roundTo > 1) return this.rounded(o, r, role);
      return o;
    });
  }

  /** Shown counts rounded (DISCLOSURE_ROUND_TO); a rate or proportion follows its rounded counts. */
  private rounded(o: Observation, r: ObservationRow, role: Role | null): Observation {
    const numerator = this.disclosure.shownCount(r.numerator, role);
    const denominator = this.disclosure.shownCount(r.denominator, role);
    let value = r.value;
    if (r.measure === 'count') value = this.disclosure.shownCount(r.value, role);
    else if (value !== null && r.numerator && numerator !== null && r.denominator && denominator) {
      value = (value * (numerator / r.numerator)) / (denominator / r.denominator);
    } else if (value !== null && r.numerator === 0) value = 0;
    return { ...o, value, numerator, denominator, n: this.disclosure.shownCount(r.n, role) };
  }

  /** Which import batches wrote each matching observation (analysts and admins). */
  async provenance(q: ObservationQuery): Promise<ObservationProvenance[]> {
    const rows = await this.observations.provenance(await this.filterOf(q));
    if (rows.length > MAX_OBSERVATIONS) {
      throw new InvalidInputError(`More than ${MAX_OBSERVATIONS} observations match; filter by indicator, area and level, or period`);
    }
    return rows.map((r) => ({ indicator: r.indicator, subject: r.subject, period: periodLabel(r.start, r.granularity), batches: r.batches }));
  }
}
