import { actorText, eventComment } from './actor';

describe('actor text', () => {
  it('spells out the system jobs and keeps people as they are', () => {
    expect(actorText('system:demo-data', 'systeem')).toBe('systeem (demo data)');
    expect(actorText('system:signalRun', 'system')).toBe('system (signal run)');
    expect(actorText('analyst@demo.local', 'systeem')).toBe('analyst@demo.local');
    expect(actorText(null, 'systeem')).toBe('–');
    expect(actorText('system', 'systeem')).toBe('systeem');
  });

  it("shows a system's bilingual history comment in the reader's language, a person's as written", () => {
    expect(eventComment('system', 'Gevonden bij detectie / detected', 'nl')).toBe('Gevonden bij detectie');
    expect(eventComment('system', 'Gevonden bij detectie / detected', 'en')).toBe('detected');
    expect(eventComment('anna@gemeente.nl', 'Wel / niet doen', 'en')).toBe('Wel / niet doen');
    expect(eventComment('system', null, 'nl')).toBe('');
  });
});
