import { Module } from '@nestjs/common';
import { AnnotationsController } from './annotations.controller';
import { AnnotationsRepository } from './annotations.repository';
import { AnnotationsService } from './annotations.service';

@Module({ controllers: [AnnotationsController], providers: [AnnotationsRepository, AnnotationsService], exports: [AnnotationsRepository, AnnotationsService] })
export class AnnotationsModule {}
