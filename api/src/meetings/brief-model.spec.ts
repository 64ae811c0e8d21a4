import type { AgendaItem, BriefModel, Meeting, Signal } from 'contracts';
import { renderBrief } from './brief';
import { buildBriefModel, type BriefInput } from './brief-model';
import type { StoredEffect } from '../signals/signals.repository';

/**
 * The brief's one content model (issue 15, "one brief"): every word is in the reader's language,
 * every code a name, the decision carries owner, deadline, follow-up and measured effect, and the
 * HTML rendering shows each of its texts.
 */
const funnel = {
  kind: 'funnel', indicator: 'youth-care-referrals', period: '2024-Q4', from: '2024-Q1', unit: '%', target: 5, coverage: 0.998,
  overdispersion: { phi: 1, tau2: 0, adjusted: false },
  points: Array.from({ length: 14 }, (_, i) => ({ subject: `SCH${i}`, denominator: 100, value: i === 3 ? null : i, suppressed: i === 3, highlighted: i === 5 })),
  limits: [],
};
const effect: StoredEffect = {
  indicator: 'youth-care-referrals', decidedAt: '2025-01-15', change: -1.2, relativeChange: -0.18, direction: 'improved', p: 0.01,
  before: { n: 4, mean: 6 }, after: { n: 3, mean: 5 }, persists: true, measuredAt: '2025-10-01',
};
const signal = {
  id: 's1', rule: 'peer-outlier', quadrant: 'III', indicators: ['youth-care-referrals'], subjects: ['SCH5'], period: '2024-Q4',
  severity: 'high', status: 'on-agenda',
  title: { nl: 'School 5 wijkt af', en: 'School 5 stands out' },
  explanation: { nl: 'Veel verwijzingen', en: 'Many referrals' },
  question: { nl: 'Wat doen we?', en: 'What do we do?' },
  strength: {}, evidence: funnel, effect,
} as unknown as Signal;
const decided: AgendaItem = {
  id: 'i1', signalId: 's1', signal, position: 1, notes: 'Graag bespreken', decision: 'Afspraken met het schoolbestuur',
  decidedAt: '2025-01-15T10:00:00.000Z', effectDueOn: '2025-09-01', owner: { id: 'u2', name: 'A. de Vries' }, deadline: '2025-03-01', effect: null,
};
const series = {
  kind: 'series', indicator: 'youth-care-referrals', subject: 'SCH1', unit: '%', baseline: { from: '2013', to: '2019', mean: 1 }, window: { from: '2020', to: '2024' },
  points: Array.from({ length: 12 }, (_, i) => ({ period: String(2013 + i), value: i, suppressed: false })),
};
const meeting: Meeting = { id: 'm1', date: '2025-01-15', title: 'Beleidstafel Zuid', area: 'GM0518', items: [decided] };

function input(over: Partial<BriefInput> = {}): BriefInput {
  return {
    meeting,
    areaName: 'Den Haag',
    history: [
      { signalId: 's1', at: '2025-01-02T09:00:00.000Z', actor: 'system', to: 'open', comment: 'Gevonden bij detectie / detected' },
      { signalId: 's1', at: '2025-01-03T09:00:00.000Z', actor: 'system:demo-data', to: 'interpreted', comment: 'demo / demo' },
      { signalId: 's1', at: '2025-01-04T09:00:00.000Z', actor: 'manager@demo.local', to: 'interpreted', comment: 'Het team herkent dit' },
      { signalId: 's1', at: '2025-01-05T09:00:00.000Z', actor: 'manager@demo.local', to: 'on-agenda', comment: 'Op de agenda van Beleidstafel Zuid (2025-01-15)' },
      { signalId: 's1', at: '2025-01-15T09:00:00.000Z', actor: 'manager@demo.local', to: 'decided', comment: 'Afspraken met het schoolbestuur' },
    ],
    names: new Map(Array.from({ length: 14 }, (_, i) => [`SCH${i}`, `School ${i}`])),
    indicators: new Map([['youth-care-referrals', { name: { nl: 'Verwijzingen jeugdhulp', en: 'Youth care referrals' }, minCount: 10 }]]),
    lang: 'nl',
    generatedAt: new Date('2026-12-05T12:00:00Z'),
    ...over,
  };
}

