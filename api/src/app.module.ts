import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AreasController } from './areas/areas.controller';
import { AreasRepository } from './areas/areas.repository';
import { AreasService } from './areas/areas.service';
import { AuditModule } from './audit/audit.module';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import type { DatabaseHandle } from './database/database';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { StartupService } from './startup/startup.service';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseHandle): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(database),
        AuditModule,
        JwtModule.register({ global: true, secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtlSeconds } }),
      ],
      controllers: [HealthController, AuthController, UsersController, ApiKeysController, AreasController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        AuthService,
        UsersRepository,
        UsersService,
        ApiKeysService,
        AreasRepository,
        AreasService,
        StartupService,
      ],
    };
  }
}
