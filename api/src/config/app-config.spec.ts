import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const tmp = () => mkdtempSync(join(tmpdir(), 'wijksignaal-config-'));

describe('loadConfig', () => {
  it('defaults to the embedded database in demo mode with a generated, persisted JWT secret', () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir }, '/');
    expect(config).toMatchObject({ port: 3000, workers: 1, databaseUrl: null, dataDir: dir, demo: true, demoData: true });
    expect(config.jwtSecret).toHaveLength(64);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }, '/').jwtSecret).toBe(config.jwtSecret);
  });

  it('requires JWT_SECRET with DATABASE_URL and never runs demo mode there', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@h/db' })).toThrow(new ConfigError('JWT_SECRET is required when DATABASE_URL is set'));
    const config = loadConfig({ DATABASE_URL: 'postgres://x@h/db', JWT_SECRET: '0123456789abcdef', DEMO: 'true' });
    expect(config.demo).toBe(false);
    expect(config.demoData).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ BODY_LIMIT: 'lots' }, /BODY_LIMIT/],
    [{ ADMIN_EMAIL: 'a@b.nl' }, /go together/],
    [{ ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'short' }, /at least 12/],
    [{ ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'password1234' }, /common/],
    [{ LOCAL_LOGIN: 'false' }, /OIDC_ISSUER/],
    [{ OIDC_ISSUER: 'https://idp.example' }, /OIDC_CLIENT_ID/],
    [{ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'ws' }, /OIDC_ROLE_MAP/],
    [{ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'ws', OIDC_ROLE_MAP: '{"g":"boss"}' }, /not one of/],
    [{ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'ws', OIDC_ROLE_MAP: '{"g":"admin"}', OIDC_MUNICIPALITY_MAP: '{"g":["Den Haag"]}' }, /OIDC_MUNICIPALITY_MAP/],
    [{ ARGON2_CONCURRENCY: '-1' }, /ARGON2_CONCURRENCY/],
    [{ DEMO: 'maybe' }, /DEMO/],
    [{ JWT_SECRET: 'short' }, /at least 16/],
    [{ LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
    [{ UPLOAD_TIMEOUT_SECONDS: '5' }, /UPLOAD_TIMEOUT_SECONDS/],
    [{ UPLOAD_TIMEOUT_SECONDS: 'soon' }, /UPLOAD_TIMEOUT_SECONDS/],
    [{ DB_CONNECT_ATTEMPTS: 'abc' }, /^DB_CONNECT_ATTEMPTS must be a whole number 1–100000, got "abc"$/],
    [{ DB_CONNECT_ATTEMPTS: '0' }, /DB_CONNECT_ATTEMPTS/],
    [{ WORK_STALE_SECONDS: 'x' }, /WORK_STALE_SECONDS/],
    [{ SIGNAL_JOBS_TICK_MS: '-1' }, /SIGNAL_JOBS_TICK_MS/],
    [{ SIGNAL_JOB_CONCURRENCY: '0' }, /SIGNAL_JOB_CONCURRENCY/],
    [{ SIGNAL_THREADS: '1.5' }, /SIGNAL_THREADS/],
    [{ CBS_ODATA_URL: 'ftp://cbs' }, /CBS_ODATA_URL/],
    [{ API_WORKERS: '0' }, /API_WORKERS/],
    [{ API_WORKERS: '2' }, /^API_WORKERS above 1 needs DATABASE_URL/],
  ])('rejects %j with a one-line reason', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: tmp(), ...env })).toThrow(message);
  });

  it('parses sizes and switches', () => {
    const config = loadConfig({ DATA_DIR: tmp(), BODY_LIMIT: '10mb', DEMO_DATA: 'false', PORT: '0', UPLOAD_TIMEOUT_SECONDS: '7200' });
    expect(config.bodyLimitBytes).toBe(10 * 1024 * 1024);
    expect(config.uploadTimeoutSeconds).toBe(7200);
    expect(loadConfig({ DATA_DIR: tmp() }).uploadTimeoutSeconds).toBe(3600);
    expect(config.demoData).toBe(false);
    expect(config.port).toBe(0);
    expect(config.dbConnectAttempts).toBe(30);
    expect(loadConfig({ DATA_DIR: tmp(), DB_CONNECT_ATTEMPTS: '3' }).dbConnectAttempts).toBe(3);
  });
});
