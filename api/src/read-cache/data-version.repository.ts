import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { freshRead } from './fresh-read';

/** The data version (migration 1765700000000): it moves at the commit of every change that answers read. */
@Injectable()
export class DataVersionRepository {
  constructor(private readonly db: DataSource) {}

  /** The version now: read after the call, shared with the calls that arrive while a read runs. */
  readonly current: () => Promise<string> = freshRead(async () => {
    const rows: { version: string }[] = await this.db.query(`SELECT version::text AS version FROM data_version WHERE id = 1`);
    return rows[0]?.version ?? '0';
  });
}
