import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { UserAccountResponse } from '../openapi/responses';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import type { UserAccount } from 'contracts';
import { UsersService } from './users.service';

@Controller('v1/users')
@Can('users.manage')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserAccountResponse] })
  list(): Promise<UserAccount[]> {
    return this.users.list();
  }

  @Post()
  @ApiCreatedResponse({ type: UserAccountResponse })
  create(@Body() body: CreateUserDto, @CurrentPrincipal() p: Principal): Promise<UserAccount> {
    return this.users.create(body, p.actor);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserAccountResponse })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto, @CurrentPrincipal() p: Principal): Promise<UserAccount> {
    return this.users.update(id, body, p.actor);
  }
}
