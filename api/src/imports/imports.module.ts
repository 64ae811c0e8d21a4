import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ObservationsModule } from '../observations/observations.module';
import { ImportsController, ObservationsImportController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

@Module({
  imports: [IndicatorsModule, ObservationsModule],
  controllers: [ImportsController, ObservationsImportController],
  providers: [ImportsRepository, ImportsService],
  exports: [ImportsService, ImportsRepository],
})
export class ImportsModule {}
