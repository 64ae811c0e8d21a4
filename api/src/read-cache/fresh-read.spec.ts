import { freshRead } from './fresh-read';

/** A read whose answers the test releases by hand; each read answers the value current at its start. */
function controlledSource() {
  let value = 0;
  const started: { at: number; release: () => void }[] = [];
  const read = () =>
    new Promise<number>((resolve) => {
      const at = value;
      started.push({ at, release: () => resolve(at) });
    });
  return { read, started, set: (v: number) => (value = v) };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('freshRead', () => {
  it('a caller alone starts its own read', async () => {
    const src = controlledSource();
    const get = freshRead(src.read);
    const a = get();
    expect(src.started).toHaveLength(1);
    src.started[0].release();
    await expect(a).resolves.toBe(0);
  });

  it('callers arriving while a read runs share the next read, never the running one', async () => {
    const src = controlledSource();
    const get = freshRead(src.read);
    const first = get();
    src.set(1); // a commit after the first read took its snapshot
    const late = [get(), get(), get()];
    expect(src.started).toHaveLength(1);
    src.started[0].release();
    await expect(first).resolves.toBe(0);
    await flush();
    expect(src.started).toHaveLength(2); // one read for the three late callers
    src.started[1].release();
    await expect(Promise.all(late)).resolves.toEqual([1, 1, 1]);
  });

  it('at most one read runs and one waits, however many callers', async () => {
    const src = controlledSource();
    const get = freshRead(src.read);
    const all = Array.from({ length: 100 }, () => get());
    expect(src.started).toHaveLength(1);
    src.started[0].release();
    await flush();
    expect(src.started).toHaveLength(2);
    src.started[1].release();
    await Promise.all(all);
    expect(src.started).toHaveLength(2);
  });

  it('a failed read fails its callers only; the waiting callers get a read of their own', async () => {
    let calls = 0;
    const get = freshRead(async () => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return calls;
    });
    const first = get();
    const second = get();
    await expect(first).rejects.toThrow('connection lost');
    await expect(second).resolves.toBe(2);
    await expect(get()).resolves.toBe(3);
  });
});
