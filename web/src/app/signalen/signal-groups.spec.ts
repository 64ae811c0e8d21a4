import type { SignalMember } from 'contracts';
import { buildUp, memberCount, nextLink, seenIn, subjectLevel } from './signal-groups';

const member = (id: string, subjects: string[], quadrant: SignalMember['quadrant'] = 'IV'): SignalMember => ({
  id, rule: 'rising-trend', indicators: ['loneliness'], subjects, period: '2024-Q4', status: 'open', title: id, quadrant,
});

describe('signal groups', () => {
  it('names the level of a subject code', () => {
    expect(subjectLevel('BU05180101')).toBe('buurt');
    expect(subjectLevel('WK051801')).toBe('wijk');
    expect(subjectLevel('GM0518')).toBe('municipality');
    expect(subjectLevel('school-12')).toBe('unit');
  });

  it('counts distinct subjects per level, buurten first', () => {
    const members = [member('a', ['BU01']), member('b', ['BU02']), member('c', ['BU02']), member('d', ['WK01'])];
    expect(seenIn(members)).toEqual([{ level: 'buurt', count: 2 }, { level: 'wijk', count: 1 }]);
  });

  it('says nothing about places when every member is about the same area', () => {
    expect(seenIn([member('a', ['BU01']), member('b', ['BU01'])])).toEqual([]);
  });

  it('takes memberCount from the API, else the members carried', () => {
    expect(memberCount({ memberCount: 48, members: [] })).toBe(48);
    expect(memberCount({ members: [member('a', ['BU01'])] })).toBe(1);
    expect(memberCount({})).toBe(0);
  });

  it('lists the I/II members of a collective signal as its build-up, nothing for an individual one', () => {
    const members = [member('a', ['BU01'], 'I'), member('b', ['BU02'], 'II'), member('c', ['BU03'], 'IV')];
    expect(buildUp({ quadrant: 'IV', members }).map((m) => m.id)).toEqual(['a', 'b']);
    expect(buildUp({ quadrant: 'II', members })).toEqual([]);
  });

  it('reads the next page from a Link header', () => {
    expect(nextLink('</api/v1/signals?limit=100&cursor=abc>; rel="next"')).toBe('/api/v1/signals?limit=100&cursor=abc');
    expect(nextLink('</a>; rel="prev", </b>; rel=next')).toBe('/b');
    expect(nextLink(null)).toBeNull();
    expect(nextLink('</a>; rel="prev"')).toBeNull();
  });
});
