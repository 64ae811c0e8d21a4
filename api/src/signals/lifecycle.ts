/**
 * The history comments the system writes on a signal. The lifecycle itself (allowed moves, who
 * may make them, which need a comment) is the policy's: `SIGNAL_TRANSITIONS`, `mayMoveInto` and
 * `COMMENT_REQUIRED` in libs/contracts/src/policy.ts, shared with the web.
 */
export const PATTERN_ENDED = 'Patroon is verdwenen / pattern ended';
export const PATTERN_RETURNED = 'Patroon is terug / pattern returned';
export const DETECTED = 'Gevonden bij detectie / detected';
export const GROUPED = 'Onderdeel van een breder signaal / part of a broader signal';
export const UNGROUPED = 'Weer een eigen signaal: het bredere patroon is verdwenen / own signal again: the broader pattern ended';
