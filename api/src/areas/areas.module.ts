import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { AreasController } from './areas.controller';
import { AreasRepository } from './areas.repository';
import { AreasService } from './areas.service';
import { AreaSearchRepository } from './area-search.repository';
import { AreaSearchService } from './area-search.service';

@Module({ imports: [DisclosureModule], controllers: [AreasController], providers: [AreasRepository, AreasService, AreaSearchRepository, AreaSearchService], exports: [AreasRepository, AreasService, DisclosureModule] })
export class AreasModule {}
