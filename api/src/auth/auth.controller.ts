import { Body, Controller, Get, HttpCode, Inject, Optional, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExtension, ApiFoundResponse, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { AuthOptionsResponse, LoginResponseDto, UserSummaryResponse } from '../openapi/responses';
import { JwtService } from '@nestjs/jwt';
import type { Request, Response } from 'express';
import { AUDIENCES, type AuthOptions, type LoginResponse, type UserSummary } from 'contracts';
import { TooManyRequestsError, UnauthorizedError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LoginDto, OidcLoginQueryDto } from './auth.dto';
import { AuthService, summary, type Issued, type TokenPayload } from './auth.service';
import { clearRefreshCookie, readCookie, REFRESH_COOKIE, setRefreshCookie } from './cookies';
import { OidcService } from './oidc.service';
import { CurrentPrincipal, Public, type Principal } from '../common/principal';

@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly oidc?: OidcService,
  ) {}

  /** What the login page offers: passwords and/or "Inloggen met <organisatie>". */
  @Public()
  @Get('config')
  @ApiOkResponse({ type: AuthOptionsResponse })
  options(): AuthOptions {
    const o = this.config.auth.oidc;
    return { localLogin: this.config.auth.localLogin, oidc: o ? { label: o.label } : null };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    try {
      return this.issue(req, res, await this.auth.login(body.email, body.password, req.ip ?? 'unknown'));
    } catch (e) {
      if (e instanceof TooManyRequestsError) res.setHeader('Retry-After', String(e.extra?.retryAfter ?? 60));
      throw e;
    }
  }

  /** Renews the access token with the refresh cookie; the cookie is replaced (rotation). */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiExtension('x-no-body', true)
  @ApiOkResponse({ type: LoginResponseDto })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const token = readCookie(req, REFRESH_COOKIE);
    if (!token) throw new UnauthorizedError('No session; sign in', undefined, { code: 'auth.noSession' });
    try {
      const recheck = this.oidc ? this.oidc.recheck.bind(this.oidc) : undefined;
      return this.issue(req, res, await this.auth.refresh(token, recheck));
    } catch (e) {
      clearRefreshCookie(req, res, this.config.auth);
      throw e;
    }
  }

  /** Ends this session on the server: its access and refresh tokens stop working at the next request. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiExtension('x-no-body', true)
  @ApiNoContentResponse({ description: 'done; no body' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const bearer = /^bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1];
    let payload: TokenPayload | null = null;
    if (bearer) payload = await this.jwt.verifyAsync<TokenPayload>(bearer).catch(() => null);
    await this.auth.logout(readCookie(req, REFRESH_COOKIE), { sessionId: payload?.sid ?? null, userId: payload?.sub ?? null, actor: payload?.email ?? null });
    clearRefreshCookie(req, res, this.config.auth);
  }

  @Get('me')
  @ApiOkResponse({ type: UserSummaryResponse })
  me(@CurrentPrincipal() p: Principal): UserSummary {
    return summary({
      email: p.actor,
      name: p.name,
      role: p.role ?? AUDIENCES.least,
      homeMunicipality: p.homeMunicipality ?? null,
      scopeMunicipalities: p.municipalities ?? null,
    });
  }

  /** Single sign-on: to the identity provider (authorization code flow with PKCE). */
  @Public()
  @Get('oidc/login')
  @ApiFoundResponse({ description: 'redirect to the identity provider' })
  async oidcLogin(@Req() req: Request, @Res() res: Response, @Query() q: OidcLoginQueryDto): Promise<void> {
    const oidc = this.requireOidc();
    res.redirect(302, await oidc.start(req, res, q.returnTo));
  }

  /** The provider sends the browser back here with the code; we sign the user in and go to the app. */
  @Public()
  @Get('oidc/callback')
  @ApiFoundResponse({ description: 'redirect into the app (or to /login?sso=failed)' })
  async oidcCallback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const oidc = this.requireOidc();
    let done: Awaited<ReturnType<OidcService['finish']>>;
    try {
      done = await oidc.finish(req, res);
    } catch (e) {
      // A person in a browser gets the login page with a message; a program gets the JSON error.
      if (req.accepts(['json', 'html']) === 'html') {
        res.redirect(302, '/login?sso=failed');
        return;
      }
      throw e;
    }
    setRefreshCookie(req, res, this.config.auth, done.issued.refreshToken, done.issued.refreshMaxAge);
    res.redirect(302, done.returnTo);
  }

  private requireOidc(): OidcService {
    if (!this.oidc || !this.config.auth.oidc) throw new UnauthorizedError('Single sign-on is not configured here (OIDC_ISSUER)', undefined, { code: 'auth.oidcOff' });
    return this.oidc;
  }

  private issue(req: Request, res: Response, issued: Issued): LoginResponse {
    setRefreshCookie(req, res, this.config.auth, issued.refreshToken, issued.refreshMaxAge);
    res.setHeader('Cache-Control', 'no-store');
    return issued.response;
  }
}
