/**
 * pglite-socket (0.2.x) serves every connection through one queue of wire-protocol messages and
 * keeps a connection's messages together only while PGlite is inside a transaction. The extended
 * query protocol sends one statement as several messages — Parse, Bind, Describe, Execute and then
 * Sync — and the unnamed statement and portal they build live in the one backend. When another
 * connection's message is served between a Parse and its Sync, it replaces that unnamed statement:
 * "bind message supplies 10 parameters, but prepared statement "" requires 1", "portal does not
 * exist", or a silently lost write. Two imports at once (or an import beside the session checks of
 * every request) hit it on the embedded database.
 *
 * {@link keepSequencesTogether} patches the server's queue so that, once a connection has begun an
 * extended-protocol sequence, only that connection is served until it sends Sync (or a simple
 * Query, or disconnects). It also fixes the queue stalling for good after one failed message.
 */

/** The structural part of pglite-socket's queue manager that the patch reads and replaces. */
export interface ProtocolQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

export interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}

/** Extended-protocol messages that leave a sequence open until the connection's Sync. */
const OPENS_SEQUENCE = new Set(['P', 'B', 'D', 'E', 'C', 'H']);

/**
 * Whether, after serving this message, its connection is at a point where another connection may
 * be served: a Sync (`S`), a simple Query (`Q`), a Terminate (`X`) or any non-typed message (the
 * start-up packet) ends a sequence; Parse, Bind, Describe, Execute, Close and Flush keep it open.
 */
export function endsSequence(message: Uint8Array): boolean {
  if (message.length === 0) return true;
  const type = String.fromCharCode(message[0]);
  return !OPENS_SEQUENCE.has(type);
}

export function keepSequencesTogether(queue: ProtocolQueue): void {
  /** The connection in the middle of an extended-protocol sequence, if any. */
  let open: number | null = null;

  queue.processQueue = async function processQueue(this: ProtocolQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const pinned = open ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let item: QueuedMessage | undefined;
        if (pinned !== null) {
          const at = this.queue.findIndex((q) => q.handlerId === pinned);
          if (at === -1) break; // wait for that connection's next message
          item = this.queue.splice(at, 1)[0];
        } else {
          item = this.queue.shift();
        }
        if (!item) break;
        open = endsSequence(item.message) ? null : item.handlerId;
        let bytes = 0;
        const served = item;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(served.message, {
              onRawData: (data) => {
                bytes += data.length;
                served.onData(data);
              },
            }),
          );
        } catch (error) {
          // The connection learns of it (and closes); the queue goes on serving the others.
          if (open === served.handlerId) open = null;
          this.lastHandlerId = served.handlerId;
          served.reject(error);
          continue;
        }
        this.lastHandlerId = served.handlerId;
        served.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = function clearQueueForHandler(this: ProtocolQueue, handlerId: number): void {
    clear(handlerId);
    if (open === handlerId) {
      open = null;
      void this.processQueue();
    }
  };
}
