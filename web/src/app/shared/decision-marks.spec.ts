import { decisionMarks, signalDecisionMarks } from './decision-marks';

describe('signalDecisionMarks', () => {
  const meetings = [
    { date: '2026-12-10', items: [{ signalId: 's1', decision: 'Extra schuldhulp' }, { signalId: 's2', decision: 'Iets anders' }] },
    { date: '2024-03-14', items: [{ signalId: 'g1', decision: 'Wijkteam versterken' }, { signalId: 's1', decision: null }] },
    { date: '2025-01-01' },
  ];

  it("marks the signal's own decisions and its group's, in date order, worded by the label", () => {
    expect(signalDecisionMarks(meetings, ['s1', 'g1'], (d) => `Besluit: ${d}`)).toEqual([
      { date: '2024-03-14', text: 'Besluit: Wijkteam versterken' },
      { date: '2026-12-10', text: 'Besluit: Extra schuldhulp' },
    ]);
  });

  it('ignores items without a decision and signals without a group', () => {
    expect(signalDecisionMarks(meetings, ['s3', null, undefined], (d) => d)).toEqual([]);
  });

  it('puts a decision after the data at the last period, "na de laatste gegevens", on the evidence axis', () => {
    const marks = signalDecisionMarks(meetings, ['s1'], (d) => `Besluit: ${d}`);
    expect(decisionMarks(marks, ['2024-Q3', '2024-Q4'], 'na de laatste gegevens')).toEqual([
      expect.objectContaining({ xAxis: '2024-Q4', name: 'Besluit: Extra schuldhulp (na de laatste gegevens)', lineStyle: { type: 'dotted', width: 2 } }),
    ]);
  });
});
