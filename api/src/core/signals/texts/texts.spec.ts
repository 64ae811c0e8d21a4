import { certainty, fdrSentence, list, quadrantLine } from '../text';
import { TEXTS, type Lang } from '.';

/** The catalogues write the sentences the rules wrote inline before (issue 10 item 6). */
describe('signal text catalogues', () => {
  it.each<[Lang, string]>([
    ['nl', 'zeer waarschijnlijk (p = 0,004)'],
    ['en', 'very likely (p = 0.004)'],
  ])('certainty in %s', (l, want) => {
    expect(certainty(0.0042, l)).toBe(want);
  });

  it.each<[Lang, string]>([
    ['nl', 'Ook na correctie voor de 12 reeksen die in deze ronde zijn getoetst blijft dit staan (q < 0,001).'],
    ['en', 'This holds after correcting for the 12 series tested in this run (q < 0.001).'],
  ])('the FDR sentence in %s', (l, want) => {
    expect(fdrSentence(0.0001, 12, l)).toBe(want);
  });

  it('lists with "en"/"and" and folds more than six into "n andere"', () => {
    expect(list(['a', 'b', 'c'], 'nl')).toBe('a, b en c');
    expect(list(['a', 'b'], 'en')).toBe('a and b');
    expect(list(['1', '2', '3', '4', '5', '6', '7', '8'], 'nl')).toBe('1, 2, 3, 4, 5 en 3 andere');
  });

  it('names the quadrant with its key concept and inclusion question', () => {
    expect(quadrantLine('IV', 'nl')).toMatch(/^Kwadrant IV “Aan de beleidstafel” \([^)]+\): .+\?$/i);
    expect(quadrantLine('IV', 'en')).toMatch(/^Quadrant IV “.+” \([^)]+\): .+\?$/);
  });

  it.each<[Lang, string]>([
    ['nl', 'Individuele hulpvragen stapelen zich op in Centrum: schulden en huurachterstand in 3 buurten'],
    ['en', 'Individual requests for help accumulate in Centrum: schulden en huurachterstand in 3 neighbourhoods'],
  ])('escalation title in %s', (l, want) => {
    const t = TEXTS[l].escalation;
    expect(t.title({ district: 'Centrum', indicators: 'schulden en huurachterstand', where: t.neighbourhoods(3) })).toBe(want);
  });

  it.each<[Lang, string]>([
    ['nl', 'Verwijzingen bij De Regenboog hoger dan bij vergelijkbare eenheden (zoals scholen)'],
    ['en', 'Referrals at De Regenboog higher than at comparable units (such as schools)'],
  ])('peer-outlier title in %s', (l, want) => {
    const t = TEXTS[l];
    expect(t.peerOutlier.title({ indicator: 'Verwijzingen', area: 'De Regenboog', worse: t.worse.higher, peers: t.peers.unit }).replace('Verwijzingen', l === 'en' ? 'Referrals' : 'Verwijzingen')).toBe(want);
  });

  it.each<[Lang, string]>([
    ['nl', 'schulden gevolgd door huisuitzettingen in Centrum (sinds 2023-Q2)'],
    ['en', 'schulden followed by huisuitzettingen in Centrum (since 2023-Q2)'],
  ])('leading-indicator title in %s names since when an established chain runs', (l, want) => {
    expect(TEXTS[l].leadingIndicator.title({ leader: 'schulden', follower: 'huisuitzettingen', area: 'Centrum', since: '2023-Q2' })).toBe(want);
  });

  it('every sentence of one language has its counterpart in the other', () => {
    const shape = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? shape(v as object).map((s) => `${k}.${s}`) : [`${k}:${typeof v}`]));
    expect(shape(TEXTS.en)).toEqual(shape(TEXTS.nl));
  });
});
