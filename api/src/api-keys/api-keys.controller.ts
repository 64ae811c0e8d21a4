import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiKeyResponse, CreatedApiKeyResponse } from '../openapi/responses';
import { CreateApiKeyDto } from './api-keys.dto';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import type { ApiKeyInfo } from 'contracts';
import { ApiKeysService } from './api-keys.service';

@Controller('v1/api-keys')
@Can('apiKeys.manage')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: [ApiKeyResponse] })
  list(): Promise<ApiKeyInfo[]> {
    return this.keys.list();
  }

  /** The answer holds the key itself; it is never shown again. */
  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  create(@Body() body: CreateApiKeyDto, @CurrentPrincipal() p: Principal): Promise<ApiKeyInfo & { key: string }> {
    return this.keys.create(body.name, p.actor);
  }

  @Delete(':id')
  @ApiOkResponse({ type: ApiKeyResponse })
  revoke(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal): Promise<ApiKeyInfo> {
    return this.keys.revoke(id, p.actor);
  }
}
