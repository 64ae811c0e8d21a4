import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { AreaDetailResponse, AreaInputBody, AreaSummaryResponse, FeatureCollectionResponse, MunicipalityCoverageResponse, SearchResultResponse, UpsertedResponse } from '../openapi/responses';
import type { Request } from 'express';
import type { AreaDetail, AreaInput, AreaLevel, AreaSummary, BoundaryUploadResult, MunicipalityCoverage, SearchResult } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { InvalidInputError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isJson, readUpload, readUploadText } from '../common/request-body';
import { readNamedCsv } from '../parsing/small-csv';
import { AreasService, type FeatureCollection } from './areas.service';
import { AreaSearchService } from './area-search.service';
import { AreaSearchQueryDto, AreasQueryDto } from './areas.dto';

@Controller('v1/areas')
export class AreasController {
  constructor(
    private readonly areas: AreasService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly searchService: AreaSearchService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [AreaSummaryResponse] })
  list(@Query() q: AreasQueryDto): Promise<AreaSummary[]> {
    return this.areas.list({ level: q.level || undefined, parent: q.parent });
  }

  /** Header search: areas and indicators by name (before `:code`, which would swallow it). */
  @Get('search')
  @ApiOkResponse({ type: SearchResultResponse })
  search(@Query() q: AreaSearchQueryDto): Promise<SearchResult> {
    return this.searchService.search(q);
  }

  /** Municipalities with data, most data first: the landing fallback and the picker's order. */
  @Get('coverage')
  @ApiOkResponse({ type: [MunicipalityCoverageResponse] })
  coverage(): Promise<MunicipalityCoverage[]> {
    return this.searchService.coverage();
  }

  @Get(':code')
  @ApiOkResponse({ type: AreaDetailResponse })
  get(@Param('code') code: string): Promise<AreaDetail> {
    return this.areas.get(code);
  }

  /** The children's boundaries; `?level=neighbourhood` on a municipality: every buurt inside it. */
  @Get(':code/boundaries')
  @ApiOkResponse({ type: FeatureCollectionResponse })
  boundaries(@Param('code') code: string, @Query('level') level?: string): Promise<FeatureCollection> {
    return this.areas.boundaries(code, level);
  }

  /**
   * Boundary upload (issue 15): GeoJSON or TopoJSON, WGS84 or RD New, as the body or multipart
   * field `file`; `?crs=` overrides the file's CRS, `?object=` picks a TopoJSON object. All or
   * nothing: 422 naming each bad feature (index + code) with a message key.
   */
  @Post('boundaries')
  @HttpCode(201)
  @Can('imports.create')
  @ApiConsumes('application/geo+json', 'application/json', 'multipart/form-data')
  @ApiBody({ description: 'GeoJSON FeatureCollection or TopoJSON Topology (WGS84 or RD New EPSG:28992), as the body or multipart field `file`', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({
    description: 'what was stored',
    schema: {
      type: 'object',
      properties: {
        updated: { type: 'integer' },
        byLevel: { type: 'object', additionalProperties: { type: 'integer' } },
        municipalities: { type: 'array', items: { type: 'string' } },
        format: { type: 'string', enum: ['geojson', 'topojson'] },
        crs: { type: 'string', enum: ['EPSG:4326', 'EPSG:28992'] },
        checksum: { type: 'string' },
      },
    },
  })
  async uploadBoundaries(
    @Req() req: Request,
    @CurrentPrincipal() p: Principal,
    @Query('crs') crs?: string,
    @Query('object') object?: string,
  ): Promise<BoundaryUploadResult> {
    const up = await readUpload(req, this.config.bodyLimitBytes);
    return this.areas.uploadBoundaries(up.bytes, p.actor, { crs, object, fileName: up.fileName });
  }

  @Post()
  @Can('imports.create')
  @ApiConsumes('application/json', 'text/csv', 'multipart/form-data')
  @ApiBody({ description: 'JSON: one area or an array {code, name, level, parent?}; CSV `code,name,level,parent` (text/csv or multipart field `file`)', schema: { oneOf: [{ type: 'array', items: { $ref: getSchemaPath(AreaInputBody) } }, { $ref: getSchemaPath(AreaInputBody) }, { type: 'string', format: 'binary' }] } })
  @ApiCreatedResponse({ type: UpsertedResponse })
  async upsert(@Req() req: Request, @CurrentPrincipal() p: Principal): Promise<{ upserted: number }> {
    if (isJson(req)) {
      const body = req.body as AreaInput[] | AreaInput | undefined;
      if (!body || typeof body !== 'object') throw new InvalidInputError('Send a JSON array of areas {code,name,level,parent}');
      return this.areas.upsert(Array.isArray(body) ? body : [body], p.actor);
    }
    // CSV `code,name,level,parent` (text/csv body or multipart field `file`); errors name the CSV line.
    const { bytes } = await readUploadText(req, this.config.bodyLimitBytes);
    const rows = readNamedCsv(bytes, ['code', 'name', 'level'], ['parent']);
    const input = rows.map((r) => ({ code: r.values.code, name: r.values.name, level: r.values.level as AreaLevel, parent: r.values.parent || null }));
    return this.areas.upsert(input, p.actor, (i) => rows[i].line);
  }
}
