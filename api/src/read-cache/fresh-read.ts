/**
 * Shares a read among concurrent callers without ever giving a caller an answer older than its
 * call: a read under way may have taken its snapshot before the caller arrived, so a caller that
 * finds one running waits for the next read, which starts when the running one ends and serves
 * every caller that arrived in between. At most one read runs and one waits, however many callers.
 *
 * The read cache asks the database's data version on every request (issue 14); under 50 concurrent
 * requests this turns one query per request into one per round trip, and an import that committed
 * before a request arrived is still seen by that request, on every process.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = read();
    running = p;
    const clear = () => {
      if (running === p) running = null;
    };
    p.then(clear, clear);
    return p;
  };
  return () => {
    if (!running) return start();
    if (!next) {
      const after = (): Promise<T> => {
        next = null;
        return start();
      };
      next = running.then(after, after);
    }
    return next;
  };
}
