import { registerMessages } from '../core/i18n/i18n.service';

/** Texts of a decision's owner, deadline and follow-up (issue 15), Dutch first. */
export const DECISION_NL = {
  'decision.owner': 'Eigenaar',
  'decision.noOwner': 'Nog geen eigenaar',
  'decision.ownerHint': 'Wie zorgt dat het besluit wordt uitgevoerd; deze persoon krijgt ook de herinnering om het effect te meten.',
  'decision.deadline': 'Uitgevoerd uiterlijk',
  'decision.deadlineHint': 'Op of na de datum van de vergadering.',
  'decision.edit': 'Besluit wijzigen',
  'decision.facts': 'Afspraken bij het besluit',
};
export type DecisionMessageKey = keyof typeof DECISION_NL;
export const DECISION_EN: Record<DecisionMessageKey, string> = {
  'decision.owner': 'Owner',
  'decision.noOwner': 'No owner yet',
  'decision.ownerHint': 'Who sees to it that the decision is carried out; this person is also reminded to measure the effect.',
  'decision.deadline': 'Carried out by',
  'decision.deadlineHint': 'On or after the date of the meeting.',
  'decision.edit': 'Change the decision',
  'decision.facts': 'What was agreed with the decision',
};
registerMessages(DECISION_NL, DECISION_EN);
