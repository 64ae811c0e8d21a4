import {
  arcsine,
  arcsineSe,
  benjaminiHochberg,
  bhRejections,
  binomialFunnelLimits,
  binomialInterpolatedQuantile,
  binomialUpperTail,
  classifyOutliers,
  cusum,
  ewma,
  farringtonThreshold,
  fisherCombined,
  inverseArcsine,
  orderStatisticP,
  overdispersion,
  poissonFunnelLimits,
  poissonUpperTail,
  PowerTransform,
  qnorm,
  winsorise,
  studentTUpper,
} from './index';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('normal quantiles (reference z)', () => {
  it('95 % and 99.8 % two-sided z', () => {
    expect(qnorm(0.975)).toBeCloseTo(1.959964, 6);
    expect(qnorm(0.999)).toBeCloseTo(3.090232, 6);
  });
});

describe('vector A: exact Poisson funnel limits, target 1', () => {
  const E = [15, 20, 30];
  const table: Array<[number, 'lower' | 'upper', number[]]> = [
    [0.95, 'lower', [0.5596924, 0.610826, 0.6746958]],
    [0.95, 'upper', [1.649348, 1.544419, 1.427562]],
    [0.998, 'lower', [0.386265, 0.4479107, 0.5289724]],
    [0.998, 'upper', [2.082907, 1.902094, 1.702771]],
  ];
  it.each(table)('coverage %p %s', (coverage, side, expected) => {
    E.forEach((e, i) => {
      // The reference gives 7 significant digits; that is ~1e-6 relative.
      expect(rel(poissonFunnelLimits(e, coverage)[side], expected[i])).toBeLessThan(1e-6);
    });
  });
});

describe('vector F: interpolated binomial limits θ = 0.1, n = 100', () => {
  it.each([
    [0.001, 0.014179],
    [0.025, 0.040381],
    [0.975, 0.157719],
    [0.999, 0.198357],
  ])('p = %p → %p', (p, expected) => {
    expect(Math.abs(binomialInterpolatedQuantile(p, 100, 0.1) - expected)).toBeLessThan(1e-6);
  });
  it('funnel limits use α/2 and 1 − α/2', () => {
    const l95 = binomialFunnelLimits(100, 0.1, 0.95);
    expect(l95.lower).toBeCloseTo(0.040381, 6);
    expect(l95.upper).toBeCloseTo(0.157719, 6);
    const l998 = binomialFunnelLimits(100, 0.1, 0.998);
    expect(l998.lower).toBeCloseTo(0.014179, 6);
    expect(l998.upper).toBeCloseTo(0.198357, 6);
  });
});

describe('vector D: outlier classification', () => {
  const ratios = [1, 0.95, 1.05, 0.8, 1.2, 0.6, 1.4, 0.4, 1.6, 0];
  it.each([
    ['95 %', 0.9, 1.1, '0001111111'],
    ['95 % adjusted', 0.79, 1.21, '0000011111'],
    ['99.8 %', 0.59, 1.41, '0000000111'],
    ['99.8 % adjusted', 0.38, 1.62, '0000000001'],
  ])('%s', (_label, lower, upper, flags) => {
    const got = classifyOutliers(ratios, { lower, upper })
      .map((b) => (b ? '1' : '0'))
      .join('');
    expect(got).toBe(flags);
  });
});

