import type { Signal } from 'contracts';
import type { IndicatorState } from '../quadrants/quadrants.service';
import { basisSentence, changeSentence, changed, confirmedRises, rankSignals, signalSentence, standsOut, type PanelNames } from './council-panel';

const names: PanelNames = {
  area: (c) => ({ WK051837: 'Groente- en Fruitmarkt', WK051802: 'Oostduinen', GM0518: "'s-Gravenhage" })[c] ?? c,
  indicator: (c) => ({ loneliness: { nl: 'Eenzaamheid', en: 'Loneliness' }, 'debt-signals': { nl: 'Vroegsignalering schulden', en: 'Early debt signals' }, evictions: { nl: 'Huisuitzettingen', en: 'Evictions' } })[c] ?? { nl: c, en: c },
  municipality: { code: 'GM0518', name: "'s-Gravenhage" },
};

function signal(over: Partial<Signal>): Signal {
  return {
    id: Math.random().toString(36), rule: 'peer-outlier', quadrant: 'III', indicators: ['loneliness'], subjects: ['WK051837'], period: '2024',
    severity: 'medium', status: 'open', title: 'x', explanation: 'x', question: 'x', strength: {}, evidence: null, groupId: null, ...over,
  };
}

function state(over: Partial<IndicatorState> & { code: string; quadrant?: 'I' | 'II' | 'III' | 'IV' }): IndicatorState {
  const { code, quadrant, ...rest } = over;
  return {
    indicator: { code, name: names.indicator(code), quadrant: quadrant ?? 'I' } as IndicatorState['indicator'],
    period: '2024-Q4', previousPeriod: '2024-Q3', value: 160, display: '160', suppressed: false, series: [], trend: 'up', trendMeaning: 'worse',
    municipality: null, peers: null, relativeChange: 0.21, ...rest,
  };
}

describe('council panel in plain language', () => {
  it('says a single period’s jump “gestegen”, “sterk gestegen” only when the engine confirmed it', () => {
    const jump = state({ code: 'loneliness', relativeChange: (160 - 132) / 132 });
    expect(changeSentence(jump, new Set())!.nl).toBe('Eenzaamheid is gestegen; dat is ongunstig.');
    expect(changeSentence(jump, new Set(['loneliness']))!.nl).toBe('Eenzaamheid is sterk gestegen, meer dan de gebruikelijke schommeling; dat is ongunstig.');
    expect(changeSentence(state({ code: 'loneliness', relativeChange: 0.02 }), new Set())).toBeNull();
    expect(changeSentence(state({ code: 'loneliness', relativeChange: -0.3, trend: 'down', trendMeaning: 'better' }), new Set(['loneliness']))!.en).toBe('Loneliness fell; that is favourable.');
  });

  it('confirms rises from rising-trend signals on this area and from systemic patterns', () => {
    const active = [signal({ rule: 'rising-trend', indicators: ['loneliness'], subjects: ['WK051837'] }), signal({ rule: 'rising-trend', indicators: ['evictions'], subjects: ['WK051802'] }), signal({ rule: 'systemic-pattern', indicators: ['debt-signals'], subjects: ['WK051802'] })];
    expect([...confirmedRises(active, 'WK051837')].sort()).toEqual(['debt-signals', 'loneliness']);
  });

  it('keeps at most three items per quadrant, strongest first, each a sentence with names and a link, no figures', () => {
    const active = [
      signal({ severity: 'low', subjects: ['WK051802'] }),
      signal({ severity: 'high', rule: 'rising-trend', strength: { q: 0.01 } }),
      signal({ severity: 'high', rule: 'stacked-problems', strength: { q: 0.001 }, subjects: ['WK051802'] }),
      signal({ severity: 'medium', rule: 'leading-indicator', indicators: ['debt-signals', 'evictions'] }),
      signal({ severity: 'high', groupId: 'g1' }),
      signal({ severity: 'high', quadrant: 'IV' }),
    ];
    const items = standsOut('III', active, names);
    expect(items.map((i) => i.nl)).toEqual([
      'In Oostduinen zijn meerdere onderwerpen tegelijk ongunstig, in meer dan één kwadrant.',
      'In Groente- en Fruitmarkt stijgt Eenzaamheid meer dan gebruikelijk.',
      'In Groente- en Fruitmarkt stijgt Vroegsignalering schulden; dat gaat vaak vooraf aan een stijging van Huisuitzettingen.',
    ]);
    expect(items[0]!.link).toEqual({ area: 'WK051802', municipality: 'GM0518' });
    for (const i of items) expect(`${i.nl} ${i.en}`).not.toMatch(/\d|WK|GM|-signals/);
  });

  it('names a unit (a school) as an institution and links to the area it lies in', () => {
    const withUnits: PanelNames = { ...names, area: (c) => (c === 'SCH0518201' ? 'Basisschool De Regenboog' : names.area(c)), linkOf: (c) => (c === 'SCH0518201' ? 'WK051837' : c) };
    const [item] = standsOut('III', [signal({ subjects: ['SCH0518201'] })], withUnits);
    expect(item!.nl).toBe('Bij Basisschool De Regenboog wijkt Eenzaamheid duidelijk af van vergelijkbare instellingen.');
    expect(item!.link).toEqual({ area: 'WK051837', municipality: 'GM0518' });
  });

  it('ranks changes: confirmed rises, then unfavourable, then larger', () => {
    const states = [
      state({ code: 'evictions', relativeChange: 0.5, trendMeaning: 'better' }),
      state({ code: 'debt-signals', relativeChange: 0.1 }),
      state({ code: 'loneliness', relativeChange: 0.06 }),
      state({ code: 'x1', relativeChange: 0.4 }),
      state({ code: 'x2', relativeChange: 0.3, quadrant: 'II' }),
    ];
    const items = changed('I', states, new Set(['loneliness']), 'WK051837');
    expect(items.map((i) => i.nl.split(' is ')[0])).toEqual(['Eenzaamheid', 'x1', 'Vroegsignalering schulden']);
    expect(items[0]!.link).toEqual({ area: 'WK051837', municipality: 'GM0518' });
  });

  it('orders signals by severity, then q, then newest; states the period basis once', () => {
    const ranked = rankSignals([
      { severity: 'medium', strength: { q: 0.001 }, createdAt: '2026-01-01' },
      { severity: 'high', strength: { q: 0.05 }, createdAt: '2026-01-01' },
      { severity: 'high', strength: { q: 0.01 }, createdAt: '2025-01-01' },
    ] as Signal[]);
    expect(ranked.map((s) => `${s.severity}:${s.strength.q}`)).toEqual(['high:0.01', 'high:0.05', 'medium:0.001']);
    expect(basisSentence('2024-Q4').nl).toContain('tot en met 2024-Q4');
    expect(signalSentence(signal({ rule: 'systemic-pattern', indicators: ['debt-signals'] }), names).nl).toBe("Vroegsignalering schulden stijgt in veel wijken van 's-Gravenhage tegelijk.");
  });
});
