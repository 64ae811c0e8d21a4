import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { StandardCatalogue1764300000001 } from './1764300000001-standard-catalogue';
import { ObservationWritePath1764300000002 } from './1764300000002-observation-write-path';
import { DataVersion1765700000000 } from './1765700000000-data-version';
import { Alerts1766500000000 } from './1766500000000-alerts';

/** All migrations in order; TypeORM runs those not yet recorded in its migrations table. */
export const MIGRATIONS = [InitialSchema1764300000000, StandardCatalogue1764300000001, ObservationWritePath1764300000002,
  DataVersion1765700000000,
  Alerts1766500000000,
];
