import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { CbsSourcesRepository } from './cbs-sources.repository';
import { CbsSyncController } from './cbs-sync.controller';
import { CbsSyncService } from './cbs-sync.service';

/** Issue 16: CBS open-data tables synced through the import write path. */
@Module({
  imports: [ImportsModule, IndicatorsModule],
  controllers: [CbsSyncController],
  providers: [CbsSourcesRepository, CbsSyncService],
  exports: [CbsSyncService],
})
export class CbsSyncModule {}
