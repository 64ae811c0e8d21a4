import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import type { Annotation } from 'contracts';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { AnnotationsService, type AnnotationInput } from './annotations.service';

@Controller('v1/annotations')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get()
  list(@Query('indicator') indicator?: string, @Query('area') area?: string): Promise<Annotation[]> {
    return this.annotations.list({ indicator: indicator || undefined, area: area || undefined });
  }

  @Post()
  @Can('annotations.create')
  create(@Body() body: AnnotationInput, @CurrentPrincipal() p: Principal): Promise<Annotation> {
    return this.annotations.create(body ?? {}, p.actor);
  }
}
