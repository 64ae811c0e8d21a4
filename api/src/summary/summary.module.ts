import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { QuadrantsModule } from '../quadrants/quadrants.module';
import { SignalsModule } from '../signals/signals.module';
import { UnitsModule } from '../units/units.module';
import { SummaryController } from './summary.controller';
import { SummaryService } from './summary.service';

@Module({ imports: [SignalsModule, QuadrantsModule, MeetingsModule, UnitsModule], controllers: [SummaryController], providers: [SummaryService] })
export class SummaryModule {}
