import type { LocalizedText } from 'contracts';
import type { Lang } from '../core/signals/texts';

/**
 * The council panel's and the summary's sentences per language (issue 10 item 6): plain words, no
 * figures. A wording change or a third language is one entry here; the compiler refuses a
 * language that misses a sentence.
 */
export interface SummaryTexts {
  signal: {
    peerOutlierArea: (a: { area: string; indicator: string }) => string;
    peerOutlierUnit: (a: { area: string; indicator: string }) => string;
    risingTrend: (a: { area: string; indicator: string }) => string;
    leadingIndicator: (a: { area: string; indicator: string; follower: string }) => string;
    systemicPattern: (a: { where: string; indicator: string }) => string;
    stackedProblems: (a: { area: string }) => string;
    other: (a: { area: string; indicator: string }) => string;
  };
  change: (a: { indicator: string; how: 'strong' | 'up' | 'down'; good: boolean }) => string;
  basis: (period: string | null) => string;
  effect: { none: string; improved: string; worsened: string; unchanged: string; unknown: string; persists: string };
  decision: (a: { date: string; decision: string; effect: string }) => string;
}

const nl: SummaryTexts = {
  signal: {
    peerOutlierArea: ({ area, indicator }) => `In ${area} wijkt ${indicator} duidelijk af van vergelijkbare wijken.`,
    peerOutlierUnit: ({ area, indicator }) => `Bij ${area} wijkt ${indicator} duidelijk af van vergelijkbare instellingen.`,
    risingTrend: ({ area, indicator }) => `In ${area} stijgt ${indicator} meer dan gebruikelijk.`,
    leadingIndicator: ({ area, indicator, follower }) => `In ${area} stijgt ${indicator}; dat gaat vaak vooraf aan een stijging van ${follower}.`,
    systemicPattern: ({ where, indicator }) => `${indicator} stijgt in veel wijken van ${where} tegelijk.`,
    stackedProblems: ({ area }) => `In ${area} zijn meerdere onderwerpen tegelijk ongunstig, in meer dan één kwadrant.`,
    other: ({ area, indicator }) => `In ${area} valt ${indicator} op.`,
  },
  change: ({ indicator, how, good }) =>
    `${indicator} is ${how === 'strong' ? 'sterk gestegen, meer dan de gebruikelijke schommeling' : how === 'up' ? 'gestegen' : 'gedaald'}; dat is ${good ? 'gunstig' : 'ongunstig'}.`,
  basis: (period) =>
    `Gebaseerd op de meest recente cijfers per onderwerp${period ? ` (tot en met ${period})` : ''}. “Gestegen” en “gedaald” vergelijken de laatste periode met de periode ervoor.`,
  effect: {
    none: 'effect nog niet gemeten',
    improved: 'de indicator is verbeterd',
    worsened: 'de indicator is verslechterd',
    unchanged: 'nog geen duidelijke verandering',
    unknown: 'nog te vroeg om te meten',
    persists: '; het patroon houdt aan',
  },
  decision: ({ date, decision, effect }) => `Besluit (${date}): ${decision} — ${effect}`,
};

const en: SummaryTexts = {
  signal: {
    peerOutlierArea: ({ area, indicator }) => `In ${area}, ${indicator} differs clearly from similar areas.`,
    peerOutlierUnit: ({ area, indicator }) => `At ${area}, ${indicator} differs clearly from similar institutions.`,
    risingTrend: ({ area, indicator }) => `In ${area}, ${indicator} is rising more than usual.`,
    leadingIndicator: ({ area, indicator, follower }) => `In ${area}, ${indicator} is rising; that often comes before a rise in ${follower}.`,
    systemicPattern: ({ where, indicator }) => `${indicator} is rising in many areas of ${where} at once.`,
    stackedProblems: ({ area }) => `In ${area}, several topics are unfavourable at once, across more than one quadrant.`,
    other: ({ area, indicator }) => `In ${area}, ${indicator} stands out.`,
  },
  change: ({ indicator, how, good }) =>
    `${indicator} ${how === 'strong' ? 'rose sharply, beyond the usual fluctuation' : how === 'up' ? 'rose' : 'fell'}; that is ${good ? 'favourable' : 'unfavourable'}.`,
  basis: (period) => `Based on the most recent figures per topic${period ? ` (up to ${period})` : ''}. “Rose” and “fell” compare the latest period with the one before.`,
  effect: {
    none: 'effect not measured yet',
    improved: 'the indicator improved',
    worsened: 'the indicator worsened',
    unchanged: 'no clear change yet',
    unknown: 'too early to measure',
    persists: '; the pattern persists',
  },
  decision: ({ date, decision, effect }) => `Decision (${date}): ${decision} — ${effect}`,
};

export const SUMMARY_TEXTS: Readonly<Record<Lang, SummaryTexts>> = { nl, en };

/** The same sentence in every language the product speaks. */
export function inEveryLanguage(f: (t: SummaryTexts, l: Lang) => string): LocalizedText {
  return { nl: f(SUMMARY_TEXTS.nl, 'nl'), en: f(SUMMARY_TEXTS.en, 'en') };
}

