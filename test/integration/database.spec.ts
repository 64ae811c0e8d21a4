import { DatabaseUnavailableError, openDatabase } from '../../api/src/database/database';

describe('database start-up', () => {
  it('retries an unreachable PostgreSQL and then gives a one-line reason instead of a stack trace', async () => {
    const started = Date.now();
    const error = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', dataDir: '/tmp' }, { attempts: 3, delayMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(/^PostgreSQL at 127\.0\.0\.1:1\/none is unreachable after 3 attempts \(ECONNREFUSED/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });
});
