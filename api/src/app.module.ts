import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AlertsModule } from './alerts/alerts.module';
import { AnnotationsModule } from './annotations/annotations.module';
import { AreasModule } from './areas/areas.module';
import { MeetingsModule } from './meetings/meetings.module';
import { QuadrantsModule } from './quadrants/quadrants.module';
import { ReadCacheModule } from './read-cache/read-cache.module';
import { ScopeModule } from './scope/scope.module';
import { SignalsModule } from './signals/signals.module';
import { SummaryModule } from './summary/summary.module';
import { AuditModule } from './audit/audit.module';
import { CbsSyncModule } from './cbs-sync/cbs-sync.module';
import { WorkLedgerModule } from './work-ledger/work-ledger.module';
import { AuthGuard } from './auth/auth.guard';
import { HttpExceptionFilter } from './common/http-exception.filter';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import type { DatabaseHandle } from './database/database';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { ImportsModule } from './imports/imports.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { ObservationsModule } from './observations/observations.module';
import { UnitsModule } from './units/units.module';
import { StartupService } from './startup/startup.service';
import { UsersModule } from './users/users.module';
import { AuthModule } from './auth/auth.module';
import { ApiKeysModule } from './api-keys/api-keys.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseHandle): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database),
        AuditModule,
        WorkLedgerModule,
        // The secret as a KeyObject made once: given a string, jsonwebtoken first tries it as a public key on every
        // verify (a thrown and caught error), which was a third of a cached read's CPU (bench:api profile).
        JwtModule.register({
          global: true,
          secret: createSecretKey(Buffer.from(config.jwtSecret)),
          signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        // Feature modules (one folder each: module, controller, service, repository):
        AuthModule,
        UsersModule,
        ApiKeysModule,
        AreasModule,
        IndicatorsModule,
        UnitsModule,
        ObservationsModule,
        ImportsModule,
        CbsSyncModule,
        AnnotationsModule,
        SignalsModule,
        MeetingsModule,
        QuadrantsModule,
        SummaryModule,
        ScopeModule,
        ReadCacheModule,
        AlertsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        StartupService,
      ],
    };
  }
}
