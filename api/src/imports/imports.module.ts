import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ObservationsModule } from '../observations/observations.module';
import { ImportsController, ObservationsImportController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { ObservationWriter } from './observation-writer';
import { StatlineMappingsController } from './statline-mappings.controller';
import { StatlineMappingsRepository } from './statline-mappings.repository';
import { StatlineMappingsService } from './statline-mappings.service';

@Module({
  imports: [IndicatorsModule, ObservationsModule],
  controllers: [ImportsController, ObservationsImportController, StatlineMappingsController],
  providers: [ImportsRepository, ImportsService, ObservationWriter, StatlineMappingsRepository, StatlineMappingsService],
  exports: [ImportsService, ImportsRepository],
})
export class ImportsModule {}
