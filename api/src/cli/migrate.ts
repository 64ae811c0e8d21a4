import 'reflect-metadata';
import { resolve } from 'node:path';
import { openDatabase, runMigrations } from '../database/database';
import { wholeNumber } from '../config/env';

/** `npm run migrate`: applies pending migrations to the configured database (DATABASE_URL or the embedded one) and exits. */
async function main(): Promise<void> {
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL?.trim() || null,
    dataDir: resolve(process.env.DATA_DIR?.trim() || 'data'),
    dbConnectAttempts: wholeNumber(process.env.DB_CONNECT_ATTEMPTS, 'DB_CONNECT_ATTEMPTS', 30, 1, 100_000),
  });
  try {
    const done = await runMigrations(db.dataSource);
    console.log(done.length ? `Applied: ${done.join(', ')}` : 'Database is up to date');
  } finally {
    await db.close();
  }
}

main().catch((err: Error) => {
  console.error(`Migration failed: ${err.message}`);
  process.exit(1);
});
