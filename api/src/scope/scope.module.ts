import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ScopeInterceptor } from './scope.interceptor';
import { ScopeRepository } from './scope.repository';

/** Municipality scope on every route (issue 12 §2): one global interceptor. */
@Module({ providers: [ScopeRepository, { provide: APP_INTERCEPTOR, useClass: ScopeInterceptor }] })
export class ScopeModule {}
