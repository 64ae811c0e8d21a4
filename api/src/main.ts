import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import cluster, { type Worker } from 'node:cluster';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { DatabaseUnavailableError } from './database/database';

/** A worker tells its primary it serves the port (after migrations and start-up work). */
const READY = 'wijksignaal:ready';

async function main(): Promise<void> {
  const logger = new Logger('Wijksignaal');
  const started = Date.now();
  try {
    const config = loadConfig();
    if (config.workers > 1 && cluster.isPrimary) return supervise(config, logger);
    const running = await createApp(config);
    logger.log(
      `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s at http://localhost:${config.port} ` +
        `(database: ${running.database.kind}${running.database.kind === 'embedded' ? `, data in ${config.dataDir}` : ''}` +
        `${cluster.isWorker ? `, worker ${cluster.worker?.id} of ${config.workers}` : ''})`,
    );
    if (cluster.isWorker) process.send?.(READY);
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

/**
 * `API_WORKERS` > 1 (PostgreSQL): this process serves nothing itself; it starts the workers, which
 * share the port (node:cluster hands each connection to one of them). Everything that must happen
 * once is already claimed through PostgreSQL (imports, detection jobs, alerts, sync, sweeps), as for
 * several instances behind a load balancer. The first worker migrates and does the start-up work
 * before the others start (they find nothing left to do). A worker that dies is replaced after a
 * second; when the first cannot start at all (configuration, database), the whole process stops.
 */
function supervise(config: AppConfig, logger: Logger): void {
  let stopping = false;
  let ready = 0;
  const start = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (m: unknown) => {
      if (m !== READY) return;
      ready++;
      if (ready === 1) for (let i = 1; i < config.workers; i++) start();
      if (ready === config.workers) logger.log(`${config.workers} workers serve http://localhost:${config.port}`);
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (ready === 0) {
      logger.error(`The first worker could not start (exit ${code ?? signal}); stopping`);
      process.exit(1);
    }
    logger.warn(`Worker ${worker.id} (pid ${worker.process.pid}) ended (${signal ?? `exit ${code}`}); starting another`);
    setTimeout(() => start(), 1000).unref();
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  start();
}

void main();
