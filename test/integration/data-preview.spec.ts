import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, runIngest } from '../../api/src/cli/ingest';
import { parseStatline, totalRows } from '../../api/src/parsing';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

/** Issue 16: automatic format, preview (?dryRun=true) and what each batch changed — on real files. */
const REAL = join(__dirname, '..', 'fixtures', 'real'); // copies of the CBS/PDOK open data the project was given (provenance in test/fixtures/real)
const GEZ_DIR = join(REAL, 'rotterdam-krimpenerwaard-gezondheid');
const GEZONDHEID = join(GEZ_DIR, 'Gezondheid_per_wijk_en_buurt__2022_18062025_140356.csv');
const GEZONDHEID_2022 = join(GEZ_DIR, 'Gezondheid_per_wijk_en_buurt__2022_18062025_140404.csv');
const SMOKER = 'Roker (%)';
const LEEFBAAROMETER = join(REAL, 'amstelveen-leefbaarometer-wijken', 'AmstelveenDataWithDimensions.csv');
const LONELY = 'Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)';

describe.each(DB_KINDS)('import preview and automatic format on %s', (kind) => {
  let app: TestApp;
  let wijk: string;
  const post = (body: string | Uint8Array, query = '') =>
    app.request(`/api/v1/imports${query}`, { method: 'POST', role: 'analyst', headers: { 'content-type': 'text/csv' }, body: body as BodyInit });
  const observationCount = async (): Promise<number> =>
    (await app.running.database.dataSource.query(`SELECT count(*)::int AS n FROM observation`))[0].n;
  const batchCount = async (): Promise<number> =>
    (await app.running.database.dataSource.query(`SELECT count(*)::int AS n FROM import_batch`))[0].n;

  beforeAll(async () => {
    app = await startTestApp(kind);
    const res = await app.request('/api/v1/indicators', {
      method: 'POST', role: 'analyst',
      json: [
        { code: 'pv-lonely', name: { nl: 'Eenzaam', en: 'Lonely' }, quadrant: 'I', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', statlineColumn: LONELY },
        { code: 'pv-smoker', name: { nl: 'Rokers', en: 'Smokers' }, quadrant: 'I', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area' },
        { code: 'pv-count', name: { nl: 'Aantal', en: 'Count' }, quadrant: 'II', measure: 'count', polarity: 'higher-is-worse', subjectKind: 'area' },
        { code: 'pv-prop', name: { nl: 'p', en: 'p' }, quadrant: 'II', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area' },
      ],
    });
    expect(res.status).toBe(201);
    const areas = await (await app.request('/api/v1/areas?parent=GM0518&level=district', { role: 'analyst' })).json();
    wijk = areas[0].code;
  });
  afterAll(() => app?.close());

  it('previews the real Gezondheid StatLine file with default settings: detected, summarised, nothing written', async () => {
    const bytes = readFileSync(GEZONDHEID);
    const obsBefore = await observationCount();
    const batchesBefore = await batchCount();
    const res = await post(bytes, '?dryRun=true');
    expect(res.status).toBe(200);
    const out = await res.json();
    const expected = totalRows(await parseStatline(bytes)).filter((r) => r.cells[LONELY].value !== null);
    expect(out).toMatchObject({
      dryRun: true, status: 'valid', format: 'statline', rowsAccepted: expected.length, rowsRejected: 0,
      formatDetection: { format: 'statline', sure: true, reason: expect.stringContaining('Perioden') },
    });
    expect(out.duplicateOf).toBeUndefined();
    expect(out.summary).toMatchObject({ indicators: ['pv-lonely'], periods: ['2020'], rowsNew: expected.length, rowsReplaced: 0, rowsUnchanged: 0 });
    expect(out.summary.areaCount).toBe(new Set(expected.map((r) => (r.areaCode === 'NL01' ? 'NL00' : r.areaCode))).size);
    expect(out.summary.areas.length).toBeLessThanOrEqual(20);
    // People read names: the listed subjects come with their names from the register.
    expect(out.summary.areaNames).toHaveLength(out.summary.areas.length);
    expect(out.summary.areaNames.every((n: string, i: number) => n !== out.summary.areas[i])).toBe(true);
    expect(out.summary.ignoredColumns).toContain('Roker (%)');
    expect(await observationCount()).toBe(obsBefore);
    expect(await batchCount()).toBe(batchesBefore);

    // Confirm: the same file without dryRun is imported (auto format), and the batch records what changed.
    const done = await post(bytes);
    expect(done.status).toBe(201);
    const result = await done.json();
    expect(result).toMatchObject({ status: 'completed', rowsAccepted: expected.length, ignoredColumns: expect.arrayContaining(['Roker (%)']) });
    const batch = await (await app.request(`/api/v1/imports/${result.batchId}`, { role: 'analyst' })).json();
    expect(batch).toMatchObject({ format: 'statline', summary: { indicators: ['pv-lonely'], periods: ['2020'], rowsNew: expected.length, rowsReplaced: 0, rowsUnchanged: null } });
    expect(batch.createdAt).toMatch(/T\d{2}:\d{2}/);
    expect(await observationCount()).toBe(obsBefore + expected.length);

    // A second preview of the same file: a duplicate, every row unchanged.
    const again = await (await post(bytes, '?dryRun=true')).json();
    expect(again).toMatchObject({ duplicateOf: result.batchId, summary: { rowsNew: 0, rowsReplaced: 0, rowsUnchanged: expected.length } });
  });

  it('counts new, replaced and unchanged rows of a long file, and the batch records new and replaced', async () => {
    const H = 'indicator,subject,period,value';
    expect((await post(`${H}\npv-prop,${wijk},2023,10\npv-prop,${wijk},2022,20\n`)).status).toBe(201);
    const body = `${H}\npv-prop,${wijk},2023,10\npv-prop,${wijk},2022,25\npv-prop,${wijk},2021,30\n`;
    const preview = await (await post(body, '?dryRun=true&format=long')).json();
    expect(preview).toMatchObject({ dryRun: true, format: 'long', summary: { rowsNew: 1, rowsReplaced: 1, rowsUnchanged: 1, periods: ['2021', '2022', '2023'], areas: [wijk], areaCount: 1 } });
    const res = await post(body);
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out).toEqual({ batchId: expect.any(String), status: 'completed', rowsAccepted: 3, rowsRejected: 0 }); // contract body unchanged
    const batch = await (await app.request(`/api/v1/imports/${out.batchId}`, { role: 'analyst' })).json();
    expect(batch.summary).toMatchObject({ rowsNew: 1, rowsReplaced: 2, rowsUnchanged: null });
  });

  it('a preview with errors answers 422 with line and column and records no batch', async () => {
    const before = await batchCount();
    const res = await post(`indicator,subject,period,value\npv-prop,WK999999,2024,1\n`, '?dryRun=true');
    expect(res.status).toBe(422);
    const out = await res.json();
    expect(out).toMatchObject({ dryRun: true, rowsAccepted: 0, errors: [{ line: 2, column: 'subject', message: expect.stringMatching(/unknown area/) }] });
    expect(await batchCount()).toBe(before);
  });

  it('a StatLine file sent as long format answers one message suggesting StatLine', async () => {
    const res = await post(readFileSync(GEZONDHEID), '?format=long');
    expect(res.status).toBe(422);
    const out = await res.json();
    expect(out.code).toBe('import.format.use-statline');
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ line: 1, column: null, code: 'import.format.use-statline', message: expect.stringContaining('StatLine') });
  });

  it('a real file that matches no format answers one message naming what was expected', async () => {
    const res = await post(readFileSync(LEEFBAAROMETER));
    expect(res.status).toBe(422);
    const out = await res.json();
    expect(out).toMatchObject({ code: 'import.format.unknown', rowsAccepted: 0, errorCount: 1 });
    expect(out.errors).toHaveLength(1);
    expect(out.message).toMatch(/indicator,subject,period/);
    expect(out.message).toMatch(/StatLine/);
  });

  it('the CLI detects the format and previews with --dry-run, writing nothing', async () => {
    const args = parseArgs([GEZONDHEID, '--dry-run', '--url', app.url, '--token', await app.token('analyst'), '--no-progress']);
    if (typeof args === 'string') throw new Error(args);
    expect(args.format).toBe('auto');
    const out: string[] = [];
    const before = await observationCount();
    const code = await runIngest(args, { stdout: (s) => out.push(s), stderr: (s) => out.push(s), isTTY: false });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/preview \(statline\), nothing written — \d+ new, \d+ replaced, \d+ unchanged rows; indicators pv-lonely; periods 2020/);
    expect(await observationCount()).toBe(before);
  });

  it('remembers a column mapping per table: the next year\'s file reads the mapped column in one go', async () => {
    const preview = await (await post(readFileSync(GEZONDHEID_2022), '?dryRun=true')).json();
    expect(preview.ignoredColumns).toContain(SMOKER);
    expect(preview.tableSignature).toMatch(/^cols-/);
    const put = (json: unknown) => app.request(`/api/v1/statline-mappings/${preview.tableSignature}`, { method: 'PUT', role: 'analyst', json });
    // a percentage column into a count indicator is refused, naming the column
    const bad = await put({ columns: { [SMOKER]: 'pv-count' } });
    expect(bad.status).toBe(400);
    const badBody = await bad.json();
    expect(badBody.errors).toEqual([expect.objectContaining({ field: SMOKER, code: 'mapping.measure', message: expect.stringContaining('"Roker (%)" holds percentages') })]);
    expect((await put({ columns: { [SMOKER]: 'nope' } })).status).toBe(400);
    const ok = await put({ title: 'Gezondheid per wijk en buurt', columns: { [SMOKER]: 'pv-smoker' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ signature: preview.tableSignature, columns: { [SMOKER]: 'pv-smoker' }, updatedBy: 'analyst@demo.local' });

    // the 2022 file (same table, another year) now reads Roker (%) into pv-smoker
    const res = await post(readFileSync(GEZONDHEID_2022));
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.ignoredColumns).not.toContain(SMOKER);
    const table = await parseStatline(readFileSync(GEZONDHEID_2022));
    const smokers = totalRows(table).filter((r) => r.cells[SMOKER].value !== null);
    const rows = await (await app.request('/api/v1/observations?indicator=pv-smoker&area=GM0599', { role: 'analyst' })).json();
    expect(rows).toEqual([expect.objectContaining({ period: '2022', value: smokers.find((r) => r.areaCode === 'GM0599')!.cells[SMOKER].value })]);
    // and the 2020 file, imported before the mapping, is not a duplicate now: it has a column more to read
    const again = await post(readFileSync(GEZONDHEID));
    expect(again.status).toBe(201);
    expect((await (await app.request('/api/v1/statline-mappings', { role: 'analyst' })).json())).toHaveLength(1);
    expect((await app.request('/api/v1/statline-mappings', { role: 'manager' })).status).toBe(403);
  });

  it('previews a JSON batch with ?dryRun=true: validated, summarised, nothing written', async () => {
    const obsBefore = await observationCount();
    const batchesBefore = await batchCount();
    const json = { source: 'koppeling', observations: [{ indicator: 'pv-count', subject: wijk, period: '2024-Q2', value: 12 }] };
    const res = await app.request('/api/v1/imports?dryRun=true', { method: 'POST', role: 'analyst', json });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dryRun: true, status: 'valid', format: 'json', rowsAccepted: 1, summary: { indicators: ['pv-count'], rowsNew: 1 } });
    const bad = await app.request('/api/v1/imports?dryRun=true', { method: 'POST', role: 'analyst', json: { observations: [{ indicator: 'nope', subject: wijk, period: '2024-Q2', value: 1 }] } });
    expect(bad.status).toBe(422);
    expect(await observationCount()).toBe(obsBefore);
    expect(await batchCount()).toBe(batchesBefore);
  });

  it('refuses a dryRun that is not true or false', async () => {
    expect((await post('x', '?dryRun=yes')).status).toBe(400);
  });
});
