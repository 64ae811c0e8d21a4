import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { CbsSchedule, CbsSource, CbsSyncResult, ImportResult } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError, InvalidInputError, NotFoundError, ConflictError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { ImportsService } from '../imports/imports.service';
import { ErrorList, isPeriodError, parsePeriod, type LongRow } from '../parsing';
import { checkDto } from '../common/validation';
import { CbsSourcesRepository } from './cbs-sources.repository';
import { CbsSourceDto } from './cbs-sync.dto';
import { firstPageUrl, measureUnits, ODataShapeError, readODataPage, recordKeys, unitMismatch, type ODataCell } from './odata';

/** A problem with the CBS service or its answer: the run is marked failed with this reason, nothing is written. */
export class SyncFetchError extends Error {
  constructor(
    message: string,
    /** Stable message key the web app translates (`cbs.sync.*`). */
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** StatLine codes the whole country NL01 where the register has NL00. */
const COUNTRY_ALIASES: Record<string, string> = { NL01: 'NL00' };
const COLUMN_KEY = /^[A-Za-z0-9][A-Za-z0-9_]{0,79}$/;

/**
 * CBS open-data sync (issue 16): an analyst registers a StatLine table with a column mapping; the
 * server fetches it through the CBS OData API and imports it through the one write path (its own
 * batch, provenance "CBS <table id>", checksum over the answer), on demand and on a schedule. An
 * unchanged table is a duplicate, not a new batch; a service that times out or answers garbage marks
 * the run failed with the reason, writes nothing and is tried again at the next scheduled run.
 */
@Injectable()
export class CbsSyncService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CbsSync');
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly sources: CbsSourcesRepository,
    private readonly imports: ImportsService,
    private readonly indicators: IndicatorsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const ms = this.config.cbsSync.tickMs;
    if (ms > 0) {
      this.timer = setInterval(() => void this.tick(), ms);
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }

  list(): Promise<CbsSource[]> {
    return this.sources.list();
  }

  async create(body: unknown, actor: string): Promise<CbsSource> {
    const v = await this.validate(body, true);
    if (await this.sources.byTable(v.tableId)) {
      throw new ConflictError(`table ${v.tableId} is already registered`, [{ field: 'tableId', message: 'already registered', code: 'cbs.table.exists', params: { tableId: v.tableId } }], { code: 'cbs.table.exists', params: { tableId: v.tableId } });
    }
    const s = await this.sources.insert({ id: randomUUID(), createdBy: actor, ...v });
    await this.audit.record({ actor, action: 'cbs-source.create', target: s.id, details: { tableId: s.tableId, columns: s.columns, schedule: s.schedule } });
    return s;
  }

  async update(id: string, body: unknown, actor: string): Promise<CbsSource> {
    const before = await this.get(id);
    const patch = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
    const { name, columns, period, schedule } = before;
    const v = await this.validate({ name, columns, period, schedule, ...patch, tableId: before.tableId }, false);
    const s = await this.sources.update(id, v);
    if (!s) throw new NotFoundError(`No CBS source ${id}`);
    await this.audit.record({ actor, action: 'cbs-source.update', target: id, details: { before: { columns: before.columns, schedule: before.schedule, period: before.period }, after: { columns: s.columns, schedule: s.schedule, period: s.period } } });
    return s;
  }

  async remove(id: string, actor: string): Promise<void> {
    const before = await this.get(id);
    if (!(await this.sources.remove(id))) throw new NotFoundError(`No CBS source ${id}`);
    await this.audit.record({ actor, action: 'cbs-source.delete', target: id, details: { tableId: before.tableId } });
  }

  async get(id: string): Promise<CbsSource> {
    const s = /^[0-9a-f-]{36}$/i.test(id) ? await this.sources.get(id) : null;
    if (!s) throw new NotFoundError(`No CBS source ${id}`, undefined, { code: 'cbs.source.not-found' });
    return s;
  }

  /** `POST /cbs-sources/:id/sync`: runs now and answers the outcome (a failure is an outcome, not an error). */
  async syncNow(id: string, actor: string): Promise<CbsSyncResult> {
    return this.run(await this.get(id), actor);
  }

  /** One scheduler pass: syncs every due source (claimed, so several instances share the work). */
  tick(): Promise<void> {
    if (this.ticking) return this.ticking;
    this.ticking = (async () => {
      try {
        for (let s = await this.sources.claimDue(); s; s = await this.sources.claimDue()) await this.run(s, 'cbs-sync');
      } catch (e) {
        this.logger.warn(`CBS sync pass failed: ${(e as Error).message}`);
      } finally {
        this.ticking = null;
      }
    })();
    return this.ticking;
  }

  private async run(src: CbsSource, actor: string): Promise<CbsSyncResult> {
    let result: CbsSyncResult;
    try {
      result = await this.fetchAndImport(src, actor);
    } catch (e) {
      result = failure(e);
      this.logger.warn(`CBS ${src.tableId}: sync failed — ${result.error}`);
    }
    await this.sources.finish(src.id, result);
    await this.audit.record({ actor, action: `cbs-source.sync.${result.status}`, target: src.id, details: { tableId: src.tableId, batchId: result.batchId, error: result.error } });
    return result;
  }

  private async fetchAndImport(src: CbsSource, actor: string): Promise<CbsSyncResult> {
    const keys = new Set(Object.keys(src.columns));
    const catalogue = new Map((await this.indicators.list()).map((i) => [i.code, i]));
    for (const [key, code] of Object.entries(src.columns)) {
      if (!catalogue.has(code)) throw new SyncFetchError(`column ${key} is mapped to indicator ${code}, which is no longer in the catalogue`, 'cbs.sync.indicator-gone', { column: key, indicator: code });
    }
    const base = this.config.cbsSync.odataUrl;
    // v4 describes each measure's unit: a count mapped into a proportion is refused, naming the column.
    if (!/odataapi/i.test(base)) {
      const units = await this.fetchJson(`${base}/${encodeURIComponent(src.tableId)}/MeasureCodes`, true).then((b) => (b === null ? null : measureUnits(b.json)));
      if (units) {
        for (const [key, code] of Object.entries(src.columns)) {
          const u = units.get(key);
          if (!u) throw new SyncFetchError(`column ${key} is not a measure of table ${src.tableId}`, 'cbs.sync.column-missing', { column: key, table: src.tableId });
          const why = unitMismatch(key, u.unit, catalogue.get(code)!.measure);
          if (why) throw new SyncFetchError(why, 'cbs.sync.unit', { column: key, unit: u.unit, indicator: code });
        }
      }
    }
    const hash = createHash('sha256');
    const cells: ODataCell[] = [];
    let url: string | null = firstPageUrl(base, src.tableId, [...keys]);
    let records = 0;
    let pages = 0;
    while (url) {
      if (++pages > this.config.cbsSync.maxPages) throw new SyncFetchError(`the table has more than ${this.config.cbsSync.maxPages} pages (CBS_ODATA_MAX_PAGES)`, 'cbs.sync.too-many-pages', { max: this.config.cbsSync.maxPages });
      const page = await this.fetchJson(url, false);
      hash.update(page.text);
      if (pages === 1) {
        const present = recordKeys(page.json);
        const missing = present.length ? [...keys].filter((k) => !present.includes(k)) : [];
        if (missing.length) throw new SyncFetchError(`column ${missing[0]} is not in table ${src.tableId} (columns: ${present.slice(0, 12).join(', ')}${present.length > 12 ? ' …' : ''})`, 'cbs.sync.column-missing', { column: missing[0], table: src.tableId });
      }
      const p = readODataPage(page.json, records, keys);
      records += p.records;
      for (const c of p.cells) cells.push(c);
      url = p.next ? this.sameOrigin(p.next, base) : null;
    }
    const areas = await this.imports.areaCodes();
    const errors = new ErrorList();
    const rows: LongRow[] = [];
    const fallback = src.period ? parsePeriod(src.period) : null;
    for (const c of cells) {
      if (c.value === null) continue; // not published
      if (typeof c.value === 'object') {
        errors.add(c.record, c.key, `${JSON.stringify(c.value.text.slice(0, 40))} is not a number`);
        continue;
      }
      const raw = c.area ?? '';
      const subject = COUNTRY_ALIASES[raw] ?? raw;
      if (!subject) {
        errors.add(c.record, c.key, 'the record has no region code (WijkenEnBuurten / RegioS)');
        continue;
      }
      if (!areas.has(subject)) {
        errors.add(c.record, c.key, `unknown area code ${JSON.stringify(raw)}: not in the area register`);
        continue;
      }
      const period = c.period ? parsePeriod(c.period) : fallback;
      if (!period) {
        errors.add(c.record, c.key, 'the table has no Perioden dimension: give the source a period (e.g. 2024)');
        break;
      }
      if (isPeriodError(period)) {
        errors.add(c.record, 'Perioden', period.error);
        continue;
      }
      rows.push({
        line: c.record, indicator: src.columns[c.key], subject, period, value: c.value, numerator: null, denominator: null, n: null,
        status: period.provisional ? 'provisional' : 'final',
      });
    }
    if (errors.total === 0 && rows.length === 0) errors.add(1, null, `table ${src.tableId} has no figures for the mapped columns (${[...keys].join(', ')})`);
    const mapping = Object.entries(src.columns).sort();
    const outcome = await this.imports.importRows({
      actor,
      source: `CBS ${src.tableId}`,
      target: `odata:${src.tableId};map=${createHash('sha256').update(JSON.stringify(mapping)).digest('hex').slice(0, 12)}${src.period ? `;period=${src.period}` : ''}`,
      checksum: hash.digest('hex'),
      rows,
      errors,
    });
    const r = outcome.result as ImportResult;
    const duplicate = Boolean(r.duplicateOf);
    this.logger.log(`CBS ${src.tableId}: ${duplicate ? 'unchanged (duplicate of an earlier batch)' : `${r.rowsAccepted} figures imported`} from ${records} records in ${pages} page(s)`);
    return { status: duplicate ? 'duplicate' : 'completed', batchId: r.batchId, rowsAccepted: r.rowsAccepted, error: null, errorCode: null, errorParams: null };
  }

  /** A next link may only lead to the configured service (no redirect of the server elsewhere). */
  private sameOrigin(next: string, base: string): string {
    let u: URL;
    try {
      u = new URL(next, base);
    } catch {
      throw new SyncFetchError(`the answer's next link is not a URL: ${JSON.stringify(next.slice(0, 80))}`, 'cbs.sync.next-link');
    }
    if (u.origin !== new URL(base).origin) throw new SyncFetchError(`the answer's next link leaves ${new URL(base).origin}: refused`, 'cbs.sync.next-link');
    return u.toString();
  }

  private async fetchJson(url: string, optional: true): Promise<{ json: unknown; text: string } | null>;
  private async fetchJson(url: string, optional: false): Promise<{ json: unknown; text: string }>;
  private async fetchJson(url: string, optional: boolean): Promise<{ json: unknown; text: string } | null> {
    const { timeoutMs, maxPageBytes } = this.config.cbsSync;
    let res: Response;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      res = await fetch(url, { headers: { accept: 'application/json' }, signal, redirect: 'error' });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new SyncFetchError(`CBS did not answer within ${timeoutMs} ms (${url})`, 'cbs.sync.timeout', { ms: timeoutMs });
      throw new SyncFetchError(`CBS could not be reached: ${(err.cause as Error | undefined)?.message ?? err.message}`, 'cbs.sync.unreachable');
    }
    if (optional && (res.status === 404 || res.status === 400)) {
      await res.body?.cancel();
      return null;
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new SyncFetchError(`CBS answered HTTP ${res.status} for ${url}`, 'cbs.sync.http', { status: res.status });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxPageBytes) throw new SyncFetchError(`the answer is larger than ${maxPageBytes} bytes (CBS_ODATA_MAX_PAGE_BYTES)`, 'cbs.sync.too-large', { max: maxPageBytes });
        chunks.push(Buffer.from(chunk));
      }
    } catch (e) {
      if (e instanceof SyncFetchError) throw e;
      const err = e as Error;
      throw err.name === 'TimeoutError' || err.name === 'AbortError'
        ? new SyncFetchError(`CBS did not answer within ${timeoutMs} ms (${url})`, 'cbs.sync.timeout', { ms: timeoutMs })
        : new SyncFetchError(`the answer broke off: ${err.message}`, 'cbs.sync.broken');
    }
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      return { json: JSON.parse(text) as unknown, text };
    } catch {
      throw new SyncFetchError(`the answer is not JSON (starts with ${JSON.stringify(text.slice(0, 40))})`, 'cbs.sync.not-json');
    }
  }

  /** `CbsSourceDto`'s rules, then the column keys and their indicators against the catalogue; every error in one 400. */
  private async validate(raw: unknown, creating: boolean): Promise<{ tableId: string; name: string | null; columns: Record<string, string>; period: string | null; schedule: CbsSchedule }> {
    const { value: body, errors } = await checkDto(CbsSourceDto, raw);
    if (!creating) {
      const at = errors.findIndex((e) => e.field === 'tableId');
      if (at >= 0) errors.splice(at, 1);
    }
    const tableId = typeof body.tableId === 'string' ? body.tableId.trim().toUpperCase() : '';
    const name = typeof body.name === 'string' ? body.name.trim().slice(0, 200) || null : null;
    const schedule = body.schedule ?? 'manual';
    const parsed = typeof body.period === 'string' && body.period.trim() !== '' ? parsePeriod(body.period.trim()) : null;
    const period = parsed && !isPeriodError(parsed) ? parsed.label : null;
    const columns: Record<string, string> = {};
    if (!errors.some((e) => e.field === 'columns')) {
      const catalogue = new Map((await this.indicators.list()).map((i) => [i.code, i]));
      for (const [key, code] of Object.entries(body.columns as Record<string, unknown>)) {
        if (!COLUMN_KEY.test(key)) errors.push({ field: `columns.${key.slice(0, 40)}`, message: 'is not an OData column or measure code', code: 'cbs.column.invalid' });
        else if (typeof code !== 'string' || !catalogue.has(code)) errors.push({ field: `columns.${key}`, message: `unknown indicator ${JSON.stringify(code)}`, code: 'cbs.column.indicator', params: { column: key } });
        else if (catalogue.get(code)!.subjectKind !== 'area') errors.push({ field: `columns.${key}`, message: `indicator ${code} is about units (schools), not areas`, code: 'cbs.column.subject-kind', params: { column: key } });
        else columns[key] = code;
      }
    }
    if (errors.length) throw new InvalidInputError(`invalid CBS source: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors, { code: 'validation.failed' });
    return { tableId, name, columns, period, schedule };
  }
}

/** A failed run's outcome: the reason in English for logs and API clients, a message key and parameters for the web app. */
function failure(e: unknown): CbsSyncResult {
  const base = { status: 'failed' as const, rowsAccepted: 0 };
  if (e instanceof SyncFetchError) return { ...base, batchId: null, error: e.message, errorCode: e.code, errorParams: e.params };
  if (e instanceof ODataShapeError) return { ...base, batchId: null, error: e.message, errorCode: 'cbs.sync.not-odata', errorParams: {} };
  if (e instanceof DomainError) {
    // The write path refused the rows (a failed batch records them line by line).
    const first = Array.isArray(e.errors) && e.errors.length ? describe(e.errors[0]) : '';
    const count = typeof e.extra?.errorCount === 'number' ? e.extra.errorCount : Array.isArray(e.errors) ? e.errors.length : 1;
    return {
      ...base, batchId: typeof e.extra?.batchId === 'string' ? e.extra.batchId : null, error: `${e.message}${first ? `: ${first}` : ''}`,
      errorCode: 'cbs.sync.rows', errorParams: { count, first },
    };
  }
  return { ...base, batchId: null, error: `unexpected error: ${(e as Error).message}`, errorCode: 'cbs.sync.unexpected', errorParams: {} };
}

function describe(issue: unknown): string {
  const i = issue as { line?: number; column?: string | null; message?: string; field?: string };
  if (i.line !== undefined) return `record ${i.line}${i.column ? `, column ${i.column}` : ''}: ${i.message}`;
  return `${i.field ?? ''} ${i.message ?? ''}`.trim();
}
