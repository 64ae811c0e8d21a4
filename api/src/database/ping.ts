import type { DataSource } from 'typeorm';

/** True when the database answers a trivial query (the health check's probe). */
export function databaseAnswers(db: DataSource): Promise<boolean> {
  return db.query('SELECT 1').then(
    () => true,
    () => false,
  );
}
