import type { Observation } from 'contracts';
import { buildFunnel, proportionLimits, rateLimits, Z_95, Z_998 } from './funnel-limits';

const obs = (subject: string, numerator: number, denominator: number): Observation => ({
  indicator: 'x', subject, period: '2024', value: (numerator / denominator) * 100, numerator, denominator, n: null, status: 'final',
});

describe('funnel limits', () => {
  it('matches p ± 1.96·√(p(1−p)/n) for p = 0.1, n = 100 (95 %)', () => {
    const [lo, hi] = proportionLimits(0.1, 100, Z_95);
    expect(lo).toBeCloseTo(0.1 - 1.96 * 0.03, 3);
    expect(hi).toBeCloseTo(0.1 + 1.96 * 0.03, 3);
  });

  it('uses z = 3.09 for the 99.8 % limits and clamps to [0, 1]', () => {
    const [lo, hi] = proportionLimits(0.1, 100, Z_998);
    expect(hi).toBeCloseTo(0.1 + 3.0902 * 0.03, 3);
    expect(lo).toBe(0.1 - 3.0902 * 0.03 < 0 ? 0 : lo);
    expect(proportionLimits(0.01, 10, Z_998)[0]).toBe(0);
  });

  it('uses the Poisson variance for rates', () => {
    const [lo, hi] = rateLimits(0.02, 1000, Z_95);
    expect(hi - 0.02).toBeCloseTo(Z_95 * Math.sqrt(0.02 / 1000), 6);
    expect(0.02 - lo).toBeCloseTo(hi - 0.02, 9);
  });

  it('pools the peers, marks points outside and keeps values as percentages', () => {
    const data = buildFunnel(
      [obs('A', 10, 100), obs('B', 10, 100), obs('C', 10, 100), obs('D', 40, 100), { ...obs('E', 1, 3), suppressed: true }],
      'proportion',
      null,
      new Map([['D', 'Dorp']]),
    )!;
    expect(data.target).toBeCloseTo(17.5, 6);
    expect(data.points.map((p) => p.subject)).toEqual(['A', 'B', 'C', 'D']);
    const d = data.points.find((p) => p.subject === 'D')!;
    expect(d).toMatchObject({ name: 'Dorp', outside: 998, side: 'above', value: 40 });
    expect(data.limits[0].upper95).toBeGreaterThan(data.limits[data.limits.length - 1].upper95);
    expect(data.limits[0].upper998).toBeGreaterThan(data.limits[0].upper95);
  });

  it('has no funnel for counts and means', () => {
    expect(buildFunnel([obs('A', 1, 10)], 'count', null, new Map())).toBeNull();
    expect(buildFunnel([obs('A', 1, 10)], 'mean', null, new Map())).toBeNull();
  });
});
