import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../api/src/config/app-config';
import { runIngest } from '../../api/src/cli/ingest';
import { parseStatline, totalRows } from '../../api/src/parsing';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

const FIX = join(__dirname, '..', 'fixtures', 'statline');
const GEZONDHEID = join(__dirname, '..', '..', 'seed', 'data', 'rotterdam-krimpenerwaard-gezondheid', 'Gezondheid_per_wijk_en_buurt__2022_18062025_140356.csv');
const LONELY = 'Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)';
const JEUGD = 'Jongeren met jeugdhulp in natura (% (zie toelichting))';

const IND = (code: string, extra: Record<string, unknown> = {}) => ({
  code, name: { nl: code, en: code }, quadrant: 'II', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', ...extra,
});

describe.each(DB_KINDS)('indicator data on %s', (kind) => {
  let app: TestApp;
  let wijken: string[];
  const csv = (body: string | Uint8Array, query = '', role: 'analyst' | 'admin' | 'manager' | 'council' = 'analyst') =>
    app.request(`/api/v1/imports${query}`, { method: 'POST', role, headers: { 'content-type': 'text/csv' }, body: body as BodyInit });
  const obs = async (q: string, role: 'analyst' | 'council' | 'manager' = 'analyst') => {
    const res = await app.request(`/api/v1/observations?${q}`, { role });
    expect(res.status).toBe(200);
    return res.json();
  };
  const count = async () => (await obs('indicator=t-prop,t-count,t-rate,t-mean')).length;

  beforeAll(async () => {
    app = await startTestApp(kind);
    const res = await app.request('/api/v1/indicators', {
      method: 'POST', role: 'analyst',
      json: [
        IND('t-prop'), IND('t-count', { measure: 'count', minCount: 5 }), IND('t-rate', { measure: 'rate', per: 1000 }),
        IND('t-mean', { measure: 'mean', polarity: 'higher-is-better' }), IND('t-unit', { subjectKind: 'unit', quadrant: 'III' }),
        IND('gz-lonely', { quadrant: 'I', statlineColumn: LONELY, source: 'CBS' }), IND('jz-natura', { quadrant: 'I', statlineColumn: JEUGD }),
      ],
    });
    expect(res.status).toBe(201);
    const areas = await (await app.request('/api/v1/areas?parent=GM0518&level=district', { role: 'analyst' })).json();
    wijken = areas.map((a: { code: string }) => a.code).slice(0, 3);
  });
  afterAll(() => app?.close());

  describe('catalogue, units and areas', () => {
    it('lists the standard catalogue and rejects bad indicators with 400 naming each field', async () => {
      const list = await (await app.request('/api/v1/indicators', { role: 'council' })).json();
      const codes = list.map((i: { code: string }) => i.code);
      expect(codes).toEqual(expect.arrayContaining(['youth-care-referrals', 'youth-care-use', 'debt-signals', 'evictions', 'social-cohesion', 'loneliness']));
      expect(list.find((i: { code: string }) => i.code === 'debt-signals').leadsTo).toEqual([{ indicator: 'evictions', maxLag: 2 }]);
      const bad = await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: { code: 'X Y', name: { nl: 'x' }, quadrant: 'V', measure: 'rate', polarity: 'up', leadsTo: [{ indicator: 'nope', maxLag: 1 }] } });
      expect(bad.status).toBe(400);
      const fields = (await bad.json()).errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['code', 'name.en', 'quadrant', 'polarity', 'per']));
      expect((await app.request('/api/v1/indicators', { method: 'POST', role: 'manager', json: IND('t-x') })).status).toBe(403);
    });

    it('upserts an indicator by code', async () => {
      await app.request('/api/v1/indicators', { method: 'POST', role: 'admin', json: IND('t-up', { theme: 'a' }) });
      await app.request('/api/v1/indicators', { method: 'POST', role: 'admin', json: IND('t-up', { theme: 'b', leadsTo: [{ indicator: 't-prop', maxLag: 2 }] }) });
      const list = await (await app.request('/api/v1/indicators', { role: 'analyst' })).json();
      const mine = list.filter((i: { code: string }) => i.code === 't-up');
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ theme: 'b', minCount: 5, leadsTo: [{ indicator: 't-prop', maxLag: 2 }] });
    });

    it('carries a topic (metadata the rule texts use instead of the code): set for the standard catalogue, kept when a post leaves it out, cleared with null', async () => {
      const list = async () => (await (await app.request('/api/v1/indicators', { role: 'analyst' })).json()) as { code: string; topic: string | null }[];
      const topicOf = async (code: string) => (await list()).find((i) => i.code === code)?.topic;
      expect(await topicOf('evictions')).toBe('evictions');
      expect(await topicOf('debt-signals')).toBe('payment-arrears');
      expect(await topicOf('youth-care-referrals')).toBe('referrals');
      expect(await topicOf('loneliness')).toBeNull();
      const bad = await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: IND('t-topic', { topic: 'rent' }) });
      expect(bad.status).toBe(400);
      expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual(['topic']);
      expect((await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: IND('t-topic', { topic: 'evictions' }) })).status).toBe(201);
      expect((await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: IND('t-topic', { theme: 'c' }) })).status).toBe(201);
      expect(await topicOf('t-topic')).toBe('evictions');
      await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: IND('t-topic', { topic: null }) });
      expect(await topicOf('t-topic')).toBeNull();
    });

    it('loads units from CSV and JSON, stores formula-like text as text, lists them per area', async () => {
      const body = `code,name,kind,area\nBRIN01,"=HYPERLINK(""http://x"")",school,${wijken[0]}\nBRIN02,De Regenboog,school,${wijken[1]}\n`;
      const res = await app.request('/api/v1/units', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body });
      expect(res.status).toBe(201);
      const json = await app.request('/api/v1/units', { method: 'POST', role: 'analyst', json: [{ code: 'BRIN03', name: 'Het Anker', kind: 'school', area: wijken[0] }] });
      expect(json.status).toBe(201);
      const units = await (await app.request('/api/v1/units?area=GM0518', { role: 'manager' })).json();
      expect(units.map((u: { code: string }) => u.code)).toEqual(['BRIN01', 'BRIN02', 'BRIN03']);
      expect(units[0].name).toBe('=HYPERLINK("http://x")');
      const inWijk = await (await app.request(`/api/v1/units?area=${wijken[0]}`, { role: 'manager' })).json();
      expect(inWijk.map((u: { code: string }) => u.code)).toEqual(['BRIN01', 'BRIN03']);
      const bad = await app.request('/api/v1/units', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: 'code,name,kind,area\nB9,X,school,WK999999\n' });
      expect(bad.status).toBe(422);
      expect((await bad.json()).errors).toEqual([{ line: 2, column: 'area', message: expect.stringContaining('WK999999') }]);
    });

    it('adds areas from CSV (a municipality’s own sub-areas), errors with line and column', async () => {
      const res = await app.request('/api/v1/areas', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: `code,name,level,parent\nWK0518ZZ,Eigen wijk,district,GM0518\n` });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ upserted: 1 });
      expect((await app.request('/api/v1/areas/WK0518ZZ', { role: 'analyst' })).status).toBe(200);
      const bad = await app.request('/api/v1/areas', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: `code,name,level,parent\nWK0518ZY,X,district,GM9999\n` });
      expect(bad.status).toBe(422);
      expect((await bad.json()).errors[0]).toMatchObject({ line: 2, column: 'parent' });
      // A blank line does not shift the reported line of the rows after it.
      const gap = await app.request('/api/v1/areas', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: `code,name,level,parent\nWK0518ZX,Y,district,GM0518\n\nWK0518ZW,X,district,GM9999\n` });
      expect(gap.status).toBe(422);
      expect((await gap.json()).errors).toEqual([expect.objectContaining({ line: 4, column: 'parent' })]);
    });
  });

  describe('long CSV, JSON and multipart imports', () => {
    it('imports a long CSV, derives values, answers observations by area and level', async () => {
      const [a, b] = wijken;
      const body = [
        'indicator,subject,period,value,numerator,denominator',
        `t-prop,${a},2024-Q1,,30,200`,
        `t-prop,${b},2024-Q1,12.5,,`,
        `t-rate,${a},2024-03,,4,2000`,
        `t-count,${a},2023,,3,`,
        `t-count,${b},2023,17,,`,
        `t-prop,${a},2022*,,10,100`,
      ].join('\r\n');
      const res = await csv(body);
      expect(res.status).toBe(201);
      const out = await res.json();
      expect(out).toEqual({ batchId: expect.any(String), status: 'completed', rowsAccepted: 6, rowsRejected: 0 });
      const rows = await obs(`indicator=t-prop,t-rate,t-count&area=GM0518&level=district`);
      const find = (i: string, s: string, p: string) => rows.find((r: { indicator: string; subject: string; period: string }) => r.indicator === i && r.subject === s && r.period === p);
      expect(find('t-prop', a, '2024-Q1')).toMatchObject({ value: 15, numerator: 30, denominator: 200, status: 'final' });
      expect(find('t-prop', a, '2022')).toMatchObject({ value: 10, status: 'provisional' });
      expect(find('t-rate', a, '2024-03').value).toBeCloseTo(2);
      expect(find('t-count', a, '2023')).toMatchObject({ value: 3, numerator: 3 });
      const since = await obs(`indicator=t-prop&area=${a}&from=2023&to=2024`);
      expect(since.map((r: { period: string }) => r.period)).toEqual(['2024-Q1']);
    });

    it('hides counts below the minimum from council and managers, not from analysts', async () => {
      const council = await obs(`indicator=t-count&area=GM0518&level=district`, 'council');
      const small = council.find((r: { subject: string }) => r.subject === wijken[0]);
      expect(small).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
      // The only other sibling is hidden too, or 3 could be worked back from the municipal total.
      expect(council.find((r: { subject: string }) => r.subject === wijken[1])).toMatchObject({ value: null, suppressed: true });
      const analyst = await obs(`indicator=t-count&area=GM0518&level=district`, 'analyst');
      expect(analyst.find((r: { subject: string }) => r.subject === wijken[0]).value).toBe(3);
    });

    it('keeps the meaning of stored figures: an indicator with data cannot change its measure, subject kind or rate unit (400 naming the field)', async () => {
      const catalogue = (await (await app.request('/api/v1/indicators', { role: 'analyst' })).json()) as { code: string }[];
      const prop = catalogue.find((i) => i.code === 't-prop')!;
      const rate = catalogue.find((i) => i.code === 't-rate')!;
      const res = await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: [{ ...prop, measure: 'mean' }, { ...rate, per: 100 }] });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.errors).toEqual(expect.arrayContaining([
        expect.objectContaining({ field: '[0].measure', code: 'indicator.measure.locked', params: { indicator: 't-prop', measure: 'proportion' } }),
        expect.objectContaining({ field: '[1].per', code: 'indicator.per.locked' }),
      ]));
      // Texts may still change; an indicator without figures may change its measure.
      const ok = await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: [{ ...prop, description: 'Nieuwe omschrijving' }, { ...catalogue.find((i) => i.code === 't-mean')!, measure: 'proportion', polarity: 'higher-is-worse' }] });
      expect(ok.status).toBe(201);
      await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: { ...catalogue.find((i) => i.code === 't-mean')! } });
    });

    it('answers the same file again with 200 duplicateOf; a new file replaces and keeps history', async () => {
      const body = `indicator,subject,period,value\nt-mean,${wijken[0]},2024,7.1\n`;
      const first = await (await csv(body)).json();
      const again = await csv(body);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ duplicateOf: first.batchId, rowsAccepted: 1 });
      const second = await csv(`indicator,subject,period,value\nt-mean,${wijken[0]},2024,7.4\n`);
      expect(second.status).toBe(201);
      const rows = await obs(`indicator=t-mean&area=${wijken[0]}`);
      expect(rows).toEqual([expect.objectContaining({ value: 7.4, period: '2024' })]);
      const history: { batch_history: string[] }[] = await app.running.database.dataSource.query(
        `SELECT batch_history FROM observation WHERE indicator_code = 't-mean' AND subject_code = $1`, [wijken[0]]);
      const secondId = (await second.json()).batchId;
      expect(history[0].batch_history).toEqual([first.batchId, secondId]);
      // provenance, for analysts and admins: which batches wrote the figure, oldest first
      const prov = await app.request(`/api/v1/observations/provenance?indicator=t-mean&area=${wijken[0]}&from=2024&to=2024`, { role: 'analyst' });
      expect(prov.status).toBe(200);
      expect(await prov.json()).toEqual([{
        indicator: 't-mean', subject: wijken[0], period: '2024',
        batches: [
          { id: first.batchId, createdAt: expect.any(String), createdBy: 'analyst@demo.local', source: 'long CSV upload', format: 'long' },
          { id: secondId, createdAt: expect.any(String), createdBy: 'analyst@demo.local', source: 'long CSV upload', format: 'long' },
        ],
      }]);
      expect((await app.request(`/api/v1/observations/provenance?indicator=t-mean&area=${wijken[0]}`, { role: 'manager' })).status).toBe(403);
      expect((await app.request(`/api/v1/observations/provenance?indicator=t-mean&level=district`, { role: 'analyst' })).status).toBe(400);
    });

    it('pages the import history newest first with limit/cursor and a Link header: no batch repeated or skipped when new ones arrive', async () => {
      for (const v of [1.1, 1.2, 1.3]) expect((await csv(`indicator,subject,period,value\nt-mean,${wijken[1]},2023,${v}\n`)).status).toBe(201);
      type Row = { id: string; createdAt: string };
      const all = (await (await app.request('/api/v1/imports?limit=1000', { role: 'analyst' })).json()) as Row[];
      expect(all.length).toBeGreaterThanOrEqual(4);
      const times = all.map((b) => Date.parse(b.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));

      const seen: string[] = [];
      let url: string | null = '/api/v1/imports?limit=2';
      let pages = 0;
      while (url) {
        const res = await app.request(url, { role: 'analyst' });
        expect(res.status).toBe(200);
        const page = (await res.json()) as Row[];
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page.map((b) => b.id));
        if (pages++ === 0) {
          // a new import after the first page lands before it, not inside the pages still to come
          expect((await csv(`indicator,subject,period,value\nt-mean,${wijken[1]},2023,1.4\n`)).status).toBe(201);
        }
        url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
      }
      expect(seen).toEqual(all.map((b) => b.id));
      expect(pages).toBe(Math.ceil(all.length / 2));

      // the older way in still works; a cursor that is not ours is a 400 naming it, never a 500
      const skipped = (await (await app.request('/api/v1/imports?limit=2&offset=1', { role: 'analyst' })).json()) as Row[];
      expect(skipped.map((b) => b.id)[0]).toBe(all[0].id); // the batch added above is now the newest
      for (const cursor of ['nope!', Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000000', 'x'])).toString('base64url'), Buffer.from(JSON.stringify(["1' OR 1=1", 'a'])).toString('base64url')]) {
        const bad = await app.request(`/api/v1/imports?cursor=${cursor}`, { role: 'analyst' });
        expect(bad.status).toBe(400);
        expect((await bad.json()).errors[0].field).toBe('cursor');
      }
      expect((await app.request('/api/v1/imports?limit=0', { role: 'analyst' })).status).toBe(400);
      expect((await app.request('/api/v1/imports', { role: 'manager' })).status).toBe(403);
    });

    it('accepts a multipart upload (field "file") and JSON batches', async () => {
      const form = new FormData();
      form.append('file', new Blob([`indicator,subject,period,value\nt-mean,${wijken[1]},2024,6.5\n`], { type: 'text/csv' }), 'cohesion.csv');
      const res = await app.request('/api/v1/imports?format=long', { method: 'POST', role: 'analyst', body: form });
      expect(res.status).toBe(201);
      const batch = await (await app.request(`/api/v1/imports/${(await res.json()).batchId}`, { role: 'analyst' })).json();
      expect(batch).toMatchObject({ source: 'cohesion.csv', format: 'long', status: 'completed', rowsAccepted: 1, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });

      const json = await app.request('/api/v1/observations', {
        method: 'POST', role: 'analyst',
        json: { source: 'nightly export', observations: [{ indicator: 't-prop', subject: wijken[2], period: '2024-Q2', numerator: 5, denominator: 50 }] },
      });
      expect(json.status).toBe(201);
      expect((await obs(`indicator=t-prop&area=${wijken[2]}`))[0]).toMatchObject({ value: 10, period: '2024-Q2' });
      const badJson = await app.request('/api/v1/observations', {
        method: 'POST', role: 'analyst', json: { observations: [{ indicator: 't-prop', subject: wijken[2], period: '2024-Q5', value: 'x' }] },
      });
      expect(badJson.status).toBe(422);
      expect((await badJson.json()).errors.map((e: { column: string }) => e.column).sort()).toEqual(['period', 'value']);
    });

    it('works with an API key of scope ingest (import and batch), which may not read data; revoked keys fail', async () => {
      const created = await (await app.request('/api/v1/api-keys', { method: 'POST', role: 'admin', json: { name: 'schuldhulp-export' } })).json();
      const headers = { 'x-api-key': created.key as string, 'content-type': 'text/csv' };
      const res = await app.request('/api/v1/imports', { method: 'POST', headers, body: `indicator,subject,period,value\nt-prop,${wijken[1]},2024-Q3,4\n` });
      expect(res.status).toBe(201);
      const { batchId } = await res.json();
      const batch = await app.request(`/api/v1/imports/${batchId}`, { headers: { 'x-api-key': created.key } });
      expect((await batch.json()).createdBy).toBe('api-key:schuldhulp-export');
      const json = await app.request('/api/v1/observations', { method: 'POST', headers: { 'x-api-key': created.key }, json: { source: 'x', observations: [{ indicator: 't-prop', subject: wijken[1], period: '2024-Q4', value: 5 }] } });
      expect(json.status).toBe(201);
      expect((await app.request('/api/v1/observations?indicator=t-prop', { headers: { 'x-api-key': created.key } })).status).toBe(403);
      await app.request(`/api/v1/api-keys/${created.id}`, { method: 'DELETE', role: 'admin' });
      expect((await app.request('/api/v1/imports', { method: 'POST', headers, body: 'x' })).status).toBe(401);
    });

    it('the CLI streams a file with a progress bar, with a token and with an API key', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
      const file = join(dir, 'cli.csv');
      writeFileSync(file, `indicator,subject,period,value\n${wijken.map((w) => `t-mean,${w},2021,6`).join('\n')}\n`);
      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), isTTY: false };
      const code = await runIngest({ file, format: 'long', period: null, source: null, url: app.url, token: await app.token('analyst'), apiKey: null, email: null, password: null, progress: true }, io);
      expect(code).toBe(0);
      expect(JSON.parse(out[0])).toMatchObject({ rowsAccepted: 3 });
      expect(err.join('')).toContain('100 %');
      const key = (await (await app.request('/api/v1/api-keys', { method: 'POST', role: 'admin', json: { name: 'cli' } })).json()).key;
      const again = await runIngest({ file, format: 'long', period: null, source: null, url: app.url, token: null, apiKey: key, email: null, password: null, progress: false }, io);
      expect(again).toBe(0);
      expect(err.join('')).toContain('nothing changed');
    });
  });

  describe('CBS StatLine downloads, unmodified', () => {
    it('flat with symbols (Gezondheid): values read back equal the file; NL01 is Nederland; Marges bounds skipped', async () => {
      const bytes = readFileSync(GEZONDHEID);
      const res = await csv(bytes, '?format=statline');
      expect(res.status).toBe(201);
      const out = await res.json();
      expect(out.ignoredColumns).toContain('Roker (%)');
      expect(out.ignoredColumns).not.toContain(LONELY);
      const table = await parseStatline(bytes);
      const expected = totalRows(table).filter((r) => r.cells[LONELY].value !== null);
      expect(out.rowsAccepted).toBe(expected.length);
      const rows = await obs('indicator=gz-lonely&area=GM0599&level=district');
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows.slice(0, 10)) {
        const src = expected.find((e) => e.areaCode === r.subject)!;
        expect(r).toMatchObject({ period: '2020', value: src.cells[LONELY].value });
      }
      const nl = await obs('indicator=gz-lonely&area=NL00');
      expect(nl).toEqual([expect.objectContaining({ value: 11.3, period: '2020' })]);
    });

    it('flat new layout with names only and a provisional period (jeugdzorg gemeenten)', async () => {
      const bytes = readFileSync(join(FIX, 'Indicatoren_jeugdzorg__gemeenten_24062023_110530.csv'));
      const res = await csv(bytes, '?format=statline');
      const out = await res.json();
      expect([201, 422]).toContain(res.status);
      if (res.status === 201) {
        const rows = await obs('indicator=jz-natura&area=GM1680');
        expect(rows).toEqual([expect.objectContaining({ period: '2022', status: 'provisional', value: 13 })]);
      } else {
        // names that are not in today's register (merged municipalities) fail the batch with line and column
        expect(out.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(String) });
      }
    });

    it('pivot table with codes (regions as columns) imports the chosen topic', async () => {
      const bytes = readFileSync(join(FIX, 'Nabijheid_voorzieningen__afstand_locatie__wijk__en_buurtcijfers_2021_17012023_183355.csv'));
      const table = await parseStatline(bytes);
      const column = table.columns[0];
      await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: IND('nb-first', { measure: 'mean', statlineColumn: column }) });
      const res = await csv(bytes, '?format=statline&period=2021');
      const out = await res.json();
      if (res.status === 201) {
        const gm = totalRows(table).find((r) => r.areaCode === 'GM1680')!;
        const rows = await obs('indicator=nb-first&area=GM1680');
        expect(rows).toEqual([expect.objectContaining({ period: '2021', value: gm.cells[column].value })]);
      } else {
        expect(res.status).toBe(422);
        expect(out.errors[0].message).toMatch(/unknown area code/);
      }
    });

    it('refuses a table whose columns match no indicator, listing the columns', async () => {
      const res = await csv(readFileSync(join(FIX, 'SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv')), '?format=statline');
      expect(res.status).toBe(422);
      expect((await res.json()).errors[0].message).toMatch(/statlineColumn/);
    });
  });

  describe('bad input: 4xx with line and column, nothing written, server stays up', () => {
    const H = 'indicator,subject,period,value,numerator,denominator';
    const cases: [string, () => string | Uint8Array, number, { line: number; column: string | null; message: RegExp }][] = [
      ['unknown indicator', () => `${H}\nnope,${'WK051801'},2024,1,,`, 422, { line: 2, column: 'indicator', message: /unknown indicator/ }],
      ['unknown subject', () => `${H}\nt-prop,WK999999,2024,1,,`, 422, { line: 2, column: 'subject', message: /unknown area/ }],
      ['bad period', () => `${H}\nt-prop,WK051801,2024-Q5,1,,`, 422, { line: 2, column: 'period', message: /quarter 5/ }],
      ['non-numeric count', () => `${H}\nt-count,WK051801,2024,,veel,`, 422, { line: 2, column: 'numerator', message: /not a number/ }],
      ['negative count', () => `${H}\nt-count,WK051801,2024,,-3,`, 422, { line: 2, column: 'numerator', message: /negative/ }],
      ['numerator > denominator', () => `${H}\nt-prop,WK051801,2024,,30,20`, 422, { line: 2, column: 'numerator', message: /greater than denominator/ }],
      ['a key twice', () => `${H}\nt-prop,WK051801,2024,1,,\nt-prop,WK051801,2024,2,,`, 422, { line: 3, column: null, message: /duplicate row/ }],
      ['missing header column', () => `indicator,subject,value\nt-prop,WK051801,1`, 422, { line: 1, column: 'period', message: /missing required column/ }],
      ['unknown header', () => `${H},colour\nt-prop,WK051801,2024,1,,,red`, 422, { line: 1, column: 'colour', message: /unknown column/ }],
      ['wrong delimiter', () => `indicator|subject|period|value\nt-prop|WK051801|2024|1`, 422, { line: 1, column: expect.any(String) as unknown as string, message: /wrong delimiter/ }],
      ['empty file', () => '', 422, { line: 1, column: null, message: /empty/ }],
      ['binary file', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 422, { line: 2, column: null, message: /not text/ }],
      ['UTF-16 without BOM', () => new Uint8Array(Buffer.from(`${H}\n`, 'utf16le')), 422, { line: 1, column: null, message: /not text/ }],
      ['a line of megabytes', () => `${H}\nt-prop,WK051801,2024,${'9'.repeat(3 * 1024 * 1024)},,`, 422, { line: 2, column: null, message: /longer than/ }],
      ['formula-like cell', () => `${H}\nt-prop,WK051801,2024,=CMD(),,`, 422, { line: 2, column: 'value', message: /never evaluated/ }],
      ['proportion over 100 %', () => `${H}\nt-prop,WK051801,2024,130,,`, 422, { line: 2, column: 'value', message: /percentage/ }],
    ];
    it.each(cases)('%s', async (_name, body, status, error) => {
      const before = await count();
      const res = await csv(body());
      expect(res.status).toBe(status);
      const out = await res.json();
      expect(out).toMatchObject({ statusCode: status, rowsAccepted: 0, errorCount: expect.any(Number) });
      expect(out.errors[0]).toMatchObject({ line: error.line, column: error.column, message: expect.stringMatching(error.message) });
      // Where the parser knows the problem, the error carries a stable code for the web app's translation.
      if (out.errors[0].code !== undefined) expect(out.errors[0].code).toMatch(/^import(\.[a-zA-Z-]+)+$/);
      expect(await count()).toBe(before);
    });

    it('reports the first 100 errors and the total', async () => {
      const lines = Array.from({ length: 150 }, (_, i) => `nope${i},WK051801,2024,1,,`);
      const out = await (await csv(`${H}\n${lines.join('\n')}`)).json();
      expect(out.errors).toHaveLength(100);
      expect(out.errorCount).toBe(150);
      const batches = await (await app.request('/api/v1/imports', { role: 'analyst' })).json();
      expect(batches[0]).toMatchObject({ status: 'failed', errorCount: 150, rowsAccepted: 0 });
    });

    it('answers 413 for a body over the limit (declared or streamed) and stays up', async () => {
      const config = app.running.app.get<AppConfig>(APP_CONFIG);
      const old = config.bodyLimitBytes;
      config.bodyLimitBytes = 64 * 1024;
      try {
        const big = `${H}\n${`t-prop,WK051801,2024,1,,\n`.repeat(5000)}`;
        const res = await csv(big);
        expect(res.status).toBe(413);
        expect((await res.json()).message).toMatch(/limit/);
        const chunked = new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode(big));
            c.close();
          },
        });
        const res2 = await app.request('/api/v1/imports', { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: chunked, duplex: 'half' } as RequestInit);
        expect(res2.status).toBe(413);
      } finally {
        config.bodyLimitBytes = old;
      }
      expect((await app.request('/api/health')).status).toBe(200);
    });

    it('refuses an unknown format, and data uploads by roles that may not load data', async () => {
      expect((await csv('x', '?format=xlsx')).status).toBe(400);
      expect((await csv('x', '', 'manager')).status).toBe(403);
      expect((await csv('x', '', 'council')).status).toBe(403);
    });
  });
  describe('large batches: rows written while reading are undone when the file turns out bad', () => {
    const H = 'indicator,subject,period,numerator,denominator';
    let all: string[];
    const big = (indicator: string, quarters: string[]) =>
      all.flatMap((w, i) => quarters.map((q) => `${indicator},${w},${q},${i % 50},${100 + (i % 7)}`));
    const stored = async (indicator: string): Promise<number> => {
      const r: { n: number }[] = await app.running.database.dataSource.query(`SELECT count(*)::int AS n FROM observation WHERE indicator_code = $1`, [indicator]);
      return r[0].n;
    };

    beforeAll(async () => {
      all = (await (await app.request('/api/v1/areas?level=district', { role: 'analyst' })).json()).map((a: { code: string }) => a.code);
      expect(all.length).toBeGreaterThan(3000);
      const res = await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: [IND('t-big'), IND('t-big2')] });
      expect(res.status).toBe(201);
    });

    it('an error on the last of 27,000 new rows leaves nothing written', async () => {
      const rows = big('t-big', ['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
      const res = await csv(`${H}\n${rows.join('\n')}\nt-big,WK999999,2021-Q1,1,10\n`);
      expect(res.status).toBe(422);
      const out = await res.json();
      expect(out.errors).toEqual([{ line: rows.length + 2, column: 'subject', message: expect.stringMatching(/unknown area "WK999999"/), code: 'import.unknownArea', params: { value: 'WK999999' } }]);
      expect(out.rowsRejected).toBe(rows.length + 1);
      expect(await stored('t-big')).toBe(0);
    });

    it('a key repeated at the end of a large file names both lines and leaves nothing written', async () => {
      const rows = big('t-big', ['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']);
      const res = await csv(`${H}\n${rows.join('\n')}\n${rows[0]}\n`);
      expect(res.status).toBe(422);
      const out = await res.json();
      const [indicator, subject] = rows[0].split(',');
      expect(out.errors).toEqual([{ line: rows.length + 2, column: null, message: `duplicate row: indicator "${indicator}", subject "${subject}", period 2021-Q1 is on lines 2 and ${rows.length + 2}`, code: 'import.duplicate', params: { first: 2, period: '2021-Q1' } }]);
      expect(await stored('t-big')).toBe(0);
    });

    it('new periods go in beside replaced ones; both read back, replaced keys keep their history', async () => {
      const first = await csv(`${H}\n${big('t-big', ['2021-Q1', '2021-Q2']).join('\n')}\n`);
      expect(first.status).toBe(201);
      const firstId = (await first.json()).batchId;
      // 2021-Q2 again with other counts, plus a new quarter: one file, a merge and a direct write
      const q2 = all.map((w) => `t-big,${w},2021-Q2,7,70`);
      const second = await csv(`${H}\n${[...q2, ...big('t-big', ['2021-Q3'])].join('\n')}\n`);
      expect(second.status).toBe(201);
      const secondId = (await second.json()).batchId;
      expect(await stored('t-big')).toBe(all.length * 3);
      const rows: { period_start: string; n: number; value: number; history: string[] }[] = await app.running.database.dataSource.query(
        `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, count(*)::int AS n, max(value) AS value, max(batch_history::text) AS history
           FROM observation WHERE indicator_code = 't-big' GROUP BY 1 ORDER BY 1`);
      expect(rows.map((r) => [r.period_start, r.n])).toEqual([['2021-01-01', all.length], ['2021-04-01', all.length], ['2021-07-01', all.length]]);
      expect(rows[1].value).toBe(10);
      expect(rows[1].history).toBe(`{${firstId},${secondId}}`);
      expect(rows[2].history).toBe(`{${secondId}}`);
    });

    it('two large imports at the same time both complete', async () => {
      const a = csv(`${H}\n${big('t-big2', ['2020-Q1', '2020-Q2']).join('\n')}\n`);
      const b = csv(`${H}\n${big('t-big2', ['2020-Q3', '2020-Q4']).join('\n')}\n`);
      const [ra, rb] = await Promise.all([a, b]);
      expect([ra.status, rb.status]).toEqual([201, 201]);
      expect(await stored('t-big2')).toBe(all.length * 4);
    });

    it('a client that hangs up halfway leaves nothing written and the server answering', async () => {
      const body = `${H}\n${big('t-big2', ['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4']).join('\n')}\n`;
      const before = await stored('t-big2');
      const token = await app.token('analyst');
      const url = new URL(`${app.url}/api/v1/imports?format=long`);
      await new Promise<void>((done) => {
        const req = httpRequest(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': Buffer.byteLength(body) } });
        req.on('error', () => done()); // the socket we destroy
        req.write(body.slice(0, Math.floor(body.length * 0.6)), () => setTimeout(() => req.destroy(), 300));
      });
      // the import notices the hang-up, rolls back, keeps a failed batch and frees its connection and lock
      let last: { status: string; errors: { message: string }[] } | undefined;
      for (let i = 0; i < 100 && last?.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        last = (await (await app.request('/api/v1/imports?limit=1', { role: 'analyst' })).json())[0];
      }
      expect(last?.status).toBe('failed');
      expect(last?.errors[0].message).toMatch(/upload was interrupted after \d+ bytes/);
      expect(await stored('t-big2')).toBe(before);
      const next = await csv(`${H}\nt-big2,${all[0]},2018-Q1,1,10\n`);
      expect(next.status).toBe(201);
      expect((await app.request('/api/health')).status).toBe(200);
    });

    it('a StatLine upload cut off halfway is kept as a failed batch, nothing written', async () => {
      const body = readFileSync(GEZONDHEID);
      const before = (await obs('indicator=gz-lonely&area=GM0599&level=district')).length;
      const token = await app.token('analyst');
      await new Promise<void>((done) => {
        const req = httpRequest(new URL(`${app.url}/api/v1/imports?format=statline&source=afgebroken`), {
          method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': body.length },
        });
        req.on('error', () => done());
        req.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => req.destroy(), 300));
      });
      let last: { status: string; format: string; source: string; errors: { message: string }[] } | undefined;
      // The batch is listed as running from its first byte (the work ledger): wait until it has an outcome.
      for (let i = 0; i < 100 && (last?.source !== 'afgebroken' || last.status === 'running'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        last = (await (await app.request('/api/v1/imports?limit=1', { role: 'analyst' })).json())[0];
      }
      expect(last).toMatchObject({ status: 'failed', format: 'statline', source: 'afgebroken' });
      expect(last?.errors[0].message).toMatch(/upload was interrupted after \d+ bytes/);
      expect((await obs('indicator=gz-lonely&area=GM0599&level=district')).length).toBe(before);
    });

    it('while one upload streams in, another file is read and checked at once, and written after it', async () => {
      const bodyA = `${H}\n${big('t-big2', ['2017-Q1', '2017-Q2']).join('\n')}\n`;
      const before = await stored('t-big2');
      const token = await app.token('analyst');
      let sendRest: () => void = () => undefined;
      const a = new Promise<number>((done, fail) => {
        const req = httpRequest(new URL(`${app.url}/api/v1/imports?format=long`), {
          method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': Buffer.byteLength(bodyA) },
        }, (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
        });
        req.on('error', fail);
        const cut = Math.floor(bodyA.length * 0.4);
        req.write(bodyA.slice(0, cut));
        sendRest = () => req.end(bodyA.slice(cut));
      });
      await new Promise((r) => setTimeout(r, 500)); // A is reading (and, on PostgreSQL, holds the writers' lock)
      const bad = await csv(`${H}\nt-big2,WK999999,2016-Q1,1,10\n`);
      expect(bad.status).toBe(422); // answered while A is still open
      const c = csv(`${H}\nt-big2,${all[1]},2016-Q1,1,10\n`);
      await new Promise((r) => setTimeout(r, 300));
      sendRest();
      expect(await a).toBe(201);
      expect((await c).status).toBe(201);
      expect(await stored('t-big2')).toBe(before + all.length * 2 + 1);
    });

    it('an indicator that has observations cannot be deleted or renamed', async () => {
      const db = app.running.database.dataSource;
      expect((await app.request('/api/v1/indicators', { method: 'POST', role: 'analyst', json: [IND('t-guard'), IND('t-unused')] })).status).toBe(201);
      expect((await csv(`${H}\nt-guard,${all[0]},2020,1,10\n`)).status).toBe(201);
      await expect(db.query(`DELETE FROM indicator WHERE code = 't-guard'`)).rejects.toThrow(/has observations/);
      await expect(db.query(`UPDATE indicator SET code = 't-guard-x' WHERE code = 't-guard'`)).rejects.toThrow(/has observations/);
      await db.query(`UPDATE indicator SET theme = 'x' WHERE code = 't-guard'`); // other columns stay editable
      await db.query(`DELETE FROM indicator WHERE code = 't-unused'`); // an indicator without data can go
      // the guard replaces the per-row foreign key, which the migration dropped
      const fks: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'observation'::regclass AND contype = 'f'`);
      expect(fks[0].n).toBe(0);
    });
  });
});
