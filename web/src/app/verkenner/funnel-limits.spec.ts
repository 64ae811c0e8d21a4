import type { FunnelView } from 'contracts';
import { funnelData } from './funnel-limits';

const view: FunnelView = {
  indicator: 'debt-signals',
  period: '2024-Q4',
  method: 'exact-binomial',
  overdispersion: { phi: 1.2, tau2: 0, adjusted: false },
  target: 10,
  points: [
    { subject: 'WK01', denominator: 1000, value: 30, suppressed: false, outside: 998, side: 'above' },
    { subject: 'WK02', denominator: 800, value: 9.5, suppressed: false, outside: 0, side: null },
    { subject: 'WK03', denominator: null, value: null, suppressed: true, outside: 0, side: null },
  ],
  limits: [{ denominator: 100, lower95: 4.6, upper95: 16.2, lower998: 2.6, upper998: 20.2 }],
};

describe('funnelData', () => {
  it('names the points, keeps the engine’s flags and limits, and leaves hidden areas out (counted)', () => {
    const data = funnelData(view, new Map([['WK01', 'Centrum']]))!;
    expect(data.target).toBe(10);
    expect(data.points).toEqual([
      { subject: 'WK01', name: 'Centrum', denominator: 1000, value: 30, outside: 998, side: 'above' },
      { subject: 'WK02', name: 'WK02', denominator: 800, value: 9.5, outside: 0, side: null },
    ]);
    expect(data.hidden).toBe(1);
    expect(data.limits).toBe(view.limits);
  });

  it('has nothing to draw without a funnel (counts and means)', () => {
    expect(funnelData(null, new Map())).toBeNull();
  });
});
