/** The four quadrants of the netwerkkwadrant. */
export const QUADRANTS = ['I', 'II', 'III', 'IV'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const AREA_LEVELS = ['country', 'municipality', 'district', 'neighbourhood'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const MEASURES = ['count', 'proportion', 'rate', 'mean'] as const;
export type Measure = (typeof MEASURES)[number];

export const POLARITIES = ['higher-is-worse', 'higher-is-better'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const SUBJECT_KINDS = ['area', 'unit'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const RULES = ['peer-outlier', 'rising-trend', 'leading-indicator', 'systemic-pattern', 'stacked-problems'] as const;
export type RuleName = (typeof RULES)[number];

export const SIGNAL_STATUSES = ['open', 'interpreted', 'on-agenda', 'decided', 'monitoring', 'closed', 'dismissed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/**
 * What an indicator counts, where a rule's text depends on it (issue 10 item 9): a leading
 * indicator of payment arrears before evictions asks about the housing corporation; an outlier in
 * referrals is worded as referrals. Null for every other indicator.
 */
export const INDICATOR_TOPICS = ['evictions', 'payment-arrears', 'referrals'] as const;
export type IndicatorTopic = (typeof INDICATOR_TOPICS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Granularity = 'year' | 'quarter' | 'month';
export type ObservationStatus = 'final' | 'provisional';

export interface LocalizedText {
  nl: string;
  en: string;
}

/** Static texts of the quadrant model (docs/design.md section 1, from the essay "Werken in netwerken"). */
export interface QuadrantInfo {
  id: Quadrant;
  perspective: 'individual' | 'collective';
  context: 'social' | 'institutional';
  name: LocalizedText;
  keyConcept: LocalizedText;
  inclusionQuestion: LocalizedText;
  counters: LocalizedText;
  teamTask: LocalizedText;
}

export const QUADRANT_INFO: Record<Quadrant, QuadrantInfo> = {
  I: {
    id: 'I',
    perspective: 'individual',
    context: 'social',
    name: { nl: 'In het persoonlijke leven', en: 'In personal life' },
    keyConcept: { nl: 'Prettig leven in eigen kring (ubuntu)', en: 'A good life in one’s own circle (ubuntu)' },
    inclusionQuestion: { nl: 'Word ik gezien, ben ik van betekenis?', en: 'Am I seen, do I matter?' },
    counters: { nl: 'Ernstige eenzaamheid en isolement', en: 'Severe loneliness and isolation' },
    teamTask: { nl: 'Contextgericht helpen, samen', en: 'Context-oriented help, together' },
  },
  II: {
    id: 'II',
    perspective: 'individual',
    context: 'institutional',
    name: { nl: 'Tussen de regels', en: 'Between the rules' },
    keyConcept: { nl: 'Toegankelijkheid', en: 'Accessibility' },
    inclusionQuestion: {
      nl: 'Kan ik meedoen en mijn plaats als burger innemen?',
      en: 'Can I take part and take my place as a citizen?',
    },
    counters: { nl: 'Gebrek aan bestaanszekerheid en participatie', en: 'Lack of livelihood security and participation' },
    teamTask: { nl: 'Toegang met een brede blik, samen', en: 'Access with a broad view, together' },
  },
  III: {
    id: 'III',
    perspective: 'collective',
    context: 'social',
    name: { nl: 'In de wijk', en: 'In the neighbourhood' },
    keyConcept: { nl: 'Leefbaarheid en sociale samenhang', en: 'Liveability and social cohesion' },
    inclusionQuestion: { nl: 'Kunnen we omgaan met variatie?', en: 'Can we deal with diversity?' },
    counters: { nl: 'Uitsluiting en discriminatie', en: 'Exclusion and discrimination' },
    teamTask: { nl: 'De kracht van de wijk benutten en versterken', en: 'Use and strengthen the strength of the neighbourhood' },
  },
  IV: {
    id: 'IV',
    perspective: 'collective',
    context: 'institutional',
    name: { nl: 'Aan de beleidstafel', en: 'At the policy table' },
    keyConcept: { nl: 'Rechtvaardigheid', en: 'Justice' },
    inclusionQuestion: {
      nl: 'Hebben we het eerlijk ingericht, zijn de kansen eerlijk verdeeld?',
      en: 'Have we organised it fairly, are opportunities fairly distributed?',
    },
    counters: { nl: 'Sociaaleconomische tweedeling', en: 'Socio-economic divide' },
    teamTask: {
      nl: 'Beleid kennen, adviseren over verbeteren en vereenvoudigen, kwesties agenderen',
      en: 'Know policy, advise to improve and simplify, raise issues',
    },
  },
};

/** How often a registered CBS open-data table is synced (issue 16). */
export const CBS_SCHEDULES = ['manual', 'daily', 'weekly', 'monthly'] as const;
