import { signal } from '@angular/core';
import { DefaultUrlSerializer, type Navigation, type Router } from '@angular/router';
import { homeMunicipality, leavingPage } from './home-municipality';

const urls = new DefaultUrlSerializer();

/** A router whose navigation under way goes to `url` (or none). */
function routerGoingTo(url: string | null): Router {
  const nav = url === null ? null : ({ extractedUrl: urls.parse(url) } as unknown as Navigation);
  return { currentNavigation: signal(nav), serializeUrl: (u: ReturnType<typeof urls.parse>) => urls.serialize(u) } as unknown as Router;
}

describe('homeMunicipality', () => {
  it.each([
    ['the home municipality first', 'GM0599', [{ code: 'GM0518' }], 'GM0599'],
    ['else the municipality with the most data', null, [{ code: 'GM0518' }, { code: 'GM0599' }], 'GM0518'],
    ['else none', undefined, [], null],
  ])('%s', (_what, home, coverage, expected) => {
    expect(homeMunicipality(home, coverage as never)).toBe(expected);
  });
});

describe('leavingPage', () => {
  it.each([
    ['no navigation under way', null, false],
    ['a navigation to the page itself (with a query)', '/overzicht?level=neighbourhood', false],
    ['the user clicked another section', '/signalen?gemeente=GM0518', true],
    ['a deeper page of the section counts as leaving', '/overzicht/GM0518', true],
  ])('%s', (_what, url, expected) => {
    expect(leavingPage(routerGoingTo(url), '/overzicht')).toBe(expected);
  });
});
