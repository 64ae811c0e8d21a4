import { Global, Module } from '@nestjs/common';
import { DomainEvents } from '../common/domain-events';
import { AuditService } from './audit.service';

@Global()
/** Cross-cutting services every feature may inject: audit trail and domain events. */
@Module({ providers: [AuditService, DomainEvents], exports: [AuditService, DomainEvents] })
export class AuditModule {}
