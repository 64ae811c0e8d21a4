import { ConfigError } from './config-error';
import { wholeNumber, yesNo } from './env';

/** Settings of the hardening layer (body limits, pool, headers); part of AppConfig. */
export interface RobustConfig {
  /** Largest JSON body on every route except the import routes (bytes); above it 413. */
  jsonLimitBytes: number;
  /** Connections in the database pool (DB_POOL_SIZE). */
  dbPoolSize: number;
  /** How long a request waits for a free connection before it gets 503 (DB_POOL_WAIT_MS). */
  dbPoolWaitMs: number;
  /** Behind a TLS-terminating proxy (TRUST_PROXY): trust X-Forwarded-*, send HSTS. */
  trustProxy: boolean;
  /** /api/docs without signing in (PUBLIC_API_DOCS=true); otherwise it needs a bearer token. */
  publicApiDocs: boolean;
  /** Deepest JSON nesting accepted (arrays and objects). */
  jsonMaxDepth: number;
  /** Start-up connection attempts (2 s apart) while PostgreSQL is unreachable (DB_CONNECT_ATTEMPTS). */
  dbConnectAttempts: number;
}

const SIZE = /^(\d+)\s*(b|kb|mb|gb)?$/i;
export function parseSize(raw: string, name: string): number {
  const m = SIZE.exec(raw.trim());
  if (!m) throw new ConfigError(`${name} must be a size like 1mb, got "${raw}"`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit === 'gb' ? 1024 ** 3 : unit === 'mb' ? 1024 ** 2 : unit === 'kb' ? 1024 : 1;
  return Number(m[1]) * factor;
}

export function loadRobustConfig(env: NodeJS.ProcessEnv): RobustConfig {
  return {
    jsonLimitBytes: parseSize(env.JSON_LIMIT ?? '1mb', 'JSON_LIMIT'),
    dbPoolSize: wholeNumber(env.DB_POOL_SIZE, 'DB_POOL_SIZE', 20, 1, 1000),
    dbPoolWaitMs: wholeNumber(env.DB_POOL_WAIT_MS, 'DB_POOL_WAIT_MS', 5000, 10, 600_000),
    trustProxy: yesNo(env.TRUST_PROXY, 'TRUST_PROXY', false),
    publicApiDocs: yesNo(env.PUBLIC_API_DOCS, 'PUBLIC_API_DOCS', false),
    jsonMaxDepth: wholeNumber(env.JSON_MAX_DEPTH, 'JSON_MAX_DEPTH', 32, 2, 1000),
    dbConnectAttempts: wholeNumber(env.DB_CONNECT_ATTEMPTS, 'DB_CONNECT_ATTEMPTS', 30, 1, 100_000),
  };
}
