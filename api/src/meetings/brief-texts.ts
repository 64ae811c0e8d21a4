import type { RuleName, Severity, SignalStatus } from 'contracts';
import type { Lang } from '../core/signals/texts';

/**
 * The brief's words per language (issue 10 item 6): the HTML print brief and the PDF read the
 * same catalogue, and the compiler refuses a language that misses a label, a rule or a status.
 */
export interface BriefTexts {
  brief: string; area: string; date: string; item: string; see: string; quadrant: string;
  inclusion: string; interpretation: string; none: string; question: string;
  notes: string; decision: string; effect: string; status: string; noItems: string;
  improved: string; worsened: string; unchanged: string; unknown: string;
  persists: string; before: string; after: string; chart: string; generated: string;
  severity: Record<Severity, string>;
  rule: Record<RuleName, string>;
  statusName: Record<SignalStatus, string>;
  top: string; subject: string; value: string; period: string; change: string; score: string;
  source: string; page: string;
  owner: string; deadline: string; followUp: string; noOwner: string;
  severityLabel: string; decisionMark: string; indicator: string; afterData: string; unavailable: string;
  hidden: (min: number) => string;
}

const nl: BriefTexts = {
    brief: 'Notitie voor de beleidstafel', area: 'Gebied', date: 'Datum', item: 'Agendapunt', see: 'Wat we zien', quadrant: 'Kwadrant',
    inclusion: 'Inclusievraag', interpretation: 'Duiding door het team', none: 'Nog geen duiding vastgelegd.', question: 'Vraag aan de beleidstafel',
    notes: 'Toelichting', decision: 'Besluit', effect: 'Gemeten effect', status: 'Status', noItems: 'Er staan nog geen punten op de agenda.',
    improved: 'verbeterd', worsened: 'verslechterd', unchanged: 'geen duidelijke verandering', unknown: 'nog niet te meten',
    persists: 'Let op: het patroon houdt aan na het besluit.', before: 'voor', after: 'na', chart: 'Grafiek', generated: 'Gemaakt op',
    severity: { low: 'laag', medium: 'middel', high: 'hoog' },
    rule: {
      'peer-outlier': 'Afwijkend van vergelijkbare gebieden', 'rising-trend': 'Stijgende lijn', 'leading-indicator': 'Voorbode',
      'systemic-pattern': 'Patroon in veel gebieden', 'stacked-problems': 'Gestapelde problemen',
    },
    statusName: {
      open: 'open', interpreted: 'geduid', 'on-agenda': 'op de agenda', decided: 'besloten', monitoring: 'wordt gevolgd', closed: 'afgesloten', dismissed: 'terzijde gelegd',
    },
    top: 'De tien belangrijkste rijen', subject: 'Gebied of school', value: 'Waarde', period: 'Periode', change: 'Verandering', score: 'Afwijking (z)',
    source: 'Bron: Wijksignaal; cijfers onder het onthullingsminimum zijn niet getoond.', page: 'Pagina',
  owner: 'Eigenaar', deadline: 'Uitgevoerd uiterlijk', followUp: 'Opvolging (effect meten)', noOwner: 'nog niemand',
  severityLabel: 'Ernst', decisionMark: 'Besluit', indicator: 'Indicator', afterData: 'na de laatste gegevens', unavailable: 'Dit signaal is voor u niet beschikbaar.',
  hidden: (min) => `niet getoond (minder dan ${min})`,
  };

const en: BriefTexts = {
    brief: 'Brief for the policy table', area: 'Area', date: 'Date', item: 'Agenda item', see: 'What we see', quadrant: 'Quadrant',
    inclusion: 'Inclusion question', interpretation: 'The team’s interpretation', none: 'No interpretation recorded yet.', question: 'Question for the policy table',
    notes: 'Notes', decision: 'Decision', effect: 'Measured effect', status: 'Status', noItems: 'There are no items on the agenda yet.',
    improved: 'improved', worsened: 'worsened', unchanged: 'no clear change', unknown: 'not measurable yet',
    persists: 'Note: the pattern persists after the decision.', before: 'before', after: 'after', chart: 'Chart', generated: 'Generated on',
    severity: { low: 'low', medium: 'medium', high: 'high' },
    rule: {
      'peer-outlier': 'Different from comparable areas', 'rising-trend': 'Rising trend', 'leading-indicator': 'Early warning',
      'systemic-pattern': 'Pattern across many areas', 'stacked-problems': 'Stacked problems',
    },
    statusName: {
      open: 'open', interpreted: 'interpreted', 'on-agenda': 'on the agenda', decided: 'decided', monitoring: 'being monitored', closed: 'closed', dismissed: 'set aside',
    },
    top: 'The ten rows that matter most', subject: 'Area or school', value: 'Value', period: 'Period', change: 'Change', score: 'Deviation (z)',
    source: 'Source: Wijksignaal; figures below the disclosure minimum are not shown.', page: 'Page',
  owner: 'Owner', deadline: 'Carried out by', followUp: 'Follow-up (measure the effect)', noOwner: 'nobody yet',
  severityLabel: 'Severity', decisionMark: 'Decision', indicator: 'Indicator', afterData: 'after the latest data', unavailable: 'This signal is not available to you.',
  hidden: (min) => `not shown (fewer than ${min})`,
  };

export const BRIEF_TEXTS: Readonly<Record<Lang, BriefTexts>> = { nl, en };
