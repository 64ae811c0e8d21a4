import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtension, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { CbsSourceResponse, CbsSyncResultResponse } from '../openapi/responses';
import type { CbsSource, CbsSyncResult } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { CbsSyncService } from './cbs-sync.service';
import { CbsSourceDto, CbsSourcePatchDto } from './cbs-sync.dto';

/**
 * `/api/v1/cbs-sources` (analyst, admin): CBS open-data tables synced into the catalogue's
 * indicators. `POST {tableId, name?, columns: {"<measure or column>": "<indicator>"}, period?,
 * schedule?: manual|daily|weekly|monthly}`; `POST /:id/sync` runs one now and answers
 * `{status: completed|duplicate|failed, batchId, rowsAccepted, error}`.
 */
@Controller('v1/cbs-sources')
@Can('imports.create')
export class CbsSyncController {
  constructor(private readonly sync: CbsSyncService) {}

  @Get()
  @ApiOkResponse({ type: [CbsSourceResponse] })
  list(): Promise<CbsSource[]> {
    return this.sync.list();
  }

  /** Checked with `CbsSourceDto` by the service, together with the catalogue (one 400 for all). */
  @Post()
  @ApiBody({ type: CbsSourceDto })
  @ApiCreatedResponse({ type: CbsSourceResponse })
  create(@Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<CbsSource> {
    return this.sync.create(body, p.actor);
  }

  @Patch(':id')
  @ApiBody({ type: CbsSourcePatchDto })
  @ApiOkResponse({ type: CbsSourceResponse })
  update(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<CbsSource> {
    return this.sync.update(id, body, p.actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'done; no body' })
  remove(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    return this.sync.remove(id, p.actor);
  }

  @Post(':id/sync')
  @HttpCode(200)
  @ApiExtension('x-no-body', true)
  @ApiOkResponse({ type: CbsSyncResultResponse })
  run(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<CbsSyncResult> {
    return this.sync.syncNow(id, p.actor);
  }
}
