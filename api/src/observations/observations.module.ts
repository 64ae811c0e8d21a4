import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { FunnelService } from './funnel.service';
import { ObservationsController } from './observations.controller';
import { ObservationsRepository } from './observations.repository';
import { ObservationsService } from './observations.service';

@Module({ imports: [AreasModule, IndicatorsModule], controllers: [ObservationsController], providers: [ObservationsRepository, ObservationsService, FunnelService], exports: [ObservationsRepository, ObservationsService] })
export class ObservationsModule {}
