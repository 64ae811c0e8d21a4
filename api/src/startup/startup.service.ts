import { Inject, Injectable, Logger } from '@nestjs/common';
import { loadAreaRegister } from '../seed/areas';
import { loadBoundaries } from '../seed/boundaries';
import { AreasRepository } from '../areas/areas.repository';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEMO_ACCOUNTS, UsersService } from '../users/users.service';
import { seedDataDir } from './seed-paths';
import { DataSource } from 'typeorm';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { buildDemoData } from '../seed/demo';
import { ImportsRepository } from '../imports/imports.repository';
import { ImportsService } from '../imports/imports.service';
import { counted } from '../common/request-body';
import { readNamedCsv } from '../parsing/small-csv';
import { IndicatorsService } from '../indicators/indicators.service';
import { UnitsService } from '../units/units.service';
import { AnnotationsService } from '../annotations/annotations.service';
import { DetectionService } from '../signals/detection.service';

/** Actor of the demo loader's batches (also the "loaded before" marker). */
export const DEMO_ACTOR = 'system:demo-data';

/**
 * What a fresh database gets at start-up, idempotently: the national area register with
 * boundaries (every database), the first admin or the demo accounts.
 */
@Injectable()
export class StartupService {
  private readonly logger = new Logger('Startup');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly areas: AreasRepository,
    private readonly users: UsersService,
    private readonly db: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly units: UnitsService,
    private readonly imports: ImportsService,
    private readonly importBatches: ImportsRepository,
    private readonly annotations: AnnotationsService,
    private readonly detection: DetectionService,
  ) {}

  async run(): Promise<void> {
    await this.ensureAreaRegister();
    if (this.config.demo) {
      await this.users.seedDemoAccounts();
      this.logger.log(
        `Demo mode: sign in with ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')} (password "demo"). Set DATABASE_URL for a real installation.`,
      );
      if (this.config.demoData) await this.loadDemoData();
    }
    if (this.config.adminEmail && this.config.adminPassword) {
      await this.users.ensureAdmin(this.config.adminEmail, this.config.adminPassword);
    } else if (!this.config.demo && (await this.users.count()) === 0) {
      this.logger.warn('No users yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin');
    }
  }

  private async ensureAreaRegister(): Promise<void> {
    if ((await this.areas.count()) > 0) return;
    const started = Date.now();
    const dir = seedDataDir();
    const register = loadAreaRegister(dir);
    const municipalityOf = new Map<string, string | null>();
    const rows = register.map((a) => {
      const municipality = a.level === 'municipality' ? a.code : a.level === 'country' ? null : (municipalityOf.get(a.parent ?? '') ?? null);
      municipalityOf.set(a.code, municipality);
      return { ...a, municipality };
    });
    const boundaries = loadBoundaries(dir);
    await this.db.transaction(async (m) => {
      await this.areas.upsert(rows, m);
      const withBoundary = await this.areas.setBoundaries(boundaries, m);
      this.logger.log(`Loaded the CBS area register 2024: ${rows.length} areas, ${withBoundary} with boundaries (${Date.now() - started} ms)`);
    });
  }

  /**
   * The demo data set, once, THROUGH the import path (the same validation, all-or-nothing write,
   * provenance and events as an analyst's upload): catalogue, units, long CSV batches, StatLine files.
   */
  private async loadDemoData(): Promise<void> {
    if ((await this.importBatches.countCompletedBy(DEMO_ACTOR)) > 0) return;
    const started = Date.now();
    const demo = buildDemoData(seedDataDir());
    await this.indicators.upsert(demo.indicators, DEMO_ACTOR);
    const units = await this.units.upsert(readNamedCsv(Buffer.from(demo.units, 'utf8'), ['code', 'name', 'kind', 'area']), DEMO_ACTOR);
    this.logger.log(`Demo data: ${demo.indicators.length} indicators, ${units.upserted} units`);
    for (const b of demo.batches) {
      const t = Date.now();
      const bytes = Buffer.from(b.csv, 'utf8');
      const chunks = function* (): Generator<Uint8Array> {
        for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
      };
      const out = await this.imports.importLong(counted(toAsync(chunks()), Number.MAX_SAFE_INTEGER, b.fileName), { actor: DEMO_ACTOR, source: b.source });
      this.logger.log(`Demo data: ${b.fileName}: ${out.result.rowsAccepted} rows (${Date.now() - t} ms)`);
    }
    for (const f of demo.statline) {
      const t = Date.now();
      const stream = createReadStream(f.path) as AsyncIterable<Uint8Array>;
      const out = await this.imports.importStatline(counted(stream, Number.MAX_SAFE_INTEGER, basename(f.path)), { actor: DEMO_ACTOR, source: f.source, period: f.period });
      this.logger.log(`Demo data: ${basename(f.path)} (${f.period}): ${out.result.rowsAccepted} rows (${Date.now() - t} ms)`);
    }
    for (const a of demo.annotations) await this.annotations.create({ date: a.date, indicators: a.indicators, text: a.text }, DEMO_ACTOR);
    // The demo is complete when the server says it is ready: its signals are there from the first page.
    const run = await this.detection.run('demo-data', { wait: true, actor: DEMO_ACTOR });
    this.logger.log(
      `Demo data loaded in ${Date.now() - started} ms (${demo.annotations.length} annotations, ${run.created} signals)`,
    );
  }
}

async function* toAsync<T>(it: Iterable<T>): AsyncGenerator<T> {
  for (const x of it) yield x;
}
