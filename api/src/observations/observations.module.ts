import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { FunnelService } from './funnel.service';
import { ObservationsController } from './observations.controller';
import { ObservationsRepository } from './observations.repository';
import { ObservationsService } from './observations.service';

@Module({ imports: [AreasModule, IndicatorsModule, DisclosureModule], controllers: [ObservationsController], providers: [ObservationsRepository, ObservationsService, FunnelService], exports: [ObservationsRepository, ObservationsService, DisclosureModule] })
export class ObservationsModule {}
