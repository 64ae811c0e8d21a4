import { Global, Module } from '@nestjs/common';
import { WorkLedgerRepository } from './work-ledger.repository';
import { WorkLedgerService } from './work-ledger.service';

@Global()
@Module({ providers: [WorkLedgerRepository, WorkLedgerService], exports: [WorkLedgerService] })
export class WorkLedgerModule {}
