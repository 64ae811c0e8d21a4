import { Module } from '@nestjs/common';
import { ApiKeysController } from '../api-keys/api-keys.controller';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AuthController } from '../auth/auth.controller';
import { AccessCheck } from '../auth/access-check';
import { AuthService } from '../auth/auth.service';
import { LoginLimiter } from '../auth/login-limiter';
import { OidcService } from '../auth/oidc.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { AuditController } from '../audit/audit.controller';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Users, sign-in and API keys. */
@Module({
  controllers: [AuthController, UsersController, ApiKeysController, AuditController],
  providers: [AuthService, UsersRepository, UsersService, ApiKeysService, SessionsRepository, AccessCheck, LoginLimiter, OidcService],
  exports: [UsersService, ApiKeysService, AccessCheck],
})
export class UsersModule {}