/** Every text of the model a reader sees (not the chart's raw evidence, which is data for the chart). */
function texts(m: BriefModel): string[] {
  return [
    m.kicker, m.meeting.title, m.meeting.areaName, m.meta, m.labels.source,
    ...(m.items.length ? [] : [m.labels.noItems]),
    ...m.items.flatMap((i) => [
      ...(i.quadrant ? [m.labels.see, m.labels.interpretation, ...(i.interpretation.length ? [] : [m.labels.noInterpretation])] : []),
      ...(i.question ? [m.labels.question] : []), ...(i.notes ? [m.labels.notes] : []), m.labels.decision, ...(i.effect ? [m.labels.effect] : []),
      i.heading, ...i.facts, i.explanation, i.quadrant?.heading ?? '', i.quadrant?.inclusion ?? '', ...i.interpretation, i.question, i.notes ?? '',
      i.decision?.text ?? '', ...(i.decision?.facts ?? []), i.effect?.text ?? '', i.effect?.warning ?? '',
      i.evidence?.title ?? '', i.evidence?.table?.caption ?? '', ...(i.evidence?.table?.columns ?? []),
      ...(i.evidence?.table?.rows.flatMap((r) => [r.label, r.value]) ?? []), ...(i.evidence?.marks.map((x) => x.text) ?? []),
    ]),
  ].filter(Boolean);
}

