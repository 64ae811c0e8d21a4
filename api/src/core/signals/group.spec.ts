import { DEFAULT_SIGNAL_SETTINGS } from './settings';
import { escalationKey, groupSignals } from './group';
import { indicatorMeta } from './test-data';
import type { CandidateSignal, IndicatorMeta, SubjectMeta } from './types';
import type { Quadrant, RuleName } from 'contracts';

const ind = (code: string, quadrant: Quadrant): IndicatorMeta =>
  indicatorMeta(code, { quadrant, leadsTo: code === 'debt-signals' ? [{ indicator: 'evictions', maxLag: 4 }] : [] });
const INDICATORS = new Map(
  [ind('loneliness', 'I'), ind('youth-care-use', 'I'), ind('debt-signals', 'II'), ind('evictions', 'II'), ind('social-cohesion', 'III'), ind('youth-care-referrals', 'III')].map((i) => [i.code, i]),
);
const buurt = (code: string, wijk: string): SubjectMeta => ({
  code, name: `Buurt ${code}`, kind: 'area', level: 'neighbourhood', peerGroup: 'GM1:neighbourhood', municipality: 'GM1', parent: wijk,
});
const SUBJECTS = new Map<string, SubjectMeta>(
  [buurt('B1', 'W1'), buurt('B2', 'W1'), buurt('B3', 'W1'), buurt('B4', 'W2'),
    { code: 'W1', name: 'Centrum', kind: 'area', level: 'district', peerGroup: 'GM1:district', municipality: 'GM1', parent: 'GM1' } as SubjectMeta,
    { code: 'S1', name: 'School', kind: 'unit', peerGroup: 'GM1:unit:school', municipality: 'GM1', parent: 'B1' } as SubjectMeta,
  ].map((s) => [s.code, s]),
);

function sig(rule: RuleName, indicators: string[], subjects: string[], extra: Partial<CandidateSignal> = {}): CandidateSignal {
  const key =
    rule === 'systemic-pattern' ? `systemic-pattern|${indicators[0]}|GM1:neighbourhood|${extra.period ?? '2024-Q4'}`
    : rule === 'leading-indicator' ? `leading-indicator|${indicators.join('>')}|${subjects[0]}`
    : rule === 'stacked-problems' ? `stacked-problems|${subjects[0]}`
    : `${rule}|${indicators[0]}|${subjects[0]}`;
  return {
    rule, quadrant: 'III', indicators, subjects, period: '2024-Q4', p: 0.0001, q: 0.001, z: 4, effect: 0.5, severity: 'medium', dedupeKey: key,
    title: { nl: key, en: key }, explanation: { nl: '', en: '' }, question: { nl: '', en: '' },
    evidence: { kind: 'profile', subject: subjects[0], period: '2024-Q4', indicators: [] }, ...extra,
  };
}
const run = (signals: CandidateSignal[]): CandidateSignal[] =>
  groupSignals({ signals, indicators: INDICATORS, subjects: SUBJECTS, severity: DEFAULT_SIGNAL_SETTINGS.severity, tests: 100 });
const parents = (out: CandidateSignal[]): Record<string, string | null> => Object.fromEntries(out.map((s) => [s.dedupeKey, s.parentKey ?? null]));
const topLevel = (out: CandidateSignal[]): string[] => out.filter((s) => !s.parentKey).map((s) => s.dedupeKey).sort();

