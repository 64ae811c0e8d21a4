import { CbsSourcesRepository } from '../../api/src/cbs-sync/cbs-sources.repository';
import { CbsSyncService } from '../../api/src/cbs-sync/cbs-sync.service';
import { PAGE, recordedCbs } from '../support/cbs-recording';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

/** Issue 16: CBS open-data sync against a local recording of the CBS OData service (test/support/cbs-recording.ts). */
describe.each(DB_KINDS)('CBS open-data sync on %s', (kind) => {
  let app: TestApp;
  let v3: TestApp;
  let cbs: Awaited<ReturnType<typeof recordedCbs>>;
  const count = async (t: TestApp, sql: string): Promise<number> => (await t.running.database.dataSource.query(sql))[0].n;

  beforeAll(async () => {
    cbs = await recordedCbs();
    app = await startTestApp(kind, { CBS_ODATA_URL: `${cbs.rec.base}/v4/CBS`, CBS_ODATA_TIMEOUT_MS: '500', CBS_SYNC_TICK_MS: '0' });
    const res = await app.request('/api/v1/indicators', {
      method: 'POST', role: 'analyst',
      json: [
        { code: 'cbs-inhabitants', name: { nl: 'Inwoners', en: 'Inhabitants' }, quadrant: 'III', measure: 'count', polarity: 'higher-is-worse', subjectKind: 'area' },
        { code: 'cbs-share', name: { nl: 'Aandeel', en: 'Share' }, quadrant: 'III', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area' },
      ],
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await v3?.close();
    cbs?.server.close();
  });
  beforeEach(() => {
    cbs.rec.mode = 'ok';
  });

  const register = (json: unknown, role: 'analyst' | 'manager' = 'analyst') => app.request('/api/v1/cbs-sources', { method: 'POST', role, json });
  const sync = async (id: string) => {
    const res = await app.request(`/api/v1/cbs-sources/${id}/sync`, { method: 'POST', role: 'analyst' });
    expect(res.status).toBe(200);
    return res.json();
  };

  it('refuses bad registrations with the field named, and managers altogether', async () => {
    expect((await register({ tableId: '85984NED', columns: { T001036: 'cbs-inhabitants' } }, 'manager')).status).toBe(403);
    const bad = await register({ tableId: 'kerncijfers', columns: { T001036: 'no-such-indicator', 'bad key': 'cbs-inhabitants' }, schedule: 'hourly', period: '2024-13' });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['columns.T001036', 'columns.bad key', 'period', 'schedule', 'tableId']);
    expect(body.errors.find((e: { field: string }) => e.field === 'tableId').code).toBe('cbs.table.invalid');
  });

  let id: string;
  it('imports a registered table through the write path: its own batch, provenance "CBS <table>", figures as CBS published them', async () => {
    const created = await register({ tableId: '85984ned', name: 'Kerncijfers wijken en buurten 2024', columns: { T001036: 'cbs-inhabitants' }, period: '2024' });
    expect(created.status).toBe(201);
    const src = await created.json();
    expect(src).toMatchObject({ tableId: '85984NED', schedule: 'manual', nextRunAt: null, lastStatus: null });
    id = src.id;
    expect((await register({ tableId: '85984NED', columns: { T001036: 'cbs-inhabitants' } })).status).toBe(409);

    const out = await sync(id);
    expect(out).toMatchObject({ status: 'completed', rowsAccepted: cbs.expected.size, error: null });
    // Only the mapped measure was asked for, page by page.
    const pages = cbs.rec.requests.filter((r) => r.startsWith('/v4/CBS/85984NED/Observations'));
    expect(pages.length).toBe(Math.ceil(cbs.expected.size / PAGE));
    expect(pages[0]).toContain("Measure+eq+%27T001036%27");
    const batch = await (await app.request(`/api/v1/imports/${out.batchId}`, { role: 'analyst' })).json();
    expect(batch).toMatchObject({ source: 'CBS 85984NED', format: 'odata', status: 'completed', rowsAccepted: cbs.expected.size });
    expect(batch.checksum).toMatch(/^[0-9a-f]{64}$/);
    const wijk = [...cbs.expected.keys()].find((c) => c.startsWith('WK'))!;
    const obs = await (await app.request(`/api/v1/observations?indicator=cbs-inhabitants&area=${wijk}&from=2024&to=2024`, { role: 'analyst' })).json();
    expect(obs).toEqual([expect.objectContaining({ subject: wijk, period: '2024', value: cbs.expected.get(wijk) })]);
    const listed = (await (await app.request('/api/v1/cbs-sources', { role: 'analyst' })).json()) as { id: string; lastStatus: string; lastBatchId: string }[];
    expect(listed.find((s) => s.id === id)).toMatchObject({ lastStatus: 'completed', lastBatchId: out.batchId });
  });

  it('a second sync of an unchanged table is a duplicate, not a new batch; a changed one is a new batch', async () => {
    const batches = await count(app, `SELECT count(*)::int AS n FROM import_batch`);
    const again = await sync(id);
    expect(again.status).toBe('duplicate');
    expect(await count(app, `SELECT count(*)::int AS n FROM import_batch`)).toBe(batches);

    const rec = cbs.rec.records.find((r) => r.Measure === 'T001036' && String(r.WijkenEnBuurten).startsWith('WK'))!;
    const old = rec.Value;
    rec.Value = 12345;
    try {
      const changed = await sync(id);
      expect(changed.status).toBe('completed');
      expect(changed.batchId).not.toBe(again.batchId);
      const code = String(rec.WijkenEnBuurten).trim();
      const obs = await (await app.request(`/api/v1/observations?indicator=cbs-inhabitants&area=${code}&from=2024&to=2024`, { role: 'analyst' })).json();
      expect(obs[0].value).toBe(12345);
    } finally {
      rec.Value = old;
    }
  });

  it.each([
    ['times out', 'slow', /did not answer within 500 ms/, 'cbs.sync.timeout'],
    ['answers garbage', 'garbage', /not JSON/, 'cbs.sync.not-json'],
    ['answers 503', 'error', /HTTP 503/, 'cbs.sync.http'],
  ] as const)('a service that %s: the run is failed with the reason, nothing is written, the server stays up', async (_what, mode, reason, code) => {
    const obs = await count(app, `SELECT count(*)::int AS n FROM observation`);
    const batches = await count(app, `SELECT count(*)::int AS n FROM import_batch`);
    cbs.rec.mode = mode;
    const out = await sync(id);
    expect(out.status).toBe('failed');
    expect(out.error).toMatch(reason);
    expect(out.errorCode).toBe(code);
    expect(await count(app, `SELECT count(*)::int AS n FROM observation`)).toBe(obs);
    expect(await count(app, `SELECT count(*)::int AS n FROM import_batch`)).toBe(batches);
    const listed = (await (await app.request('/api/v1/cbs-sources', { role: 'analyst' })).json()) as { id: string; lastStatus: string; lastError: string }[];
    expect(listed.find((s) => s.id === id)).toMatchObject({ lastStatus: 'failed', lastError: expect.stringMatching(reason), lastErrorCode: code });
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('refuses a count mapped into a proportion indicator, naming the column', async () => {
    const res = await app.request(`/api/v1/cbs-sources/${id}`, { method: 'PATCH', role: 'analyst', json: { columns: { T001036: 'cbs-inhabitants', '3000': 'cbs-share' } } });
    expect(res.status).toBe(200);
    const out = await sync(id);
    expect(out).toMatchObject({
      status: 'failed', error: 'column 3000 holds counts (aantal): map it to a count indicator, not a proportion',
      errorCode: 'cbs.sync.unit', errorParams: { column: '3000', unit: 'aantal', indicator: 'cbs-share' },
    });
    await app.request(`/api/v1/cbs-sources/${id}`, { method: 'PATCH', role: 'analyst', json: { columns: { T001036: 'cbs-inhabitants' } } });
  });

  it('runs due sources on the schedule, each once however many passes race', async () => {
    const res = await app.request(`/api/v1/cbs-sources/${id}`, { method: 'PATCH', role: 'analyst', json: { schedule: 'weekly' } });
    const src = await res.json();
    expect(src).toMatchObject({ schedule: 'weekly' });
    expect(new Date(src.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000);
    await app.running.database.dataSource.query(`UPDATE cbs_source SET next_run_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const before = cbs.rec.requests.length;
    const service = app.running.app.get(CbsSyncService);
    await Promise.all([service.tick(), service.tick()]);
    const runs = await count(app, `SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'cbs-source.sync.%' AND actor = 'cbs-sync'`);
    expect(runs).toBe(1);
    expect(cbs.rec.requests.length).toBeGreaterThan(before);
    const after = (await (await app.request('/api/v1/cbs-sources', { role: 'analyst' })).json()).find((s: { id: string }) => s.id === id);
    expect(after.lastStatus).toBe('duplicate');
    expect(new Date(after.nextRunAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000);

    // Claims are row locks with SKIP LOCKED: of two racing claimers (as two instances would be) one wins.
    await app.running.database.dataSource.query(`UPDATE cbs_source SET next_run_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const repo = app.running.app.get(CbsSourcesRepository);
    const claims = await Promise.all([repo.claimDue(), repo.claimDue(), repo.claimDue()]);
    expect(claims.filter(Boolean).map((c) => c!.id)).toEqual([id]);
  });

  it('reads the real v3 TypedDataSet answer and names the record and column of a text cell', async () => {
    v3 = await startTestApp(kind, { CBS_ODATA_URL: `${cbs.rec.base}/v3/ODataApi/OData`, CBS_SYNC_TICK_MS: '0' });
    await v3.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: [{ code: 'cbs-wp', name: { nl: 'x', en: 'x' }, quadrant: 'III', measure: 'count', polarity: 'higher-is-worse', subjectKind: 'area' }] });
    const created = await v3.request('/api/v1/cbs-sources', { method: 'POST', role: 'analyst', json: { tableId: '84489NED', columns: { Code_3: 'cbs-wp' }, period: '2019' } });
    expect(created.status).toBe(201);
    const out = await (await v3.request(`/api/v1/cbs-sources/${(await created.json()).id}/sync`, { method: 'POST', role: 'analyst' })).json();
    expect(out.status).toBe('failed');
    expect(out.error).toContain('record 1, column Code_3: "GM0141" is not a number');
    expect(out).toMatchObject({ errorCode: 'cbs.sync.rows', errorParams: { first: 'record 1, column Code_3: "GM0141" is not a number' } });
  });
});
