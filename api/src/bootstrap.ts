import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi/document';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { openDatabase, runMigrations, type DatabaseHandle } from './database/database';
import { StartupService } from './startup/startup.service';
import { setArgon2Concurrency } from './users/passwords';
import { installHardening } from './hardening/http-hardening';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

export interface RunningApp {
  app: NestExpressApplication;
  database: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

/** Builds the whole product: database, migrations, start-up seeding, API and the web app on one port. */
export async function createApp(config: AppConfig, options: { listen?: boolean } = {}): Promise<RunningApp> {
  const logger = new Logger('Wijksignaal');
  Logger.overrideLogger(LEVELS[config.logLevel]);
  setArgon2Concurrency(config.auth.argon2Concurrency);
  const database = await openDatabase(config);
  const migrated = await runMigrations(database.dataSource);
  if (migrated.length) logger.log(`Applied migrations: ${migrated.join(', ')}`);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bodyParser: false,
    logger: LEVELS[config.logLevel],
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  // Headers, input checks and small JSON bodies (bulk imports: read after authentication); CSV is streamed by its controller.
  installHardening(app, config);
  app.set('query parser', 'extended');
  serveWebApp(app, config.webDir, logger);

  const openApi = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs/openapi.json' });

  // A large file over a slow line may take longer than Node's 300 s for the whole request;
  // the headers still have to arrive within Node's headersTimeout (60 s).
  app.getHttpServer().requestTimeout = config.uploadTimeoutSeconds * 1000;
  await app.init();
  await app.get(StartupService).run();
  if (options.listen !== false) await app.listen(config.port, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    database,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The built Angular app at "/", deep links falling back to index.html; /api stays JSON. */
function serveWebApp(app: NestExpressApplication, webDir: string, logger: Logger): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`No built web app at ${webDir}; run "npm run build" (the API still works)`);
    return;
  }
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.sendFile(index);
  });
}
