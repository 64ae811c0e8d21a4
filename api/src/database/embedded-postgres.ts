import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepSequencesTogether, type ProtocolQueue } from './pglite-queue';

/**
 * The embedded default: PGlite (PostgreSQL compiled to WASM), file-backed, behind a local socket
 * so that the ordinary `pg` driver, and so every code path, is the same as on a real server.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    const db = await PGlite.create(dir);
    // Port 0: let the OS pick a free port, so two instances (tests) never collide.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
    // One connection's Parse…Sync must not be interleaved with another's (see pglite-queue.ts).
    keepSequencesTogether((server as unknown as { queryQueue: ProtocolQueue }).queryQueue);
    await server.start();
    const conn = server.getServerConn(); // "127.0.0.1:PORT"
    return new EmbeddedPostgres(db, server, `postgres://postgres@${conn}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
