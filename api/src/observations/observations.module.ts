import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { ObservationsController } from './observations.controller';
import { ObservationsRepository } from './observations.repository';
import { ObservationsService } from './observations.service';

@Module({ imports: [AreasModule], controllers: [ObservationsController], providers: [ObservationsRepository, ObservationsService], exports: [ObservationsRepository, ObservationsService] })
export class ObservationsModule {}
