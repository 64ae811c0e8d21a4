import { actorText, eventComment, isSystemActor } from './actor';

describe('actor text', () => {
  it('spells out the system jobs and keeps people as they are', () => {
    expect(actorText('system:demo-data', 'systeem')).toBe('systeem (demo data)');
    expect(actorText('system:signalRun', 'system')).toBe('system (signal run)');
    expect(actorText('analyst@demo.local', 'systeem')).toBe('analyst@demo.local');
    expect(actorText(null, 'systeem')).toBe('–');
  });
});

describe('system history comments in the reader\'s language', () => {
  it.each([
    ['system', 'Gevonden bij detectie / detected', 'nl', 'Gevonden bij detectie'],
    ['system', 'Gevonden bij detectie / detected', 'en', 'detected'],
    ['system:signalRun', 'Patroon is verdwenen / pattern ended', 'en', 'pattern ended'],
    ['manager@demo.local', 'Schulden / huur: samen oppakken', 'en', 'Schulden / huur: samen oppakken'],
    ['system', null, 'nl', ''],
  ] as const)('%s wrote %s → (%s) %s', (actor, comment, lang, shown) => expect(eventComment(actor, comment, lang)).toBe(shown));
  it('knows the system by its actor', () => {
    expect([isSystemActor('system'), isSystemActor('system:demo-data'), isSystemActor('systeem@x.nl'), isSystemActor(null)]).toEqual([true, true, false, false]);
    expect(actorText('system', 'systeem')).toBe('systeem');
  });
});
