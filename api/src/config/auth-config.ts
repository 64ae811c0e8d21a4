import type { Role } from 'contracts';
import { ROLES } from 'contracts';
import { wholeNumber, yesNo } from './env';

/** Sign-in, sessions and single sign-on settings (README "Access and sessions"). */
export interface AuthConfig {
  /** Local passwords (LOCAL_LOGIN, default true); false = only the identity provider. */
  localLogin: boolean;
  /** Lifetime of a refresh session (SESSION_TTL_SECONDS, default 12 h); each renewal rotates the cookie. */
  sessionTtlSeconds: number;
  /** COOKIE_SECURE: 'auto' (Secure when the request came over TLS, see TRUST_PROXY), true or false. */
  cookieSecure: 'auto' | boolean;
  /** How long a user's token version, role and scope are cached per process (TOKEN_CHECK_CACHE_MS, default 2000). */
  tokenCheckCacheMs: number;
  /** Argon2 hashes computed at once (ARGON2_CONCURRENCY, default 2); the rest queue. */
  argon2Concurrency: number;
  /** Failed sign-ins per account / per address in the window before 429 (LOGIN_MAX_FAILURES_PER_ACCOUNT 10, _PER_ADDRESS 50, LOGIN_WINDOW_SECONDS 900). */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowSeconds: number;
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** Where the provider sends the browser back; default `<origin of the request>/api/v1/auth/oidc/callback`. */
  redirectUri: string | null;
  /** Claim in the ID token / userinfo holding groups or roles (OIDC_ROLE_CLAIM, default "groups"). */
  roleClaim: string;
  /** Provider group/role → Wijksignaal role (OIDC_ROLE_MAP, JSON object). */
  roleMap: Record<string, Role>;
  /** Provider group/role → municipality codes, or "*" for all (OIDC_MUNICIPALITY_MAP, JSON object); unset = all. */
  municipalityMap: Record<string, string[] | '*'> | null;
  /** Name on the login button: "Inloggen met <label>" (OIDC_LABEL, default "uw organisatie"). */
  label: string;
  scopes: string;
}

function json<T>(raw: string | undefined, name: string): T | null {
  if (raw === undefined || raw.trim() === '') return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new Error(`${name} must be a JSON object, got "${raw}"`);
  }
}

const MUNICIPALITY = /^GM\d{4}$/;

/** Reads and checks the settings; throws an Error with a one-line reason (wrapped as ConfigError by loadConfig). */
export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const issuer = env.OIDC_ISSUER?.trim() || null;
  let oidc: OidcConfig | null = null;
  if (issuer) {
    const clientId = env.OIDC_CLIENT_ID?.trim();
    if (!clientId) throw new Error('OIDC_CLIENT_ID is required with OIDC_ISSUER');
    const roleMap = json<Record<string, unknown>>(env.OIDC_ROLE_MAP, 'OIDC_ROLE_MAP');
    if (!roleMap || typeof roleMap !== 'object' || Array.isArray(roleMap) || Object.keys(roleMap).length === 0) {
      throw new Error('OIDC_ROLE_MAP is required with OIDC_ISSUER: a JSON object from provider group to role, e.g. {"wijksignaal-analisten":"analyst"}');
    }
    for (const [group, role] of Object.entries(roleMap)) {
      if (!(ROLES as readonly string[]).includes(role as string)) throw new Error(`OIDC_ROLE_MAP: "${group}" maps to "${String(role)}", not one of ${ROLES.join(', ')}`);
    }
    const muni = json<Record<string, unknown>>(env.OIDC_MUNICIPALITY_MAP, 'OIDC_MUNICIPALITY_MAP');
    if (muni) {
      for (const [group, codes] of Object.entries(muni)) {
        const ok = codes === '*' || (Array.isArray(codes) && codes.every((c) => typeof c === 'string' && MUNICIPALITY.test(c)));
        if (!ok) throw new Error(`OIDC_MUNICIPALITY_MAP: "${group}" must map to "*" or a list of codes like ["GM0518"]`);
      }
    }
    oidc = {
      issuer,
      clientId,
      clientSecret: env.OIDC_CLIENT_SECRET?.trim() || null,
      redirectUri: env.OIDC_REDIRECT_URI?.trim() || null,
      roleClaim: env.OIDC_ROLE_CLAIM?.trim() || 'groups',
      roleMap: roleMap as Record<string, Role>,
      municipalityMap: muni as Record<string, string[] | '*'> | null,
      label: env.OIDC_LABEL?.trim() || 'uw organisatie',
      scopes: env.OIDC_SCOPES?.trim() || 'openid email profile',
    };
  }
  const localLogin = yesNo(env.LOCAL_LOGIN, 'LOCAL_LOGIN', true);
  if (!localLogin && !oidc) throw new Error('LOCAL_LOGIN=false needs OIDC_ISSUER: nobody could sign in');
  const secure = env.COOKIE_SECURE?.trim().toLowerCase();
  return {
    localLogin,
    sessionTtlSeconds: wholeNumber(env.SESSION_TTL_SECONDS, 'SESSION_TTL_SECONDS', 12 * 3600, 300),
    cookieSecure: secure === undefined || secure === '' || secure === 'auto' ? 'auto' : yesNo(secure, 'COOKIE_SECURE', false),
    tokenCheckCacheMs: wholeNumber(env.TOKEN_CHECK_CACHE_MS, 'TOKEN_CHECK_CACHE_MS', 2000, 0),
    argon2Concurrency: wholeNumber(env.ARGON2_CONCURRENCY, 'ARGON2_CONCURRENCY', 2, 0),
    loginMaxFailuresPerAccount: wholeNumber(env.LOGIN_MAX_FAILURES_PER_ACCOUNT, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 10, 1),
    loginMaxFailuresPerAddress: wholeNumber(env.LOGIN_MAX_FAILURES_PER_ADDRESS, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1),
    loginWindowSeconds: wholeNumber(env.LOGIN_WINDOW_SECONDS, 'LOGIN_WINDOW_SECONDS', 900, 1),
    oidc,
  };
}
