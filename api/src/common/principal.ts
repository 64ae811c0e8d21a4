import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from 'contracts';

/** Who is calling: a signed-in user or a system with an API key. */
export interface Principal {
  kind: 'user' | 'api-key';
  id: string;
  /** For users their e-mail; for keys "api-key:<name>". Used as the actor in audit and history. */
  actor: string;
  name: string;
  role: Role | null;
  scopes: string[];
  /** Municipality codes this caller may see figures of; null = all (issue 12 §2). */
  municipalities?: string[] | null;
  homeMunicipality?: string | null;
  /** The sign-in session of a user's access token. */
  sessionId?: string;
}

export const IS_PUBLIC = 'auth:public';
export const API_KEY_SCOPE = 'auth:api-key-scope';

/** No authentication needed (health, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Systems with an API key of this scope may call the route too. */
export const AllowApiKey = (scope: 'ingest') => SetMetadata(API_KEY_SCOPE, scope);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
