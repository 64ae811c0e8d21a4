import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { DetectionService } from './detection.service';
import { SignalSettingsController, SignalsController } from './signals.controller';
import { SignalsRepository } from './signals.repository';
import { SignalsService } from './signals.service';
import { AgendaRepository } from '../agenda/agenda.repository';

@Module({
  imports: [AnnotationsModule, DisclosureModule],
  controllers: [SignalsController, SignalSettingsController],
  providers: [SignalsRepository, SignalsService, DetectionService, AgendaRepository],
  exports: [SignalsRepository, SignalsService, DetectionService, AgendaRepository],
})
export class SignalsModule {}
