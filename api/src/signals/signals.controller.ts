import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiOkResponse } from '@nestjs/swagger';
import { RunResultResponse, SignalResponse, SignalSettingsPatchBody, SignalSettingsResponse } from '../openapi/responses';
import type { Request, Response } from 'express';
import { setNextLink } from '../common/paging';
import type { Signal } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import type { SignalSettings } from '../core/signals';
import { DetectionService, type RunResult } from './detection.service';
import { SignalsRepository } from './signals.repository';
import { SignalsService } from './signals.service';
import { SignalQueryDto, TransitionDto } from './signals.dto';

@Controller('v1/signals')
export class SignalsController {
  constructor(
    private readonly signals: SignalsService,
    private readonly detection: DetectionService,
    private readonly repo: SignalsRepository,
  ) {}

  /** Top-level signals (groups carry memberCount and members); `?include=members` lists members too; `?owner=me` only mine; paged (Link rel="next"). */
  @Get()
  @ApiOkResponse({ type: [SignalResponse] })
  async list(
    @Query() q: SignalQueryDto,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Signal[]> {
    const page = await this.signals.list(q, p.role, p);
    setNextLink(req, res, page.next);
    return page.items;
  }

  /** Runs detection now; 409 while another run is in progress. */
  @Post('run')
  @HttpCode(200)
  @Can('signals.detect')
  @ApiExtension('x-no-body', true)
  @ApiOkResponse({ type: RunResultResponse })
  run(@CurrentPrincipal() p: Principal): Promise<RunResult> {
    return this.detection.run(`manual:${p.actor}`, { wait: false, actor: p.actor });
  }

  /** Recent detection runs with their counts. */
  @Get('runs')
  @Can('signals.detect')
  @ApiOkResponse({ description: 'recent detection runs with their counts', schema: { type: 'array', items: { type: 'object', additionalProperties: true } } })
  runs(): Promise<unknown[]> {
    return this.repo.runs();
  }

  @Get(':id')
  @ApiOkResponse({ type: SignalResponse })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<Signal> {
    return this.signals.get(id, p.role);
  }

  @Patch(':id')
  @Can('signals.transition')
  @ApiOkResponse({ type: SignalResponse })
  async transition(@Param('id') id: string, @Body() body: TransitionDto, @CurrentPrincipal() p: Principal): Promise<Signal> {
    const signal = await this.signals.transition(id, body, p);
    if (signal.status === 'monitoring') {
      await this.detection.measureOne(id);
      return this.signals.get(id, p.role);
    }
    return signal;
  }
}

@Controller('v1/signal-settings')
export class SignalSettingsController {
  constructor(private readonly signals: SignalsService) {}

  @Get()
  @ApiOkResponse({ type: SignalSettingsResponse })
  get(): Promise<SignalSettings> {
    return this.signals.settings();
  }

  @Put()
  @Can('signals.detect')
  @ApiBody({ type: SignalSettingsPatchBody })
  @ApiOkResponse({ type: SignalSettingsResponse })
  put(@Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<SignalSettings> {
    return this.signals.updateSettings(body, p.actor);
  }
}
