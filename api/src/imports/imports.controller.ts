import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { ImportBatchResponse, ImportPreviewResponse, ImportResultResponse, ObservationsBody } from '../openapi/responses';
import type { Request, Response } from 'express';
import type { ImportBatch, ImportPreview, ImportResult } from 'contracts';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { InvalidInputError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ImportsService, type ImportOutcome } from './imports.service';
import { isJson, uploadStream } from '../common/request-body';
import { readBulkJson } from '../hardening/http-hardening';
import { setNextLink } from '../common/paging';
import { ImportQueryDto, ImportsListQueryDto } from './imports.dto';

/** Leaves the connection usable when we answer before the body was read to the end. */
function drain(req: Request): void {
  if (!req.readableEnded) {
    req.unpipe();
    req.resume();
  }
}

@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `?format=auto` (default: detected from the header), `long` or `statline` [&period=2022 for a
   * file without a period column; a file with its own periods keeps them, a different one is refused] [&source=name] [&dryRun=true: validate, write nothing, answer the summary];
   * body `text/csv` (streamed) or multipart field `file`.
   */
  @Post()
  @Can('imports.create')
  @AllowApiKey('ingest')
  @ApiConsumes('text/csv', 'multipart/form-data', 'application/json')
  @ApiBody({ description: 'the file: CSV (long or StatLine layout) as text/csv or multipart field `file`; or JSON {source, observations:[…]}', schema: { oneOf: [{ type: 'string', format: 'binary' }, { $ref: getSchemaPath(ObservationsBody) }] } })
  @ApiOkResponse({ description: 'dryRun=true: the preview', schema: { $ref: getSchemaPath(ImportPreviewResponse) } })
  @ApiCreatedResponse({ type: ImportResultResponse, description: 'the batch (422 with the same shape when the file has errors)' })
  async create(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() p: Principal,
    @Query() q: ImportQueryDto,
  ): Promise<ImportResult | ImportPreview> {
    const { period } = q;
    const source = q.source?.trim() || null;
    let outcome: ImportOutcome;
    try {
      const fmt = q.format ?? 'auto';
      const dryRun = q.dryRun === 'true';
      if (isJson(req)) {
        outcome = await this.imports.importJson(await readBulkJson(req, res, this.config), p.actor, { dryRun });
      } else {
        const upload = await uploadStream(req, this.config.bodyLimitBytes);
        const r = { actor: p.actor, source, dryRun };
        outcome =
          fmt === 'statline'
            ? await this.imports.importStatline(upload, { ...r, period })
            : fmt === 'long'
              ? await this.imports.importLongChecked(upload, { ...r, period })
              : await this.imports.importAuto(upload, { ...r, period });
      }
    } finally {
      drain(req);
    }
    res.status(outcome.httpStatus);
    return outcome.result;
  }

  @Get()
  @Can('imports.create')
  @ApiOkResponse({ type: [ImportBatchResponse] })
  async list(@Query() q: ImportsListQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ImportBatch[]> {
    const page = await this.imports.list(q);
    setNextLink(req, res, page.next);
    return page.items;
  }

  @Get(':id')
  @Can('imports.create')
  @AllowApiKey('ingest')
  @ApiOkResponse({ type: ImportBatchResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ImportBatch> {
    return this.imports.get(id);
  }
}

/** `POST /api/v1/observations {source, observations:[…]}`: the same rows as JSON, for systems. */
@Controller('v1/observations')
export class ObservationsImportController {
  constructor(
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Can('imports.create')
  @AllowApiKey('ingest')
  @ApiBody({ type: ObservationsBody })
  @ApiCreatedResponse({ type: ImportResultResponse })
  async create(@Req() req: Request, @Res({ passthrough: true }) res: Response, @CurrentPrincipal() p: Principal): Promise<ImportResult> {
    if (!isJson(req)) {
      drain(req);
      throw new InvalidInputError('POST /observations takes JSON {source, observations:[…]}; send CSV to POST /imports');
    }
    const outcome = await this.imports.importJson(await readBulkJson(req, res, this.config), p.actor);
    res.status(outcome.httpStatus);
    return outcome.result as ImportResult;
  }
}
