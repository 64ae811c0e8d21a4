import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import type { LoginResponse, UserSummary } from 'contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentPrincipal, Public, type Principal } from './principal';

@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, this.config.jwtTtlSeconds);
  }

  @Get('me')
  me(@CurrentPrincipal() p: Principal): UserSummary {
    return { email: p.actor, name: p.name, role: p.role ?? 'council' };
  }
}
