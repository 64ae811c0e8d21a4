import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { StandardCatalogue1764300000001 } from './1764300000001-standard-catalogue';
import { ObservationWritePath1764300000002 } from './1764300000002-observation-write-path';
import { DataVersion1765700000000 } from './1765700000000-data-version';
import { DisclosurePattern1766000000000 } from './1766000000000-disclosure-pattern';
import { AccessAndSessions1766200000000 } from './1766200000000-access-and-sessions';
import { SignalGroups1766300000000 } from './1766300000000-signal-groups';
import { Alerts1766500000000 } from './1766500000000-alerts';
import { ImportSummary1766600000000 } from './1766600000000-import-summary';
import { StatlineMapping1766600000001 } from './1766600000001-statline-mapping';
import { AreaSearch1766700000000 } from './1766700000000-area-search';
import { WorkLedger1766850000000 } from './1766850000000-work-ledger';
import { DecisionEffectDue1767000000000 } from './1767000000000-decision-effect-due';
import { CbsSources1767600000000 } from './1767600000000-cbs-sources';
import { IndicatorTopic1767700000000 } from './1767700000000-indicator-topic';
import { SignalJobs1767710000000 } from './1767710000000-signal-jobs';
import { DecisionOwnerDeadline1767730000000 } from './1767730000000-decision-owner-deadline';
import { DeliveryErrorCode1767800000000 } from './1767800000000-delivery-error-code';

/** All migrations in order; TypeORM runs those not yet recorded in its migrations table. */
export const MIGRATIONS = [
  InitialSchema1764300000000,
  StandardCatalogue1764300000001,
  ObservationWritePath1764300000002,
  DataVersion1765700000000,
  DisclosurePattern1766000000000,
  AccessAndSessions1766200000000,
  SignalGroups1766300000000,
  Alerts1766500000000,
  ImportSummary1766600000000,
  StatlineMapping1766600000001,
  AreaSearch1766700000000,
  WorkLedger1766850000000,
  DecisionEffectDue1767000000000,
  CbsSources1767600000000,
  IndicatorTopic1767700000000,
  SignalJobs1767710000000,
  DecisionOwnerDeadline1767730000000,
  DeliveryErrorCode1767800000000,
];
