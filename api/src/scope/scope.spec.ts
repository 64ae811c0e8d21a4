import { filterForScope, municipalityOfArea, namedCodes } from './scope';

const units = new Map([['SC1', 'GM0599']]);
const of = (c: string) => municipalityOfArea(c) ?? units.get(c) ?? null;
const allowed = new Set(['GM0518']);

describe('municipality scope', () => {
  it('knows the municipality of every CBS area code and none of NL00 or indicator codes', () => {
    expect(['GM0518', 'WK051801', 'BU05180101', 'WK0363AA'].map(municipalityOfArea)).toEqual(['GM0518', 'GM0518', 'GM0518', 'GM0363']);
    expect(municipalityOfArea('NL00')).toBeNull();
    expect(municipalityOfArea('debt-restructuring')).toBeNull();
  });

  it('drops rows, evidence points and list members about other municipalities, units included', () => {
    const body = [
      { area: 'WK051801', value: 1 },
      { area: 'WK059901', value: 2 },
      { subjects: ['WK051801'], evidence: { points: [{ subject: 'WK051802' }, { subject: 'SC1' }, { subject: 'WK059903' }] } },
      { subjects: ['WK051801', 'WK059901'] },
      { area: 'NL00', value: 3 },
    ];
    expect(filterForScope(body, allowed, of)).toEqual({
      denied: false,
      body: [{ area: 'WK051801', value: 1 }, { subjects: ['WK051801'], evidence: { points: [{ subject: 'WK051802' }] } }, { area: 'NL00', value: 3 }],
    });
  });

  it('denies a whole answer about another municipality and cuts nested objects about one', () => {
    expect(filterForScope({ id: 's', subjects: ['BU05990101'] }, allowed, of).denied).toBe(true);
    expect(filterForScope({ id: 'm', area: { code: 'GM0599', name: 'Rotterdam' } }, allowed, of).denied).toBe(true);
    expect(filterForScope({ id: 'm', area: 'GM0518', peer: { area: 'GM0599', value: 1 } }, allowed, of)).toEqual({ denied: false, body: { id: 'm', area: 'GM0518' } });
  });

  it('reads the codes a request names', () => {
    expect(namedCodes({ code: 'GM0518' }, { area: 'WK051801,WK059901', areas: ['GM0599'] }, { area: 'GM0363' })).toEqual(['GM0518', 'WK051801', 'WK059901', 'GM0599', 'GM0363']);
  });
});
