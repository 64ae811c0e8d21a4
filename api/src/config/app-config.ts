import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { passwordProblem } from '../common/password-policy';
import { loadAuthConfig, type AuthConfig } from './auth-config';
import { loadRobustConfig, type RobustConfig } from './robust-config';
import { loadAlertsConfig, type AlertsConfig } from './alerts-config';
import { loadCbsSyncConfig, type CbsSyncConfig } from './cbs-sync-config';
import { loadWorkConfig, type WorkConfig } from './work-config';

/** The one configuration object, validated once at start-up. */
export interface AppConfig extends RobustConfig {
  port: number;
  /**
   * Processes serving the port (`API_WORKERS`, default 1): above 1 a primary process starts that many
   * workers (node:cluster) that share the port; PostgreSQL only (the embedded database has one owner).
   */
  workers: number;
  /** Set → PostgreSQL; unset → embedded PGlite under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  adminEmail: string | null;
  adminPassword: string | null;
  /** Demo accounts and demo data: only in embedded mode, unless DEMO=false. */
  demo: boolean;
  /** In demo mode: load the demo data set on first start (DEMO_DATA=false skips it, e.g. in tests). */
  demoData: boolean;
  /** Largest request body accepted (bytes); above it the API answers 413. */
  bodyLimitBytes: number;
  /** How long one request may take to arrive in full (slow uploads of large files); Node's default is 300 s. */
  uploadTimeoutSeconds: number;
  webDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Answers kept in memory per process, keyed by caller, URL and data version (0 = no read cache). */
  readCacheEntries: number;
  /** Sign-in, sessions, single sign-on (issue 12). */
  auth: AuthConfig;
  /** Mail, webhooks and the alert scheduler (issue 13). */
  alerts: AlertsConfig;
  /** CBS open-data sync (issue 16). */
  cbsSync: CbsSyncConfig;
  /** Running work: heartbeat and sweep of interrupted imports and detection runs (issue 9). */
  work: WorkConfig;
}

import { ConfigError } from './config-error';
import { wholeNumber } from './env';

export { ConfigError };

const SIZE = /^(\d+)\s*(b|kb|mb|gb)?$/i;
function parseSize(raw: string, name: string): number {
  const m = SIZE.exec(raw.trim());
  if (!m) throw new ConfigError(`${name} must be a size like 200mb, got "${raw}"`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit === 'gb' ? 1024 ** 3 : unit === 'mb' ? 1024 ** 2 : unit === 'kb' ? 1024 : 1;
  return Number(m[1]) * factor;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0–65535, got "${raw}"`);
  return port;
}

/** Demo mode keeps a generated JWT secret in DATA_DIR so sessions survive a restart. */
function demoSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const dataDir = resolve(cwd, env.DATA_DIR?.trim() || 'data');
  const embedded = databaseUrl === null;
  let jwtSecret = env.JWT_SECRET?.trim() ?? '';
  if (!jwtSecret) {
    if (!embedded) throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set');
    jwtSecret = demoSecret(dataDir);
  } else if (jwtSecret.length < 16) {
    throw new ConfigError('JWT_SECRET must be at least 16 characters');
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD ?? null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither');
  }
  if (adminPassword !== null) {
    const weak = passwordProblem(adminPassword, adminEmail ?? '');
    if (weak) throw new ConfigError(`ADMIN_PASSWORD ${weak}`);
  }
  let auth: AuthConfig;
  try {
    auth = loadAuthConfig(env);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const demoFlag = env.DEMO?.trim().toLowerCase();
  if (demoFlag !== undefined && !['true', 'false', '1', '0', ''].includes(demoFlag)) {
    throw new ConfigError(`DEMO must be true or false, got "${env.DEMO}"`);
  }
  const demo = embedded && demoFlag !== 'false' && demoFlag !== '0';
  const ttl = wholeNumber(env.JWT_TTL_SECONDS, 'JWT_TTL_SECONDS', 900, 60);
  const uploadTimeout = wholeNumber(env.UPLOAD_TIMEOUT_SECONDS, 'UPLOAD_TIMEOUT_SECONDS', 3600, 10);
  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) throw new ConfigError('LOG_LEVEL must be error, warn, log or debug');
  const readCacheEntries = wholeNumber(env.READ_CACHE_ENTRIES, 'READ_CACHE_ENTRIES', 1000, 0);
  const workers = wholeNumber(env.API_WORKERS, 'API_WORKERS', 1, 1);
  if (workers > 1 && embedded) throw new ConfigError('API_WORKERS above 1 needs DATABASE_URL: the embedded database belongs to one process');
  return {
    ...loadRobustConfig(env),
    port: parsePort(env.PORT),
    workers,
    databaseUrl,
    dataDir,
    jwtSecret,
    jwtTtlSeconds: ttl,
    adminEmail,
    adminPassword,
    demo,
    demoData: demo && !['false', '0'].includes(env.DEMO_DATA?.trim().toLowerCase() ?? ''),
    bodyLimitBytes: parseSize(env.BODY_LIMIT ?? '256mb', 'BODY_LIMIT'),
    uploadTimeoutSeconds: uploadTimeout,
    webDir: resolve(cwd, env.WEB_DIR?.trim() || join(__dirname, '../../../../web/browser')),
    logLevel,
    readCacheEntries,
    auth,
    alerts: loadAlertsConfig(env),
    cbsSync: loadCbsSyncConfig(env),
    work: loadWorkConfig(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
