import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiKeyInfo } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/errors';
import type { Principal } from '../auth/principal';

// Keys carry 256 random bits, so a fast hash is as safe as a slow one and keeps each request cheap.
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const COLUMNS = `id, name, prefix, scope, created_by AS "createdBy", created_at AS "createdAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates a key; the secret is returned once and only its hash is kept. */
  async create(name: string, actor: string): Promise<ApiKeyInfo & { key: string }> {
    const prefix = randomBytes(6).toString('hex');
    const key = `wsk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const rows: ApiKeyInfo[] = await this.db.query(
      `INSERT INTO api_key (name, prefix, key_hash, scope, created_by) VALUES ($1, $2, $3, 'ingest', $4) RETURNING ${COLUMNS}`,
      [name, prefix, sha256(key), actor],
    );
    await this.audit.record({ actor, action: 'api-key.create', target: rows[0].id, details: { name, prefix } });
    return { ...rows[0], key };
  }

  list(): Promise<ApiKeyInfo[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM api_key ORDER BY created_at DESC`);
  }

  async revoke(id: string, actor: string): Promise<ApiKeyInfo> {
    const result: unknown[] = await this.db.query(
      `UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    // On PostgreSQL drivers TypeORM answers UPDATE … RETURNING as [rows, count] (issue 9 defect 4: unknown id gave 200 []).
    const rows = (Array.isArray(result[0]) ? result[0] : result) as ApiKeyInfo[];
    if (!rows[0]) throw new NotFoundError(`No API key ${id}`, undefined, { code: 'apiKeys.notFound' });
    await this.audit.record({ actor, action: 'api-key.revoke', target: id });
    return rows[0];
  }

  /** Checks a presented key; every use is audited. */
  async verify(key: string, use: string): Promise<Principal | null> {
    const match = /^wsk_([0-9a-f]{12})_/.exec(key);
    if (!match) return null;
    const rows: { id: string; name: string; keyHash: string; scope: string }[] = await this.db.query(
      `SELECT id, name, key_hash AS "keyHash", scope FROM api_key WHERE prefix = $1 AND revoked_at IS NULL`,
      [match[1]],
    );
    const row = rows[0];
    if (!row) return null;
    const a = Buffer.from(row.keyHash, 'hex');
    const b = Buffer.from(sha256(key), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    await this.db.query(`UPDATE api_key SET last_used_at = now() WHERE id = $1`, [row.id]);
    const actor = `api-key:${row.name}`;
    await this.audit.record({ actor, action: 'api-key.use', target: row.id, details: { use } });
    return { kind: 'api-key', id: row.id, actor, name: row.name, role: null, scopes: [row.scope] };
  }
}
