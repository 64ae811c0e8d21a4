import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DatabaseHandle } from './database';

export const DATABASE_KIND = Symbol('DATABASE_KIND');

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(handle: DatabaseHandle): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useValue: handle.dataSource },
        { provide: DATABASE_KIND, useValue: handle.kind },
      ],
      exports: [DataSource, DATABASE_KIND],
    };
  }
}
