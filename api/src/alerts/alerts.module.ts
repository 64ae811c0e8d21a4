import { Module } from '@nestjs/common';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { SignalsModule } from '../signals/signals.module';

/** Owners, subscriptions, mail, reminders, webhooks and the delivery log (issue 13). */
@Module({
  imports: [SignalsModule],
  controllers: [AlertsController],
  providers: [AlertsRepository, AlertsService],
  exports: [AlertsService],
})
export class AlertsModule {}
