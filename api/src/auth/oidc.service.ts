import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request, Response } from 'express';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Role } from 'contracts';
import { can, ROLES } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, InvalidInputError, UnauthorizedError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersRepository, type UserRow } from '../users/users.repository';
import type { OidcConfig } from '../config/auth-config';
import { AccessCheck } from '../users/access-check';
import { AuthService, type Issued } from './auth.service';
import { readCookie } from './cookies';
import { DataSource } from 'typeorm';

type OidcClient = typeof import('openid-client');
type Configuration = import('openid-client').Configuration;

/** openid-client 6 is ESM-only; Node 20.20 loads it with require(esm), jest through swc. One adapter, loaded once. */
let clientModule: Promise<OidcClient> | null = null;
const loadClient = (): Promise<OidcClient> => (clientModule ??= import('openid-client'));

const FLOW_COOKIE = 'ws_oidc';
const FLOW_PATH = '/api/v1/auth/oidc';

/** Role and municipalities a provider's claims grant; null role = not a Wijksignaal user. */
export function mapClaims(claims: Record<string, unknown>, config: Pick<OidcConfig, 'roleClaim' | 'roleMap' | 'municipalityMap'>): { role: Role | null; municipalities: string[] | null } {
  let value: unknown = claims;
  for (const part of config.roleClaim.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  const groups = Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : typeof value === 'string' ? value.split(/[ ,]+/) : [];
  const roles = new Set(groups.map((g) => config.roleMap[g]).filter((r): r is Role => (ROLES as readonly string[]).includes(r as string)));
  // ROLES lists the most privileged first: a user in several groups gets the highest role.
  const role = ROLES.find((r) => roles.has(r)) ?? null;
  if (!config.municipalityMap) return { role, municipalities: null };
  const codes = new Set<string>();
  for (const g of groups) {
    const m = config.municipalityMap[g];
    if (m === '*') return { role, municipalities: null };
    for (const c of m ?? []) codes.add(c);
  }
  // Roles that manage the installation are never confined by the municipality map.
  if (can(role, 'scope.everywhere')) return { role, municipalities: null };
  return { role: codes.size ? role : null, municipalities: [...codes].sort() };
}

/**
 * Single sign-on with OpenID Connect (issue 12 §1): authorization code flow with PKCE, state and
 * nonce, through the certified client library openid-client. First sign-in provisions the account;
 * every sign-in and every renewal maps the provider's groups to role and municipalities again, so
 * a user removed from the group loses access at the next renewal.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  private discovered: Promise<Configuration> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly access: AccessCheck,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get settings(): OidcConfig {
    if (!this.config.auth.oidc) throw new UnauthorizedError('Single sign-on is not configured here', undefined, { code: 'auth.oidcOff' });
    return this.config.auth.oidc;
  }

  private async configuration(): Promise<Configuration> {
    const s = this.settings;
    this.discovered ??= loadClient()
      .then((c) => {
        const local = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(s.issuer.endsWith('/') ? s.issuer : `${s.issuer}/`);
        return c.discovery(new URL(s.issuer), s.clientId, s.clientSecret ?? undefined, s.clientSecret ? undefined : c.None(), local ? { execute: [c.allowInsecureRequests] } : undefined);
      })
      .catch((e: unknown) => {
        this.discovered = null;
        this.logger.error(`OIDC discovery at ${s.issuer} failed: ${String(e)}`);
        throw new UnauthorizedError('The identity provider cannot be reached; try again later', undefined, { code: 'auth.oidcUnreachable' });
      });
    return this.discovered;
  }

  private redirectUri(req: Request): string {
    return this.settings.redirectUri ?? `${req.protocol}://${req.get('host')}${FLOW_PATH}/callback`;
  }

  /** The provider's authorization URL; the PKCE verifier, state and nonce wait in a signed, short-lived cookie. */
  async start(req: Request, res: Response, returnTo?: string): Promise<string> {
    const c = await loadClient();
    const config = await this.configuration();
    const verifier = c.randomPKCECodeVerifier();
    const state = c.randomState();
    const nonce = c.randomNonce();
    const back = typeof returnTo === 'string' && /^\/(?!\/)[^\s\\]*$/.test(returnTo) ? returnTo : '/';
    const flow = await this.jwt.signAsync({ v: verifier, s: state, n: nonce, r: back, k: 'oidc-flow' }, { expiresIn: 600 });
    // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
    res.cookie(FLOW_COOKIE, flow, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: FLOW_PATH, maxAge: 600_000 });
    const url = c.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(req),
      scope: this.settings.scopes,
      code_challenge: await c.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return url.href;
  }

  async finish(req: Request, res: Response): Promise<{ issued: Issued; returnTo: string }> {
    const c = await loadClient();
    const config = await this.configuration();
    const raw = readCookie(req, FLOW_COOKIE);
    const flow = raw ? await this.jwt.verifyAsync<{ v: string; s: string; n: string; r: string; k: string }>(raw).catch(() => null) : null;
    res.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
    if (!flow || flow.k !== 'oidc-flow') throw new InvalidInputError('Sign-in took too long or was started elsewhere; start again', undefined, { code: 'auth.oidcFlow' });
    const current = new URL(req.originalUrl, this.redirectUri(req));
    let tokens: Awaited<ReturnType<OidcClient['authorizationCodeGrant']>>;
    try {
      tokens = await c.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.v, expectedState: flow.s, expectedNonce: flow.n, idTokenExpected: true });
    } catch (e) {
      this.logger.warn(`OIDC code exchange failed: ${String(e)}`);
      throw new UnauthorizedError('The identity provider did not confirm the sign-in', undefined, { code: 'auth.oidcFailed' });
    }
    const claims = await this.claims(c, config, tokens);
    const user = await this.provision(claims);
    const issued = await this.auth.startSession(user, 'oidc', tokens.refresh_token ? this.seal(tokens.refresh_token) : null);
    await this.audit.record({ actor: user.email, action: 'auth.login', details: { method: 'oidc', issuer: this.settings.issuer } });
    return { issued, returnTo: flow.r };
  }

  /** At each renewal of an OIDC session: ask the provider again (refresh grant) and apply its groups. */
  async recheck(user: UserRow, sealed: string | null): Promise<string | null | undefined> {
    if (!this.config.auth.oidc) return undefined;
    if (!sealed) return undefined; // provider gave no refresh token (no offline_access): the session lasts SESSION_TTL_SECONDS
    const c = await loadClient();
    const config = await this.configuration();
    let tokens: Awaited<ReturnType<OidcClient['refreshTokenGrant']>>;
    try {
      tokens = await c.refreshTokenGrant(config, this.unseal(sealed));
    } catch (e) {
      this.logger.warn(`OIDC renewal for ${user.email} refused: ${String(e)}`);
      throw new UnauthorizedError('Your organisation ended the session; sign in again', undefined, { code: 'auth.oidcRevoked' });
    }
    const claims = await this.claims(c, config, tokens, user.oidcSubject ?? undefined);
    await this.apply(user, claims);
    return tokens.refresh_token ? this.seal(tokens.refresh_token) : sealed;
  }

  private async claims(c: OidcClient, config: Configuration, tokens: Awaited<ReturnType<OidcClient['refreshTokenGrant']>>, subject?: string): Promise<Record<string, unknown>> {
    const id = (tokens.claims() ?? {}) as Record<string, unknown>;
    const sub = (id.sub as string | undefined) ?? subject;
    if (!sub) throw new UnauthorizedError('The identity provider named no user', undefined, { code: 'auth.oidcFailed' });
    let info: Record<string, unknown> = {};
    try {
      info = (await c.fetchUserInfo(config, tokens.access_token, sub)) as Record<string, unknown>;
    } catch (e) {
      this.logger.debug(`userinfo not available: ${String(e)}`);
    }
    return { ...id, ...info, sub };
  }

  /** Finds or creates the account and brings role and scope in line with the provider's groups. */
  private async provision(claims: Record<string, unknown>): Promise<UserRow> {
    const sub = String(claims.sub);
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
    const mapped = mapClaims(claims, this.settings);
    if (!mapped.role) {
      await this.audit.record({ actor: email ?? `oidc:${sub}`, action: 'auth.login-refused', details: { reason: 'no Wijksignaal group' } });
      throw new ForbiddenError('Your organisation has not given you access to Wijksignaal', undefined, { code: 'auth.oidcNoGroup' });
    }
    let user = await this.users.findByOidcSubject(sub);
    if (!user && email) {
      user = await this.users.findByEmail(email);
      if (user && !user.oidcSubject) await this.users.setOidcSubject(user.id, sub);
    }
    if (!user) {
      if (!email) throw new ForbiddenError('The identity provider gave no e-mail address', undefined, { code: 'auth.oidcNoEmail' });
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
      await this.users.insertIfAbsent({
        email,
        name,
        role: mapped.role,
        // Not an argon2 hash: no password ever matches it.
        passwordHash: '!oidc',
        scopeMunicipalities: mapped.municipalities,
        homeMunicipality: mapped.municipalities?.[0] ?? null,
        oidcSubject: sub,
      });
      user = (await this.users.findByOidcSubject(sub))!;
      await this.audit.record({ actor: 'system', action: 'user.create', target: user.id, details: { email, role: mapped.role, scope: mapped.municipalities, via: 'oidc' } });
      return user;
    }
    if (!user.active) throw new ForbiddenError('This account is deactivated', undefined, { code: 'auth.inactive' });
    return this.apply(user, claims);
  }

  private async apply(user: UserRow, claims: Record<string, unknown>): Promise<UserRow> {
    const mapped = mapClaims(claims, this.settings);
    if (!mapped.role) {
      await this.audit.record({ actor: 'system', action: 'auth.access-withdrawn', target: user.id, details: { email: user.email, reason: 'no Wijksignaal group' } });
      throw new UnauthorizedError('Your organisation no longer gives you access to Wijksignaal', undefined, { code: 'auth.oidcNoGroup' });
    }
    const sameScope = JSON.stringify(user.scopeMunicipalities ?? null) === JSON.stringify(mapped.municipalities);
    if (user.role === mapped.role && sameScope) return user;
    const changed = await this.db.transaction((m) =>
      this.users.update(user.id, { role: mapped.role!, scopeMunicipalities: mapped.municipalities, bumpTokenVersion: true }, m),
    );
    this.access.forget(user.id);
    await this.audit.record({
      actor: 'system',
      action: 'user.update',
      target: user.id,
      details: { via: 'oidc', before: { role: user.role, scope: user.scopeMunicipalities }, after: { role: mapped.role, scope: mapped.municipalities } },
    });
    return changed?.after ?? user;
  }

  private key(): Buffer {
    return createHash('sha256').update(`wijksignaal-oidc-refresh:${this.config.jwtSecret}`).digest();
  }

  private seal(token: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
  }

  private unseal(sealed: string): string {
    const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key(), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}