describe('buildBriefModel', () => {
  it('gives the decision its owner, deadline, follow-up and measured effect, in Dutch and English', () => {
    const nl = buildBriefModel(input()).items[0];
    expect(nl.decision).toEqual({
      text: 'Afspraken met het schoolbestuur', owner: 'A. de Vries', deadline: '2025-03-01', followUp: '2025-09-01', decidedOn: '2025-01-15',
      facts: ['Eigenaar: A. de Vries', 'Uitgevoerd uiterlijk: 2025-03-01', 'Opvolging (effect meten): 2025-09-01'],
    });
    expect(nl.effect).toEqual({ text: 'verbeterd (−18%)', warning: 'Let op: het patroon houdt aan na het besluit.' });
    expect(nl.evidence?.marks).toEqual([]); // a funnel has no period axis to draw a decision on
    const en = buildBriefModel(input({ lang: 'en' })).items[0];
    expect(en.decision?.facts).toEqual(['Owner: A. de Vries', 'Carried out by: 2025-03-01', 'Follow-up (measure the effect): 2025-09-01']);
    expect(en.effect?.text).toBe('improved (−18%)');
    expect(en.facts).toEqual(['Different from comparable areas', 'Status: on the agenda', 'Severity: high', 'Period: 2024-Q4']);
  });

  it('without an owner says so; without a decision there is no decision and no effect', () => {
    const noOwner = buildBriefModel(input({ meeting: { ...meeting, items: [{ ...decided, owner: null, deadline: null, effectDueOn: null }] } })).items[0];
    expect(noOwner.decision?.facts).toEqual(['Eigenaar: nog niemand']);
    const open = buildBriefModel(input({ meeting: { ...meeting, items: [{ ...decided, decision: null, decidedAt: null }] } })).items[0];
    expect(open.decision).toBeNull();
    expect(open.effect).toBeNull();
    expect(open.evidence?.marks).toEqual([]);
  });

  it('lists what people wrote, not the system’s own lines, the agenda move’s own note or the decision (it has its own section)', () => {
    expect(buildBriefModel(input()).items[0].interpretation).toEqual(['2025-01-04 · manager@demo.local (geduid): Het team herkent dit']);
  });

  it('keeps ten rows: the signalled school first, then the highest values; a hidden figure in words with its own minimum', () => {
    const table = buildBriefModel(input()).items[0].evidence?.table;
    expect(table?.caption).toBe('De tien belangrijkste rijen: Verwijzingen jeugdhulp');
    expect(table?.columns).toEqual(['Gebied of school', 'Waarde']);
    expect(table?.rows.map((r) => r.label)).toEqual(['School 5', 'School 13', 'School 12', 'School 11', 'School 10', 'School 9', 'School 8', 'School 7', 'School 6', 'School 4']);
    expect(table?.rows[0]).toEqual({ label: 'School 5', value: '5,0', mark: true });
    const few = { ...funnel, points: funnel.points.slice(0, 4) };
    const hidden = buildBriefModel(input({ meeting: { ...meeting, items: [{ ...decided, signal: { ...signal, evidence: few } as Signal }] } })).items[0].evidence?.table;
    expect(hidden?.rows.at(-1)).toEqual({ label: 'School 3', value: 'niet getoond (minder dan 10)', mark: false });
  });

  it('a series shows its newest ten periods, newest first', () => {
    const table = buildBriefModel(input({ meeting: { ...meeting, items: [{ ...decided, signal: { ...signal, evidence: series } as Signal }] } })).items[0].evidence?.table;
    expect(table?.rows.map((r) => r.label)).toEqual(['2024', '2023', '2022', '2021', '2020', '2019', '2018', '2017', '2016', '2015']);
  });

  it('a decision is drawn on a chart over periods at its meeting’s date; the HTML chart marks it after the data', () => {
    const model = buildBriefModel(input({ meeting: { ...meeting, items: [{ ...decided, signal: { ...signal, evidence: series } as Signal }] } }));
    expect(model.items[0].evidence?.marks).toEqual([{ date: '2025-01-15', text: 'Besluit: Afspraken met het schoolbestuur' }]);
    expect(renderBrief(model)).toContain('>Besluit: Afspraken met het schoolbestuur (na de laatste gegevens)</text>');
  });

  it.each(['nl', 'en'] as const)('shows no raw codes (%s)', (lang) => {
    const all = texts(buildBriefModel(input({ lang }))).join('\n');
    expect(all).not.toMatch(/peer-outlier|on-agenda|youth-care-referrals|\bSCH\d+\b|\bGM\d{4}\b/);
    expect(all).toContain('Den Haag');
  });

  it('evidence whose figures are all withheld for the role is neither charted nor tabled', () => {
    const withheld = { ...funnel, points: funnel.points.map((p) => ({ ...p, value: null, denominator: null, suppressed: true })) };
    const item = buildBriefModel(input({ meeting: { ...meeting, items: [{ ...decided, signal: { ...signal, evidence: withheld } as Signal }] } })).items[0];
    expect(item.evidence).toBeNull();
    expect(renderBrief(buildBriefModel(input({ meeting: { ...meeting, items: [{ ...decided, signal: { ...signal, evidence: withheld } as Signal }] } })))).not.toContain('<svg');
  });

  it('an item whose signal the reader may not see says so, without its id', () => {
    const item = buildBriefModel(input({ meeting: { ...meeting, items: [{ ...decided, signal: undefined }] } })).items[0];
    expect(item.heading).toBe('Agendapunt 1');
    expect(item.explanation).toBe('Dit signaal is voor u niet beschikbaar.');
    expect(JSON.stringify(item)).not.toContain('s1');
  });
});

describe('renderBrief draws the model', () => {
  it.each(['nl', 'en'] as const)('the HTML carries every text of the model (%s)', (lang) => {
    const model = buildBriefModel(input({ lang }));
    const html = renderBrief(model);
    const unescaped = html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
    for (const t of texts(model)) expect(unescaped).toContain(t.replace(/\s+/g, ' '));
  });
});
