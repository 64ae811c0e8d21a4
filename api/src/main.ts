import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import { DatabaseUnavailableError } from './database/database';

async function main(): Promise<void> {
  const logger = new Logger('Wijksignaal');
  const started = Date.now();
  try {
    const config = loadConfig();
    const running = await createApp(config);
    logger.log(
      `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s at http://localhost:${config.port} ` +
        `(database: ${running.database.kind}${running.database.kind === 'embedded' ? `, data in ${config.dataDir}` : ''})`,
    );
    const stop = async (signal: string) => {
      logger.log(`${signal}: shutting down`);
      await running.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (err) {
    // Configuration and database problems are the operator's to fix: say so plainly, no stack trace.
    if (err instanceof ConfigError || err instanceof DatabaseUnavailableError) {
      logger.error(`Cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

void main();