describe('groupSignals: one pattern, one signal', () => {
  const cases: { name: string; input: CandidateSignal[]; top: string[]; members: Record<string, string> }[] = [
    {
      name: 'buurt rises inside a systemic pattern (and the earlier periods of the same shift) are members',
      input: [
        sig('systemic-pattern', ['loneliness'], ['B1', 'B2', 'B4']),
        sig('systemic-pattern', ['loneliness'], ['B1', 'B2'], { period: '2024-Q3' }),
        sig('rising-trend', ['loneliness'], ['B1']),
        sig('rising-trend', ['loneliness'], ['B4']),
        sig('rising-trend', ['debt-signals'], ['B4']),
      ],
      top: ['rising-trend|debt-signals|B4', 'systemic-pattern|loneliness|GM1:neighbourhood|2024-Q4'],
      members: {
        'rising-trend|loneliness|B1': 'systemic-pattern|loneliness|GM1:neighbourhood|2024-Q4',
        'rising-trend|loneliness|B4': 'systemic-pattern|loneliness|GM1:neighbourhood|2024-Q4',
        'systemic-pattern|loneliness|GM1:neighbourhood|2024-Q3': 'systemic-pattern|loneliness|GM1:neighbourhood|2024-Q4',
      },
    },
    {
      name: 'a chain holds the leader and the follower of its area, not those of another area',
      input: [
        sig('leading-indicator', ['debt-signals', 'evictions'], ['B1']),
        sig('peer-outlier', ['debt-signals'], ['B1']),
        sig('rising-trend', ['evictions'], ['B1']),
        sig('rising-trend', ['evictions'], ['B4']),
      ],
      top: ['leading-indicator|debt-signals>evictions|B1', 'rising-trend|evictions|B4'],
      members: {
        'peer-outlier|debt-signals|B1': 'leading-indicator|debt-signals>evictions|B1',
        'rising-trend|evictions|B1': 'leading-indicator|debt-signals>evictions|B1',
      },
    },
    {
      name: 'stacked problems hold their indicators, and a chain inside them with its members (one level deep)',
      input: [
        sig('stacked-problems', ['debt-signals', 'evictions', 'social-cohesion'], ['B2']),
        sig('leading-indicator', ['debt-signals', 'evictions'], ['B2']),
        sig('peer-outlier', ['debt-signals'], ['B2']),
        sig('peer-outlier', ['social-cohesion'], ['B2']),
        sig('peer-outlier', ['youth-care-use'], ['B2']),
      ],
      top: ['peer-outlier|youth-care-use|B2', 'stacked-problems|B2'],
      members: {
        'leading-indicator|debt-signals>evictions|B2': 'stacked-problems|B2',
        'peer-outlier|debt-signals|B2': 'stacked-problems|B2',
        'peer-outlier|social-cohesion|B2': 'stacked-problems|B2',
      },
    },
    {
      name: 'I/II requests over several buurten of one wijk escalate to one collective signal; a III signal and another wijk do not',
      input: [
        sig('rising-trend', ['youth-care-use'], ['B1']),
        sig('peer-outlier', ['debt-signals'], ['B3']),
        sig('peer-outlier', ['social-cohesion'], ['B2']),
        sig('rising-trend', ['loneliness'], ['B4']),
        sig('peer-outlier', ['youth-care-referrals'], ['S1']),
      ],
      top: [escalationKey('W1'), 'peer-outlier|social-cohesion|B2', 'peer-outlier|youth-care-referrals|S1', 'rising-trend|loneliness|B4'],
      members: { 'rising-trend|youth-care-use|B1': escalationKey('W1'), 'peer-outlier|debt-signals|B3': escalationKey('W1') },
    },
    {
      name: 'two I/II indicators in one buurt escalate too; a single one does not',
      input: [sig('rising-trend', ['youth-care-use'], ['B4']), sig('rising-trend', ['loneliness'], ['B4']), sig('rising-trend', ['loneliness'], ['B1'])],
      top: [escalationKey('W2'), 'rising-trend|loneliness|B1'],
      members: { 'rising-trend|youth-care-use|B4': escalationKey('W2'), 'rising-trend|loneliness|B4': escalationKey('W2') },
    },
    {
      name: 'a rise of a series holds the peer outlier of the same series',
      input: [sig('rising-trend', ['social-cohesion'], ['B1']), sig('peer-outlier', ['social-cohesion'], ['B1']), sig('peer-outlier', ['social-cohesion'], ['B2'])],
      top: ['peer-outlier|social-cohesion|B2', 'rising-trend|social-cohesion|B1'],
      members: { 'peer-outlier|social-cohesion|B1': 'rising-trend|social-cohesion|B1' },
    },
    {
      name: 'nothing explains a lone signal',
      input: [sig('peer-outlier', ['youth-care-referrals'], ['S1'])],
      top: ['peer-outlier|youth-care-referrals|S1'],
      members: {},
    },
  ];

  it.each(cases)('$name', ({ input, top, members }) => {
    const out = run(input);
    expect(topLevel(out)).toEqual([...top].sort());
    const p = parents(out);
    for (const [k, v] of Object.entries(members)) expect(p[k]).toBe(v);
    expect(out.filter((s) => s.parentKey).length).toBe(Object.keys(members).length);
    // Every parent exists and is itself top level.
    for (const s of out) if (s.parentKey) expect(p[s.parentKey]).toBeNull();
  });

  it('names what an escalation is built from, in Dutch and English, with its quadrant', () => {
    const out = run([sig('rising-trend', ['youth-care-use'], ['B1']), sig('rising-trend', ['youth-care-use'], ['B2'])]);
    const e = out.find((s) => s.dedupeKey === escalationKey('W1'))!;
    expect(e.quadrant).toBe('III');
    expect(e.subjects).toEqual(['W1']);
    expect(e.indicators).toEqual(['youth-care-use']);
    expect(e.title.nl).toContain('Centrum');
    expect(e.title.nl).toContain('2 buurten');
    expect(e.title.en).toContain('2 neighbourhoods');
    expect(e.explanation.nl).toContain('Buurt B1 en Buurt B2');
    const mixed = run([sig('rising-trend', ['youth-care-use'], ['B1']), sig('rising-trend', ['debt-signals'], ['B2'])]).find((s) => s.dedupeKey === escalationKey('W1'))!;
    expect(mixed.quadrant).toBe('IV');
  });

  it('titles a leader\'s rise as an early warning while its follower has not risen there, and not once the chain shows', () => {
    const early = run([sig('rising-trend', ['debt-signals'], ['B1'])])[0];
    expect(early.title.nl).toBe('Vroege waarschuwing: rising-trend|debt-signals|B1');
    expect(early.title.en).toMatch(/^Early warning: /);
    expect(early.explanation.nl).toContain('gaat vaak vooraf aan meer evictions (binnen 4 perioden)');
    const followed = run([sig('rising-trend', ['debt-signals'], ['B1']), sig('rising-trend', ['evictions'], ['B1'])]);
    expect(followed.every((s) => !s.title.nl.startsWith('Vroege'))).toBe(true);
    const chain = run([sig('rising-trend', ['debt-signals'], ['B1']), sig('leading-indicator', ['debt-signals', 'evictions'], ['B1'])]);
    expect(chain.every((s) => !s.title.nl.startsWith('Vroege'))).toBe(true);
  });

  it('is stable: the same candidates in another order give the same groups', () => {
    const input = cases.flatMap((c) => c.input).filter((s, i, all) => all.findIndex((x) => x.dedupeKey === s.dedupeKey) === i);
    const a = parents(run(input));
    const b = parents(run([...input].reverse()));
    expect(b).toEqual(a);
    // Grouping twice (as on a second run over unchanged data) changes nothing.
    const again = parents(run(run(input).filter((s) => !s.dedupeKey.includes('escalation'))));
    expect(again).toEqual(a);
  });
});
