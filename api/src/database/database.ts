import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';

export type DatabaseKind = 'postgres' | 'embedded';

export interface DatabaseHandle {
  kind: DatabaseKind;
  dataSource: DataSource;
  close(): Promise<void>;
}

const logger = new Logger('Database');

/** Pool settings: DB_POOL_SIZE connections; a request waits DB_POOL_WAIT_MS for one, then gets 503. */
export interface PoolOptions {
  dbPoolSize?: number;
  dbPoolWaitMs?: number;
}

export function createDataSource(url: string, pool: PoolOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: ['error'],
    extra: { max: pool.dbPoolSize ?? 10, connectionTimeoutMillis: pool.dbPoolWaitMs ?? 5000 },
  });
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

function reason(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: string; message?: string };
    return [e.code, e.message].filter(Boolean).join(': ');
  }
  return String(err);
}

/**
 * Opens the database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite.
 * A server that is down at start-up is retried with a clear message instead of a crash.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & PoolOptions & { dbConnectAttempts?: number },
  options: { attempts?: number; delayMs?: number } = {},
): Promise<DatabaseHandle> {
  // Validated with the other settings (a one-line refusal for DB_CONNECT_ATTEMPTS=abc, never an endless retry).
  const attempts = options.attempts ?? config.dbConnectAttempts ?? 30;
  const delayMs = options.delayMs ?? 2000;
  if (config.databaseUrl === null) {
    const embedded = await EmbeddedPostgres.start(config.dataDir);
    const dataSource = createDataSource(embedded.url, config);
    await dataSource.initialize();
    return {
      kind: 'embedded',
      dataSource,
      async close() {
        await dataSource.destroy();
        await embedded.stop();
      },
    };
  }
  const where = describe(config.databaseUrl);
  for (let attempt = 1; ; attempt++) {
    const dataSource = createDataSource(config.databaseUrl, config);
    try {
      await dataSource.initialize();
      if (attempt > 1) logger.log(`Connected to PostgreSQL at ${where} after ${attempt} attempts`);
      return { kind: 'postgres', dataSource, close: () => dataSource.destroy() };
    } catch (err) {
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (attempt >= attempts) {
        throw new DatabaseUnavailableError(`PostgreSQL at ${where} is unreachable after ${attempt} attempts (${reason(err)})`);
      }
      logger.warn(`PostgreSQL at ${where} is unreachable (${reason(err)}); retrying in ${delayMs / 1000}s (attempt ${attempt}/${attempts})`);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

export class DatabaseUnavailableError extends Error {}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const done = await dataSource.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}
