import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApiKeyInfo } from 'contracts';

const COLUMNS = `id, name, prefix, scope, created_by AS "createdBy", created_at AS "createdAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

/** A stored key as the verifier needs it: only the hash of the secret is kept. */
export interface ApiKeyRow {
  id: string;
  name: string;
  keyHash: string;
  scope: string;
}

/** SQL of the api_key table. */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly db: DataSource) {}

  async insert(key: { name: string; prefix: string; keyHash: string; actor: string }): Promise<ApiKeyInfo> {
    const rows: ApiKeyInfo[] = await this.db.query(
      `INSERT INTO api_key (name, prefix, key_hash, scope, created_by) VALUES ($1, $2, $3, 'ingest', $4) RETURNING ${COLUMNS}`,
      [key.name, key.prefix, key.keyHash, key.actor],
    );
    return rows[0];
  }

  list(): Promise<ApiKeyInfo[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM api_key ORDER BY created_at DESC`);
  }

  /** Revokes a key (keeping the first revocation time); null for an unknown id. */
  async revoke(id: string): Promise<ApiKeyInfo | null> {
    const result: unknown[] = await this.db.query(
      `UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    // On PostgreSQL drivers TypeORM answers UPDATE … RETURNING as [rows, count] (issue 9 defect 4: unknown id gave 200 []).
    const rows = (Array.isArray(result[0]) ? result[0] : result) as ApiKeyInfo[];
    return rows[0] ?? null;
  }

  async activeByPrefix(prefix: string): Promise<ApiKeyRow | null> {
    const rows: ApiKeyRow[] = await this.db.query(
      `SELECT id, name, key_hash AS "keyHash", scope FROM api_key WHERE prefix = $1 AND revoked_at IS NULL`,
      [prefix],
    );
    return rows[0] ?? null;
  }

  async markUsed(id: string): Promise<void> {
    await this.db.query(`UPDATE api_key SET last_used_at = now() WHERE id = $1`, [id]);
  }
}
