import { Module } from '@nestjs/common';
import { AreasController } from './areas.controller';
import { AreasRepository } from './areas.repository';
import { AreasService } from './areas.service';
import { AreaSearchRepository } from './area-search.repository';
import { AreaSearchService } from './area-search.service';

@Module({ controllers: [AreasController], providers: [AreasRepository, AreasService, AreaSearchRepository, AreaSearchService], exports: [AreasRepository, AreasService] })
export class AreasModule {}
