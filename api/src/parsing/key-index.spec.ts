import { KeyIndex } from './key-index';

describe('KeyIndex', () => {
  it('returns 0 for a new key and the first line for a repeated one', () => {
    const k = new KeyIndex();
    expect(k.firstLine('a\u00002024', 'GM0363', 2)).toBe(0);
    expect(k.firstLine('a\u00002024', 'GM0518', 3)).toBe(0);
    expect(k.firstLine('b\u00002024', 'GM0363', 4)).toBe(0);
    expect(k.firstLine('a\u00002025', 'GM0363', 5)).toBe(0);
    expect(k.firstLine('a\u00002024', 'GM0363', 6)).toBe(2);
    expect(k.firstLine('a\u00002024', 'GM0363', 7)).toBe(2);
    expect(k.count).toBe(4);
  });

  it('agrees with a Map of string keys over 200,000 random keys, across growth', () => {
    const k = new KeyIndex(16);
    const m = new Map<string, number>();
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let line = 2; line < 200_002; line++) {
      const slice = `ind-${rnd(40)}\u0000${2000 + rnd(30)}`;
      const subject = `WK${rnd(500)}`;
      const key = `${slice}\u0001${subject}`;
      const expected = m.get(key) ?? 0;
      if (!expected) m.set(key, line);
      expect(k.firstLine(slice, subject, line)).toBe(expected);
    }
    expect(k.count).toBe(m.size);
  });
});
