import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { SignalsModule } from '../signals/signals.module';
import { QuadrantsController } from './quadrants.controller';
import { QuadrantsRepository } from './quadrants.repository';
import { QuadrantsService } from './quadrants.service';

@Module({
  imports: [SignalsModule, DisclosureModule],
  controllers: [QuadrantsController],
  providers: [QuadrantsRepository, QuadrantsService],
  exports: [QuadrantsService],
})
export class QuadrantsModule {}
