import { Inject, Injectable, Logger } from '@nestjs/common';
import { loadAreaRegister } from '../../../seed/areas';
import { loadBoundaries } from '../../../seed/boundaries';
import { AreasRepository } from '../areas/areas.repository';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEMO_ACCOUNTS, UsersService } from '../users/users.service';
import { seedDataDir } from './seed-paths';
import { DataSource } from 'typeorm';

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
  ) {}

  async run(): Promise<void> {
    await this.ensureAreaRegister();
    if (this.config.demo) {
      await this.users.seedDemoAccounts();
      this.logger.log(
        `Demo mode: sign in with ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')} (password "demo"). Set DATABASE_URL for a real installation.`,
      );
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
}
