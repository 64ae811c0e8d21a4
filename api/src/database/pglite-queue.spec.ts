import { endsSequence, keepSequencesTogether, type ProtocolQueue } from './pglite-queue';

const msg = (type: string) => new Uint8Array([type.charCodeAt(0), 0, 0, 0, 4]);

describe('endsSequence', () => {
  it.each([
    ['P', false], ['B', false], ['D', false], ['E', false], ['C', false], ['H', false],
    ['S', true], ['Q', true], ['X', true],
  ])('%s → %s', (type, ends) => expect(endsSequence(msg(type))).toBe(ends));

  it('treats the untyped start-up packet and an empty message as boundaries', () => {
    expect(endsSequence(new Uint8Array([0, 0, 0, 8, 0, 3, 0, 0]))).toBe(true);
    expect(endsSequence(new Uint8Array([]))).toBe(true);
  });
});

describe('keepSequencesTogether', () => {
  /** A queue whose database records which connection's message it served, in order. */
  function queueServing(order: string[], failOn?: string) {
    const owner = new Map<Uint8Array, number>();
    const q: ProtocolQueue = {
      queue: [],
      processing: false,
      lastHandlerId: null,
      db: {
        isInTransaction: () => false,
        runExclusive: (fn) => fn(),
        execProtocolRawStream: async (message) => {
          const served = `${owner.get(message)}${String.fromCharCode(message[0])}`;
          order.push(served);
          if (served === failOn) throw new Error('boom');
          return undefined;
        },
      },
      processQueue: async () => undefined,
      clearQueueForHandler(handlerId) {
        this.queue = this.queue.filter((m) => m.handlerId !== handlerId);
      },
    };
    keepSequencesTogether(q);
    const push = (handlerId: number, type: string) =>
      new Promise<number>((resolve, reject) => {
        const message = msg(type);
        owner.set(message, handlerId);
        q.queue.push({ handlerId, message, resolve, reject, onData: () => undefined });
      });
    return { q, push };
  }

  it('serves one connection from Parse to Sync before another connection', async () => {
    const order: string[] = [];
    const { q, push } = queueServing(order);
    const all = [push(1, 'P'), push(2, 'P'), push(2, 'B'), push(1, 'B'), push(2, 'E'), push(1, 'E'), push(2, 'S'), push(1, 'S')];
    await q.processQueue();
    await Promise.all(all);
    expect(order).toEqual(['1P', '1B', '1E', '1S', '2P', '2B', '2E', '2S']);
  });

  it('waits for the open connection instead of serving another in between', async () => {
    const order: string[] = [];
    const { q, push } = queueServing(order);
    const first = [push(1, 'P'), push(2, 'Q')];
    await q.processQueue();
    expect(order).toEqual(['1P']);
    expect(q.processing).toBe(false);
    const rest = [push(1, 'B'), push(1, 'S')];
    await q.processQueue();
    await Promise.all([...first, ...rest]);
    expect(order).toEqual(['1P', '1B', '1S', '2Q']);
  });

  it('keeps serving the others after a failed message', async () => {
    const order: string[] = [];
    const { q, push } = queueServing(order, '1P');
    const failed = push(1, 'P');
    const other = push(2, 'Q');
    await q.processQueue();
    await expect(failed).rejects.toThrow('boom');
    await expect(other).resolves.toBe(0);
    expect(order).toEqual(['1P', '2Q']);
  });

  it('releases the pin when the open connection goes away', async () => {
    const order: string[] = [];
    const { q, push } = queueServing(order);
    const first = push(1, 'P');
    const other = push(2, 'Q');
    await q.processQueue();
    await first;
    expect(order).toEqual(['1P']);
    q.clearQueueForHandler(1);
    await other;
    expect(order).toEqual(['1P', '2Q']);
  });
});
