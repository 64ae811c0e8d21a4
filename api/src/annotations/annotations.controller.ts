import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import type { Annotation } from 'contracts';
import { CurrentPrincipal, Roles, type Principal } from '../common/principal';
import { AnnotationsService } from './annotations.service';
import { AnnotationsQueryDto, CreateAnnotationDto } from './annotations.dto';

@Controller('v1/annotations')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get()
  list(@Query() q: AnnotationsQueryDto): Promise<Annotation[]> {
    return this.annotations.list({ indicator: q.indicator || undefined, area: q.area || undefined });
  }

  @Post()
  @Roles('analyst', 'admin')
  create(@Body() body: CreateAnnotationDto, @CurrentPrincipal() p: Principal): Promise<Annotation> {
    return this.annotations.create(body, p.actor);
  }
}
