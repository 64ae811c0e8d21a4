import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Role } from 'contracts';
import { ForbiddenError, UnauthorizedError } from '../common/errors';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { API_KEY_SCOPE, IS_PUBLIC, Principal, ROLES } from './principal';

interface TokenPayload {
  sub: string;
  email: string;
  name: string;
  role: Role;
}

/** Global guard: every route needs a bearer token or an API key unless it is @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.authenticate(req);
    req.principal = principal;

    if (principal.kind === 'api-key') {
      const scope = this.reflector.getAllAndOverride<string | undefined>(API_KEY_SCOPE, targets);
      if (!scope || !principal.scopes.includes(scope)) throw new ForbiddenError('This API key may not call this endpoint');
      return true;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(principal.role as Role)) throw new ForbiddenError('Your role may not do this');
    return true;
  }

  private async authenticate(req: Request): Promise<Principal> {
    const key = req.header('x-api-key');
    if (key) {
      const found = await this.apiKeys.verify(key, `${req.method} ${req.path}`);
      if (!found) throw new UnauthorizedError('Invalid or revoked API key');
      return found;
    }
    const header = req.header('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedError('Sign in first: no bearer token');
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload>(token);
      return { kind: 'user', id: payload.sub, actor: payload.email, name: payload.name, role: payload.role, scopes: [] };
    } catch {
      throw new UnauthorizedError('Session expired or invalid; sign in again');
    }
  }
}
