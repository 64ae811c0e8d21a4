import { Injectable } from '@nestjs/common';
import type { FunnelView, Role } from 'contracts';
import { NotFoundError } from '../common/errors';
import { funnelModel, type FunnelKind } from '../core/signals';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { ObservationsService } from './observations.service';
import { AUDIENCES } from 'contracts';
import type { FunnelQueryDto } from './observations.dto';
import { isRestricted } from '../policy/disclosure';

/**
 * The explorer's funnel plot: the statistics run on the full aggregates with the engine's own
 * limits (exact binomial / Poisson, τ² when overdispersed); hidden cells stay hidden in the answer.
 */
@Injectable()
export class FunnelService {
  constructor(
    private readonly observations: ObservationsService,
    private readonly indicators: IndicatorsRepository,
  ) {}

  async funnel(q: FunnelQueryDto, role: Role | null): Promise<FunnelView | null> {
    const ind = await this.indicators.find(q.indicator.trim());
    if (!ind) throw new NotFoundError(`Unknown indicator ${q.indicator}`);
    if (ind.measure !== 'proportion' && ind.measure !== 'rate') return null; // no funnel for counts and means
    const query = { indicator: ind.code, area: q.area, level: q.level ?? 'district', from: q.period, to: q.period };
    // Full aggregates for the statistics; the role's view for what is shown.
    // Only cells of the period itself: a year's range also holds its quarters (and a Q1 its year).
    const [full, shown] = (await Promise.all([this.observations.list(query, AUDIENCES.full), this.observations.list(query, role)])).map((rows) =>
      rows.filter((o) => o.period === q.period.trim()),
    );
    const kind: FunnelKind = ind.measure === 'proportion' ? 'binomial' : 'poisson';
    // Restricted roles (issue 9): target, overdispersion and limits from the shown cells only, so
    // that no pooled figure nor limit denominator carries a hidden cell.
    const basis = isRestricted(role) ? shown.filter((o) => !o.suppressed) : full;
    const members = basis.flatMap((o) => (o.numerator !== null && o.denominator ? [{ subject: o.subject, x: o.numerator, e: o.denominator }] : []));
    const model = funnelModel(kind, members);
    if (!model) return null;
    const scale = ind.measure === 'proportion' ? 100 : (ind.per ?? 1000);
    const hidden = new Set(shown.filter((o) => o.suppressed).map((o) => o.subject));
    const hiddenPoints = shown
      .filter((o) => o.suppressed)
      .map((o): FunnelView['points'][number] => ({ subject: o.subject, denominator: null, value: null, suppressed: true, outside: 0, side: null }));
    return {
      indicator: ind.code,
      period: q.period!,
      method: kind === 'binomial' ? 'exact-binomial' : 'exact-poisson',
      overdispersion: { phi: model.phi, tau2: model.tau2, adjusted: model.tau2 > 0 },
      target: model.theta * scale,
      points: model.points.map((p) =>
        hidden.has(p.subject)
          ? ({ subject: p.subject, denominator: null, value: null, suppressed: true, outside: 0, side: null } as FunnelView['points'][number])
          : { subject: p.subject, denominator: p.e, value: p.rate * scale, suppressed: false, outside: p.outside, side: p.side },
      ).concat(isRestricted(role) ? hiddenPoints : []),
      limits: model.limits.map((l) => ({
        denominator: l.n, lower95: l.lower95 * scale, upper95: l.upper95 * scale, lower998: l.lower998 * scale, upper998: l.upper998 * scale,
      })),
    };
  }
}
