import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { OidcService } from './oidc.service';

/** Sign-in (password and single sign-on), tokens and sessions; builds on users and API keys, never the reverse. */
@Module({
  imports: [UsersModule, ApiKeysModule],
  controllers: [AuthController],
  providers: [AuthService, LoginLimiter, OidcService],
  exports: [UsersModule, ApiKeysModule, AuthService],
})
export class AuthModule {}
