import type { Role, Signal } from 'contracts';
import type { SignalRow } from '../signals/signals.repository';
import { toSignal } from '../signals/present';

/**
 * The one place alerting asks "what may this role see of this signal?". It answers exactly what
 * the API answers that role (today `toSignal` from signals/present.ts, which strips numbers for
 * restricted roles); when disclosure moves to its own module, re-point this function only.
 */
export function discloseForRole(row: SignalRow, role: Role): Signal {
  return toSignal(row, role);
}
