/**
 * The policy (issue 10 item 2): who may do and see what. The role table, the signal lifecycle and
 * the pure small-numbers rules are shared with the web (libs/contracts/src/policy.ts and
 * disclosure.ts); the server-only parts are here.
 */
export {
  ACTIVE_STATUSES, AUDIENCES, can, canTransition, COMMENT_REQUIRED, mayMoveInto, mayTransition, POLICY, ROLES, rolesWith, SIGNAL_TRANSITIONS,
  type Capability, type Role,
} from 'contracts';
export { Can, CAPABILITIES_KEY } from './capabilities';
export * from './disclosure';
