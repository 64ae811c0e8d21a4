import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { AreasController } from './areas.controller';
import { AreasRepository } from './areas.repository';
import { AreasService } from './areas.service';

@Module({ imports: [DisclosureModule], controllers: [AreasController], providers: [AreasRepository, AreasService], exports: [AreasRepository, AreasService, DisclosureModule] })
export class AreasModule {}
