import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataVersionRepository } from './data-version.repository';
import { ReadCacheInterceptor } from './read-cache.interceptor';

@Module({
  providers: [DataVersionRepository, { provide: APP_INTERCEPTOR, useClass: ReadCacheInterceptor }],
  exports: [DataVersionRepository],
})
export class ReadCacheModule {}
