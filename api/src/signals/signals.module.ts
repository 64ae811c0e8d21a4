import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { DetectionService } from './detection.service';
import { SignalSettingsController, SignalsController } from './signals.controller';
import { SignalsRepository } from './signals.repository';
import { SignalsService } from './signals.service';
import { SignalJobsRepository } from './signal-jobs.repository';
import { SignalJobsService } from './signal-jobs.service';
import { AgendaRepository } from '../agenda/agenda.repository';

@Module({
  imports: [AnnotationsModule, DisclosureModule],
  controllers: [SignalsController, SignalSettingsController],
  providers: [SignalsRepository, SignalsService, DetectionService, AgendaRepository, SignalJobsRepository, SignalJobsService],
  exports: [SignalsRepository, SignalsService, DetectionService, AgendaRepository],
})
export class SignalsModule {}
