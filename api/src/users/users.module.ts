import { Module } from '@nestjs/common';
import { AccessCheck } from './access-check';
import { SessionsRepository } from './sessions.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** User accounts, their sessions and the access check the guard asks on every request. */
@Module({
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, SessionsRepository, AccessCheck],
  exports: [UsersRepository, UsersService, SessionsRepository, AccessCheck],
})
export class UsersModule {}
