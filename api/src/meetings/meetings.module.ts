import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { SignalsModule } from '../signals/signals.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { AreasModule } from '../areas/areas.module';

@Module({
  imports: [SignalsModule, AnnotationsModule, AreasModule],
  controllers: [MeetingsController],
  providers: [MeetingsRepository, MeetingsService],
  exports: [MeetingsRepository],
})
export class MeetingsModule {}