describe('overdispersion (FunnelPlotR style)', () => {
  it('winsorises 10 % each end with type-7 quantiles', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const w = winsorise(v, 0.1);
    expect(w[0]).toBeCloseTo(1.9, 10);
    expect(w[9]).toBeCloseTo(9.1, 10);
    expect(w.slice(1, 9)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it('φ = Σz²/n and τ² formula; τ² = 0 when nφ < n − 1', () => {
    const z = [3, -3, 2, -2, 0, 1, -1, 2.5, -2.5, 0.5];
    const s = [0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.1, 0.2];
    const r = overdispersion(z, s);
    const zw = winsorise(z, 0.1);
    const phi = zw.reduce((a, b) => a + b * b, 0) / 10;
    expect(r.phi).toBeCloseTo(phi, 12);
    const w = s.map((x) => 1 / (x * x));
    const sw = w.reduce((a, b) => a + b, 0);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    expect(r.tau2).toBeCloseTo((10 * phi - 9) / (sw - sw2 / sw), 12);
    expect(r.tau2).toBeGreaterThan(0);
    const small = overdispersion([0.1, -0.1, 0.2, -0.2, 0], [0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(small.tau2).toBe(0);
    expect(small.overdispersed).toBe(false);
  });
  it('arcsine helpers', () => {
    expect(arcsine(0.25)).toBeCloseTo(Math.PI / 6, 12);
    expect(arcsineSe(100)).toBeCloseTo(0.05, 12);
    expect(inverseArcsine(arcsine(0.37))).toBeCloseTo(0.37, 12);
  });
});

describe('Farrington threshold, delta method (μ₀ = 5, se = 0.2, φ = 1, α = .05, y = 8)', () => {
  it.each<[PowerTransform, number, number, number, number]>([
    ['none', 1.3073128, 8.6926872, 0.0907246, 0.8124165],
    ['1/2', 1.9891097, 9.3744842, 0.1189986, 0.6857951],
    ['2/3', 1.8084477, 9.1154825, 0.1094727, 0.7289546],
  ])('power %s', (power, lower, upper, p, score) => {
    const r = farringtonThreshold({ mu0: 5, se: 0.2, phi: 1, alpha: 0.05, y: 8, power });
    expect(rel(r.lower, lower)).toBeLessThan(1e-6);
    expect(rel(r.upper, upper)).toBeLessThan(1e-6);
    expect(rel(r.pValue, p)).toBeLessThan(1e-5);
    expect(rel(r.score, score)).toBeLessThan(1e-6);
  });
});

describe('CUSUM (Lucas & Crosier 1982), h = 5, k = 0.5', () => {
  const x = [0.8, 1.9, 1.4, 2.0, 1.1, 0.7, 2.6];
  it('without head start', () => {
    const r = cusum(x, { k: 0.5, h: 5 });
    [0.3, 1.7, 2.6, 4.1, 4.7, 4.9, 7.0].forEach((v, i) => expect(r.s[i]).toBeCloseTo(v, 10));
    expect(r.alarmIndex).toBe(6); // point 7
  });
  it('with head start 2.5', () => {
    const r = cusum(x, { k: 0.5, h: 5, headStart: 2.5 });
    [2.8, 4.2, 5.1, 6.6, 7.2, 7.4, 9.5].forEach((v, i) => expect(r.s[i]).toBeCloseTo(v, 10));
    expect(r.alarmIndex).toBe(2); // point 3
  });
  it('EWMA', () => {
    expect(ewma([1, 1], 0.5)).toEqual([0.5, 0.75]);
  });
});

describe('Benjamini–Hochberg', () => {
  it('BH 1995 example, 15 p-values', () => {
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182, 0.714875, 0.753231,
      0.813214, 1,
    ];
    const adj = benjaminiHochberg(p);
    adj.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-6));
    expect(bhRejections(p, 0.05)).toBe(4);
  });
  it('small example keeps input order', () => {
    const adj = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(adj[i]).toBeCloseTo(v, 12));
  });
});

describe('tails and combinations', () => {
  it('binomial and Poisson upper tails', () => {
    // P(X ≥ 3 | Bin(5, .5)) = 16/32
    expect(binomialUpperTail(3, 5, 0.5)).toBeCloseTo(0.5, 12);
    // P(X ≥ 1 | Poisson(2)) = 1 − e^-2
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(poissonUpperTail(0, 2)).toBe(1);
  });
  it('Fisher and order statistic', () => {
    // one p-value: Fisher returns it unchanged
    expect(fisherCombined([0.03])).toBeCloseTo(0.03, 10);
    // P(at least 2 of 3 uniform ≤ .1) = 3·.01·.9 + .001
    expect(orderStatisticP(0.1, 2, 3)).toBeCloseTo(0.028, 10);
  });
});

describe('Student t', () => {
  it('upper tail matches known values', () => {
    // qt(0.975, 10) = 2.228139
    expect(studentTUpper(2.228139, 10)).toBeCloseTo(0.025, 6);
    expect(studentTUpper(-2.228139, 10)).toBeCloseTo(0.975, 6);
    expect(studentTUpper(0, 5)).toBeCloseTo(0.5, 12);
  });
});
