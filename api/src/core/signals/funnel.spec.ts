import { binomialFunnelLimits, poissonFunnelLimits } from '../statistics';
import { funnelLimitsAt, funnelModel } from './funnel';

describe('funnel plots shared by the engine and the explorer', () => {
  it('uses the exact limits without overdispersion (vectors A and F of the reference)', () => {
    expect(funnelLimitsAt('binomial', 100, 0.1, 0.998)).toEqual(binomialFunnelLimits(100, 0.1, 0.998));
    expect(funnelLimitsAt('binomial', 100, 0.1, 0.998).upper).toBeCloseTo(0.198357, 5);
    // theta 0.5 events per unit of exposure, exposure 30: E = 15
    expect(funnelLimitsAt('poisson', 30, 0.5, 0.95).upper).toBeCloseTo(poissonFunnelLimits(15, 0.95).upper * 0.5, 12);
    expect(funnelLimitsAt('poisson', 30, 0.5, 0.95).upper / 0.5).toBeCloseTo(1.649348, 5);
  });

  it('widens the limits with τ² on the arcsine scale', () => {
    const plain = funnelLimitsAt('binomial', 400, 0.2, 0.998);
    const wide = funnelLimitsAt('binomial', 400, 0.2, 0.998, 0.002);
    expect(wide.upper).toBeGreaterThan(plain.upper);
    expect(wide.lower).toBeLessThan(plain.lower);
  });

  it('pools the target, flags the member beyond 99.8 % on its side and draws curves', () => {
    const members = Array.from({ length: 12 }, (_, i) => ({ subject: `S${i}`, x: 20 + (i % 3), e: 200 }));
    members.push({ subject: 'HIGH', x: 90, e: 200 });
    const model = funnelModel('binomial', members)!;
    expect(model.theta).toBeCloseTo((12 * 20 + 4 * (0 + 1 + 2) + 90) / (13 * 200), 10);
    const high = model.points.find((p) => p.subject === 'HIGH')!;
    expect(high).toMatchObject({ outside: 998, side: 'above' });
    expect(model.points.filter((p) => p.outside === 998)).toHaveLength(1);
    expect(model.limits.length).toBeGreaterThan(10);
    for (const l of model.limits) {
      expect(Number.isInteger(l.n)).toBe(true);
      expect(Number.isFinite(l.upper998)).toBe(true);
      expect(l.lower998).toBeLessThanOrEqual(l.lower95);
      expect(l.upper998).toBeGreaterThanOrEqual(l.upper95);
    }
  });

  it('has no funnel for fewer than two members or no events', () => {
    expect(funnelModel('binomial', [{ subject: 'A', x: 1, e: 10 }])).toBeNull();
    expect(funnelModel('poisson', [{ subject: 'A', x: 0, e: 10 }, { subject: 'B', x: 0, e: 20 }])).toBeNull();
  });
});
