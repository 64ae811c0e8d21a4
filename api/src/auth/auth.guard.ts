import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { can, type Capability } from 'contracts';
import { ForbiddenError, UnauthorizedError } from '../common/errors';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { API_KEY_SCOPE, IS_PUBLIC, Principal } from '../common/principal';
import { CAPABILITIES_KEY } from '../policy/capabilities';

import { AccessCheck } from '../users/access-check';
import type { TokenPayload } from './auth.service';

/** Global guard: every route needs a bearer token or an API key unless it is @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly apiKeys: ApiKeysService,
    private readonly access: AccessCheck,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.authenticate(req);
    req.principal = principal;

    if (principal.kind === 'api-key') {
      const scope = this.reflector.getAllAndOverride<string | undefined>(API_KEY_SCOPE, targets);
      if (!scope || !principal.scopes.includes(scope)) throw new ForbiddenError('This API key may not call this endpoint', undefined, { code: 'auth.keyScope' });
      return true;
    }
    const needed = this.reflector.getAllAndOverride<Capability[] | undefined>(CAPABILITIES_KEY, targets);
    if (needed && !needed.every((c) => can(principal.role, c))) throw new ForbiddenError('Your role may not do this', undefined, { code: 'auth.roleForbidden' });
    return true;
  }

  private async authenticate(req: Request): Promise<Principal> {
    const key = req.header('x-api-key');
    if (key) {
      const found = await this.apiKeys.verify(key, `${req.method} ${req.path}`);
      if (!found) throw new UnauthorizedError('Invalid or revoked API key', undefined, { code: 'auth.badKey' });
      return found;
    }
    const header = req.header('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedError('Sign in first: no bearer token', undefined, { code: 'auth.noSession' });
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedError('Session expired or invalid; sign in again', undefined, { code: 'auth.expired' });
    }
    // Every request: the user still active, the token's version current, its session not ended
    // (issue 9 item 5). Role and scope come from the database, not from the token.
    const state = typeof payload.sid === 'string' && typeof payload.ver === 'number' ? await this.access.state(payload.sub, payload.sid) : null;
    if (!state || !state.active || state.tokenVersion !== payload.ver || !state.sessionLive) {
      throw new UnauthorizedError('Session ended; sign in again', undefined, { code: 'auth.revoked' });
    }
    return {
      kind: 'user',
      id: state.id,
      actor: state.email,
      name: state.name,
      role: state.role,
      scopes: [],
      municipalities: state.scopeMunicipalities,
      homeMunicipality: state.homeMunicipality,
      sessionId: payload.sid,
    };
  }
}
