import { Module } from '@nestjs/common';
import { ApiKeysController } from '../api-keys/api-keys.controller';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AuthController } from '../auth/auth.controller';
import { AuthService } from '../auth/auth.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Users, sign-in and API keys. */
@Module({
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [AuthService, UsersRepository, UsersService, ApiKeysService],
  exports: [UsersService, ApiKeysService],
})
export class UsersModule {}
