import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { HealthResponseDto } from '../openapi/responses';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthResponse } from 'contracts';
import { Public } from '../common/principal';
import { DATABASE_KIND } from '../database/database.module';
import type { DatabaseKind } from '../database/database';
import { databaseAnswers } from '../database/ping';

@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(DATABASE_KIND) private readonly kind: DatabaseKind,
  ) {}

  /** 200 when the database answers within two seconds, 503 otherwise. */
  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'the database does not answer' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const ok = await Promise.race([
      databaseAnswers(this.db),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref()),
    ]);
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', database: { kind: this.kind, ok } };
  }
}
