import { DB_KINDS, startTestApp, type TestApp } from './harness';
import { plantSeries, SNAPSHOT } from './detection-helpers';

/**
 * Issue 14: the detection run after an import looks only at the municipalities the import wrote
 * (each whole: its peers and the false discovery rate over all its tests), and its outcome equals
 * a full run's.
 */
describe.each(DB_KINDS)('incremental detection on %s', (kind) => {
  let app: TestApp;
  const q = (sql: string, params: unknown[] = []): Promise<{ [k: string]: unknown }[]> => app.running.database.dataSource.query(sql, params);
  beforeAll(async () => {
    app = await startTestApp(kind, { SIGNAL_JOBS_TICK_MS: '0', WORK_HEARTBEAT_MS: '0' });
  });
  afterAll(() => app?.close());

  async function runAfter(batchId: string): Promise<void> {
    const end = Date.now() + 60_000;
    for (;;) {
      const runs = (await (await app.request('/api/v1/signals/runs', { role: 'analyst' })).json()) as { trigger: string; finishedAt: string | null }[];
      if (runs.some((r) => r.trigger === `import:${batchId}` && r.finishedAt)) return;
      if (Date.now() > end) throw new Error('no detection run after the import');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('after an import of one municipality detects that municipality only, with the signals of a full run', async () => {
    const municipalities = (await q(
      `SELECT municipality_code AS code FROM area WHERE level = 'district' GROUP BY 1 HAVING count(*) >= 3 ORDER BY 1 LIMIT 4`,
    )).map((r) => r.code as string);
    await plantSeries(q, 'loneliness', municipalities);
    expect((await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' })).status).toBe(200);
    const before = await q(SNAPSHOT);

    // A rise in the last district of the second municipality; the first's planted rise ends.
    const [{ code: rising }] = await q(`SELECT max(code) AS code FROM area WHERE level = 'district' AND municipality_code = $1`, [municipalities[1]]);
    const [{ code: ending }] = await q(`SELECT min(code) AS code FROM area WHERE level = 'district' AND municipality_code = $1`, [municipalities[1]]);
    const rows = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].flatMap((p, i) => [`loneliness,${rising},${p},,${320 + i * 70},2000`, `loneliness,${ending},${p},,200,2000`]);
    const res = await app.request('/api/v1/imports', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: `indicator,subject,period,value,numerator,denominator\n${rows.join('\n')}\n` });
    expect(res.status).toBe(201);
    await runAfter(((await res.json()) as { batchId: string }).batchId);
    const [{ details }] = await q(`SELECT details FROM audit_event WHERE action = 'signals.run' ORDER BY at DESC LIMIT 1`);
    expect(details).toMatchObject({ scope: 'incremental', municipalities: 1 });
    const incremental = await q(SNAPSHOT);
    expect(incremental).not.toEqual(before); // the import changed the second municipality's signals
    const changed = (rows: { [k: string]: unknown }[]) => rows.filter((r) => r.municipality_code !== municipalities[1]);
    expect(changed(incremental)).toEqual(changed(before)); // … and no other's

    // A full run finds nothing to change.
    const full = await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' });
    expect(await full.json()).toEqual({ created: 0, updated: incremental.filter((r) => r.pattern_active).length, resolved: 0 });
    expect(await q(SNAPSHOT)).toEqual(incremental);
  });
});
