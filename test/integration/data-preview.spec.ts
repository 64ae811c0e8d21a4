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
const EXPERIENCED = 'Ervaren gezondheid (goed/zeer goed) (%)';
/** Not a column of the file: a mapping is saved by table signature, and the unit of a rate needs a rate column. */
const CRIMES = 'Misdrijven (per 1 000 inwoners)';
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

  it('turns an ignored column into a new indicator with the unit of its rate and its minimum count, checked against the policy\'s range', async () => {
    const preview = await (await post(readFileSync(GEZONDHEID), '?dryRun=true')).json();
    expect(preview.ignoredColumns).toContain(EXPERIENCED);
    const put = (json: unknown) => app.request(`/api/v1/statline-mappings/${preview.tableSignature}`, { method: 'PUT', role: 'analyst', json });
    const def = (over: Record<string, unknown>) => ({ code: 'pv-new', name: { nl: 'Ervaren gezondheid', en: 'Perceived health' }, quadrant: 'I', measure: 'proportion', polarity: 'higher-is-better', ...over });
    const indicatorCount = async () => ((await (await app.request('/api/v1/indicators', { role: 'analyst' })).json()) as unknown[]).length;
    const before = await indicatorCount();

    // below the disclosure floor (5), above the range, not whole; a rate without its unit — each named by column and field
    const bad = await put({
      columns: {},
      newIndicators: { [EXPERIENCED]: def({ minCount: 2 }), [CRIMES]: def({ code: 'pv-crimes', measure: 'rate', minCount: 10 }), [SMOKER]: def({ code: 'pv-smoke2', minCount: 'vijf' }) },
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.code).toBe('mapping.invalid');
    expect(body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: EXPERIENCED, code: 'indicator.minCount.range', params: expect.objectContaining({ column: EXPERIENCED, field: 'minCount', min: 5, max: 1000 }) }),
      expect.objectContaining({ field: CRIMES, code: 'indicator.per.invalid', params: expect.objectContaining({ column: CRIMES, field: 'per' }) }),
      expect.objectContaining({ field: SMOKER, code: 'indicator.minCount.whole', params: expect.objectContaining({ column: SMOKER, field: 'minCount' }) }),
    ]));
    expect((await put({ columns: {}, newIndicators: { [EXPERIENCED]: def({ minCount: 1001 }) } })).status).toBe(400);
    // a count into a percentage column, and a code that exists: refused too; nothing was created by any refusal
    const mismatch = await (await put({ columns: {}, newIndicators: { [EXPERIENCED]: def({ measure: 'count' }) } })).json();
    expect(mismatch.errors).toEqual([expect.objectContaining({ field: EXPERIENCED, code: 'mapping.measure' })]);
    const taken = await (await put({ columns: {}, newIndicators: { [EXPERIENCED]: def({ code: 'pv-count' }) } })).json();
    expect(taken.errors).toEqual([expect.objectContaining({ field: EXPERIENCED, code: 'mapping.codeTaken', params: { column: EXPERIENCED, code: 'pv-count' } })]);
    expect(await indicatorCount()).toBe(before);

    // created with the mapping: stored with its minimum and unit, and read from the next file at once
    const ok = await put({ columns: { [SMOKER]: 'pv-smoker' }, newIndicators: { [EXPERIENCED]: def({ minCount: 10 }), [CRIMES]: def({ code: 'pv-crimes', measure: 'rate', per: 10000 }) } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).columns).toEqual({ [SMOKER]: 'pv-smoker', [EXPERIENCED]: 'pv-new', [CRIMES]: 'pv-crimes' });
    const catalogue: { code: string; minCount: number; per: number | null; subjectKind: string; measure: string }[] = await (await app.request('/api/v1/indicators', { role: 'analyst' })).json();
    expect(catalogue.find((i) => i.code === 'pv-new')).toMatchObject({ minCount: 10, per: null, subjectKind: 'area', measure: 'proportion' });
    expect(catalogue.find((i) => i.code === 'pv-crimes')).toMatchObject({ minCount: 5, per: 10000, measure: 'rate' });
    const again = await (await post(readFileSync(GEZONDHEID), '?dryRun=true')).json();
    expect(again.summary.indicators).toEqual(expect.arrayContaining(['pv-new', 'pv-smoker']));
    expect(again.ignoredColumns).not.toContain(EXPERIENCED);
  });

  it('takes the period of a long file without a period column from the form, and its source as provenance', async () => {
    const csv = `indicator,subject,value\npv-count,${wijk},7\n`;
    // without a period the file cannot be read; the reason for the assumed format comes as a key with details
    const res = await post(csv, '?period=2019&source=GGD-monitor%202019');
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.formatDetection).toMatchObject({ format: 'long', sure: false, code: 'import.format.long-assumed', params: { columns: 'indicator, subject, value' } });
    const batch = await (await app.request(`/api/v1/imports/${out.batchId}`, { role: 'analyst' })).json();
    expect(batch).toMatchObject({ source: 'GGD-monitor 2019', format: 'long', status: 'completed' });
    const rows = await (await app.request(`/api/v1/observations?indicator=pv-count&area=${wijk}`, { role: 'analyst' })).json();
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ period: '2019', value: 7 })]));
    // the same file with another period is another batch, not a duplicate
    expect((await post(csv, '?period=2018')).status).toBe(201);
    expect((await post(csv, '?period=2018')).status).toBe(200);
    // without it: the long reader names the missing column
    const missing = await (await post(csv)).json();
    expect(missing.errors).toEqual([expect.objectContaining({ code: 'import.missingColumn', params: { column: 'period' } })]);
  });

  it('refuses a period that disagrees with the file\'s own, a period it cannot read and a source that is too long — writing nothing', async () => {
    const obsBefore = await observationCount();
    const long = await post(`indicator,subject,period,value\npv-count,${wijk},2021,3\npv-count,${wijk},2022,4\n`, '?period=2022');
    expect(long.status).toBe(422);
    const longBody = await long.json();
    expect(longBody.errorCount).toBe(1); // one message, not one per row
    expect(longBody.errors).toEqual([expect.objectContaining({ line: 2, column: 'period', code: 'import.periodConflict', params: { value: '2021', period: '2022' } })]);
    // a StatLine file's own periods (2020) win over nothing: a different period is refused, the same one is fine
    const statline = await post(readFileSync(GEZONDHEID), '?period=2019&dryRun=true');
    expect(statline.status).toBe(422);
    expect((await statline.json()).errors).toEqual([expect.objectContaining({ code: 'import.periodConflict', params: { value: '2020', period: '2019' } })]);
    expect((await post(readFileSync(GEZONDHEID), '?period=2020&dryRun=true')).status).toBe(200);
    const badPeriod = await post(`indicator,subject,period,value\npv-count,${wijk},2021,3\n`, '?period=twintig');
    expect(badPeriod.status).toBe(400);
    expect(await badPeriod.json()).toMatchObject({ code: 'import.badPeriod', params: { value: 'twintig' }, errors: [expect.objectContaining({ field: 'period' })] });
    expect((await post(readFileSync(GEZONDHEID), '?format=statline&period=2020-13')).status).toBe(400);
    const tooLong = await post(`indicator,subject,period,value\npv-count,${wijk},2021,3\n`, `?source=${'x'.repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ code: 'import.sourceTooLong', params: { max: 200 } });
    expect(await observationCount()).toBe(obsBefore);
  });
});
