import type { Role, Signal } from 'contracts';
import type { SignalRow } from '../signals/signals.repository';
import type { SignalsService } from '../signals/signals.service';

/**
 * The one place alerting asks "what may this role see of these signals?": exactly what the API
 * answers that role — the signals service's presentation, which withholds every figure of a
 * signal that touches a cell the disclosure pattern hides (api/src/disclosure).
 */
export function discloseForRole(signals: SignalsService, rows: SignalRow[], role: Role): Promise<Signal[]> {
  return signals.present(rows, role);
}
