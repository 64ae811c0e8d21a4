import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { DomainEvents } from '../common/domain-events';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
/** Cross-cutting services every feature may inject: audit trail and domain events. */
@Module({ controllers: [AuditController], providers: [AuditService, DomainEvents, AuditRepository], exports: [AuditService, DomainEvents, AuditRepository] })
export class AuditModule {}
