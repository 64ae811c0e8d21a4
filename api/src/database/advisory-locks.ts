import type { QueryRunner } from 'typeorm';

/** PostgreSQL advisory locks on one connection (the SQL of the detection and import runs' serialisation). */
export async function tryAdvisoryLock(runner: QueryRunner, key: number | string): Promise<boolean> {
  const rows: { locked: boolean }[] = await runner.query(`SELECT pg_try_advisory_lock($1::bigint) AS locked`, [key]);
  return rows[0]?.locked === true;
}

export async function advisoryUnlock(runner: QueryRunner, key: number | string): Promise<void> {
  await runner.query(`SELECT pg_advisory_unlock($1::bigint)`, [key]);
}

/** Waits for the transaction-scoped lock on a text key; released at commit or rollback. */
export async function advisoryTransactionLock(runner: QueryRunner, key: string): Promise<void> {
  await runner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
}
