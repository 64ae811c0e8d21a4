import { isDead, ownerId, parseOwner, type Owner } from './instance';

describe('owners of running work', () => {
  const me: Owner = { host: 'app-1', pid: 4242, boot: 'aaaaaaaa' };
  const alive = (pid: number) => pid === 100;

  it('round-trips an owner id', () => {
    expect(parseOwner(ownerId(me))).toEqual(me);
    expect(parseOwner('nonsense')).toBeNull();
  });

  it.each([
    ['this process', 'app-1:4242:aaaaaaaa', false],
    ['an earlier boot with the same pid (a restarted container)', 'app-1:4242:bbbbbbbb', true],
    ['a live process on this host', 'app-1:100:cccccccc', false],
    ['a dead process on this host', 'app-1:101:cccccccc', true],
    ['a process on another host (judged by its heartbeat only)', 'app-2:101:cccccccc', false],
    ['an id of unknown shape', 'legacy', false],
  ])('%s: dead = %s', (_what, id, dead) => expect(isDead(id, me, alive)).toBe(dead));
});
