import { createHash } from 'node:crypto';
import { NotFoundError } from '../common/errors';
import { FakeStore, fakeApiKeys, fakeAudit } from '../testing/fakes';
import { ApiKeysService } from './api-keys.service';

/** API-key rules without HTTP (issue 10 item 8): shown once, stored hashed, every use audited. */
describe('ApiKeysService (fake repository)', () => {
  let store: FakeStore;
  let service: ApiKeysService;
  beforeEach(() => {
    store = new FakeStore();
    service = new ApiKeysService(fakeApiKeys(store), fakeAudit(store));
  });

  it('returns the secret once and keeps only its hash', async () => {
    const created = await service.create('CBS-koppeling', 'admin@demo');
    expect(created.key).toMatch(/^wsk_[0-9a-f]{12}_[\w-]{43}$/);
    expect(store.apiKeys[0].keyHash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(JSON.stringify(await service.list())).not.toContain(created.key.slice(18));
    expect(store.audit).toEqual([expect.objectContaining({ action: 'api-key.create', details: { name: 'CBS-koppeling', prefix: created.prefix } })]);
  });

  it('accepts the key, audits the use, and refuses a changed or revoked key', async () => {
    const { key, id } = await service.create('ETL', 'admin@demo');
    expect(await service.verify(key, 'POST /imports')).toMatchObject({ kind: 'api-key', actor: 'api-key:ETL', role: null, scopes: ['ingest'] });
    expect(store.audit.at(-1)).toMatchObject({ action: 'api-key.use', details: { use: 'POST /imports' } });
    expect(store.apiKeys[0].lastUsedAt).not.toBeNull();

    const flipped = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(await service.verify(flipped, 'x')).toBeNull();
    expect(await service.verify('not-a-key', 'x')).toBeNull();

    await service.revoke(id, 'admin@demo');
    expect(await service.verify(key, 'x')).toBeNull();
    await expect(service.revoke(id, 'admin@demo')).rejects.toBeInstanceOf(NotFoundError);
  });
});
