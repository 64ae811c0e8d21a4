import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { openDatabase, runMigrations } from '../database/database';

/** `npm run migrate`: applies pending migrations to the configured database and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
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
