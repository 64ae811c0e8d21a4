import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { SignalsModule } from '../signals/signals.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [SignalsModule, AnnotationsModule],
  controllers: [MeetingsController],
  providers: [MeetingsRepository, MeetingsService],
  exports: [MeetingsRepository],
})
export class MeetingsModule {}
