import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { AnnotationsController } from './annotations.controller';
import { AnnotationsRepository } from './annotations.repository';
import { AnnotationsService } from './annotations.service';

@Module({ imports: [AreasModule], controllers: [AnnotationsController], providers: [AnnotationsRepository, AnnotationsService], exports: [AnnotationsRepository, AnnotationsService] })
export class AnnotationsModule {}
