import { ConfigError } from './config-error';

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

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return false;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

export function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number ${min}–${max}, got "${raw}"`);
  return n;
}

export function loadRobustConfig(env: NodeJS.ProcessEnv): RobustConfig {
  return {
    jsonLimitBytes: parseSize(env.JSON_LIMIT ?? '1mb', 'JSON_LIMIT'),
    dbPoolSize: whole(env, 'DB_POOL_SIZE', 20, 1, 1000),
    dbPoolWaitMs: whole(env, 'DB_POOL_WAIT_MS', 5000, 10, 600_000),
    trustProxy: flag(env, 'TRUST_PROXY'),
    publicApiDocs: flag(env, 'PUBLIC_API_DOCS'),
    jsonMaxDepth: whole(env, 'JSON_MAX_DEPTH', 32, 2, 1000),
    dbConnectAttempts: whole(env, 'DB_CONNECT_ATTEMPTS', 30, 1, 100_000),
  };
}
