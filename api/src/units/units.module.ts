import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

@Module({ imports: [AreasModule], controllers: [UnitsController], providers: [UnitsRepository, UnitsService], exports: [UnitsRepository, UnitsService] })
export class UnitsModule {}
