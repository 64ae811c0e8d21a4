import { actorText } from './actor';

describe('actor text', () => {
  it('spells out the system jobs and keeps people as they are', () => {
    expect(actorText('system:demo-data', 'systeem')).toBe('systeem (demo data)');
    expect(actorText('system:signalRun', 'system')).toBe('system (signal run)');
    expect(actorText('analyst@demo.local', 'systeem')).toBe('analyst@demo.local');
    expect(actorText(null, 'systeem')).toBe('–');
  });
});
