import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyInfo } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/errors';
import type { Principal } from '../common/principal';
import { ApiKeysRepository } from './api-keys.repository';

// Keys carry 256 random bits, so a fast hash is as safe as a slow one and keeps each request cheap.
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditService,
  ) {}

  /** Creates a key; the secret is returned once and only its hash is kept. */
  async create(name: string, actor: string): Promise<ApiKeyInfo & { key: string }> {
    const prefix = randomBytes(6).toString('hex');
    const key = `wsk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const row = await this.keys.insert({ name, prefix, keyHash: sha256(key), actor });
    await this.audit.record({ actor, action: 'api-key.create', target: row.id, details: { name, prefix } });
    return { ...row, key };
  }

  list(): Promise<ApiKeyInfo[]> {
    return this.keys.list();
  }

  async revoke(id: string, actor: string): Promise<ApiKeyInfo> {
    const row = await this.keys.revoke(id);
    if (!row) throw new NotFoundError(`No API key ${id}`, undefined, { code: 'apiKeys.notFound' });
    await this.audit.record({ actor, action: 'api-key.revoke', target: id });
    return row;
  }

  /** Checks a presented key; every use is audited. */
  async verify(key: string, use: string): Promise<Principal | null> {
    const match = /^wsk_([0-9a-f]{12})_/.exec(key);
    if (!match) return null;
    const row = await this.keys.activeByPrefix(match[1]);
    if (!row) return null;
    const a = Buffer.from(row.keyHash, 'hex');
    const b = Buffer.from(sha256(key), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    await this.keys.markUsed(row.id);
    const actor = `api-key:${row.name}`;
    await this.audit.record({ actor, action: 'api-key.use', target: row.id, details: { use } });
    return { kind: 'api-key', id: row.id, actor, name: row.name, role: null, scopes: [row.scope] };
  }
}
