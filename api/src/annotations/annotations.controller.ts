import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { AnnotationResponse } from '../openapi/responses';
import type { Annotation } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { AnnotationsService } from './annotations.service';
import { AnnotationsQueryDto, CreateAnnotationDto } from './annotations.dto';

@Controller('v1/annotations')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get()
  @ApiOkResponse({ type: [AnnotationResponse] })
  list(@Query() q: AnnotationsQueryDto): Promise<Annotation[]> {
    return this.annotations.list({ indicator: q.indicator || undefined, area: q.area || undefined });
  }

  @Post()
  @Can('annotations.create')
  @ApiCreatedResponse({ type: AnnotationResponse })
  create(@Body() body: CreateAnnotationDto, @CurrentPrincipal() p: Principal): Promise<Annotation> {
    return this.annotations.create(body, p.actor);
  }
}
