import { Semaphore } from './passwords';

/** Issue 9 defect 5 / item 4: a bounded number of argon2 hashes at once (ARGON2_CONCURRENCY). */
describe('Semaphore (the argon2 bound)', () => {
  const tick = () => new Promise<void>((r) => setImmediate(r));

  it('runs at most `limit` jobs at once, and all of them in the end', async () => {
    const s = new Semaphore(2);
    let active = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) => s.run(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise<void>((r) => releases.push(r));
      active--;
      return i;
    }));
    for (let done = 0; done < 6; done++) {
      await tick();
      expect(active).toBeLessThanOrEqual(2);
      releases.shift()?.();
    }
    await tick();
    while (releases.length) { releases.shift()?.(); await tick(); }
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a job fails', async () => {
    const s = new Semaphore(1);
    await expect(s.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(s.run(async () => 'next')).resolves.toBe('next');
  });

  it('does not bound with limit 0', async () => {
    const s = new Semaphore(0);
    let active = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 5 }, () => s.run(async () => { active++; peak = Math.max(peak, active); await tick(); active--; })));
    expect(peak).toBe(5);
  });
});
