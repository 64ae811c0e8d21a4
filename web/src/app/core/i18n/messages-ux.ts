import { registerMessages } from './message-registry';

/**
 * Texts of orientation, header search and the "Hoe lees ik dit?" help (issue 15). Registered
 * when the shell loads (the shell imports this file).
 */
export const UX_NL = {
  'search.label': 'Zoeken',
  'search.placeholder': 'Gemeente, wijk, buurt of indicator',
  'search.hint': 'Typ minstens 2 letters; kies met de pijltjestoetsen en Enter.',
  'search.results': '{count} resultaten',
  'search.none': 'Niets gevonden voor “{query}”.',
  'search.error': 'Zoeken lukt nu niet.',
  'search.level.municipality': 'gemeente',
  'search.level.district': 'wijk',
  'search.level.neighbourhood': 'buurt',
  'search.indicator': 'indicator',
  'search.in': 'in {name}',
  'ux.noData': 'Er is (nog) geen data voor {name}. Kies een gemeente met data, bovenaan in de lijst.',
  'ux.noDataShort': 'Geen data',
  'ux.noSignalsInQuadrant': 'Geen open signalen in dit kwadrant.',
  'ux.homeMissing': 'Er is geen gemeente met data; laad eerst data op de Data-pagina.',
  'ux.withData': 'met data',
  'ux.suppressed': 'niet getoond (minder dan {n})',
  'ux.periodOf': 'cijfer van {period}',
  'ux.perPopulation': 'per {per} inwoners',
  'ux.measure.count': 'aantal',
  'ux.measure.mean': 'gemiddelde',
  'ux.base': '{n} inwoners of respondenten',
  'ux.baseCol': 'Basis (inwoners of respondenten)',
  'ux.smallBase': 'onzeker: kleine basis',
  'ux.smallBaseHint': 'Gemarkeerd “onzeker”: minder dan {n} inwoners of respondenten; zo’n cijfer schommelt sterk door toeval.',
  'ux.worstFirst': 'Gesorteerd met de ongunstigste wijken bovenaan.',
  'help.title': 'Hoe lees ik dit?',
  'help.overzicht.1':
    'De vier kwadranten komen uit het netwerkkwadrant van Integraal Werken in de Wijk: het sociale netwerk en het institutionele netwerk, elk individueel en collectief.',
  'help.overzicht.2':
    'I “In het persoonlijke leven” (individueel, sociaal), II “Tussen de regels” (individueel, institutioneel), III “In de wijk” (collectief, sociaal), IV “Aan de beleidstafel” (collectief, institutioneel). Elk kwadrant toont de open signalen en de vraag die erbij hoort.',
  'help.overzicht.3':
    'De kaart kleurt de wijken in vijf klassen van laag naar hoog; grijs betekent geen waarde. De tabel onder de kaart geeft dezelfde cijfers.',
  'help.verkenner.1':
    'Het trechterdiagram zet elke wijk uit naar omvang (aantal inwoners of respondenten, horizontaal) en waarde (verticaal). De lijn in het midden is het gemiddelde van alle wijken samen.',
  'help.verkenner.2':
    'De grenzen lopen als een trechter: kleine wijken schommelen van nature meer. Een wijk buiten de 95 %-grens is opvallend, buiten de 99,8 %-grens zeer opvallend — dezelfde grenzen die de signaalregels gebruiken.',
  'help.verkenner.3': 'Een wijk binnen de grenzen verschilt niet meer van de rest dan toeval kan verklaren.',
  'help.wijk.1':
    'Deze pagina toont de cijfers van één wijk of buurt, naast de mediaan van vergelijkbare gebieden, en de signalen die voor dit gebied open staan.',
  'help.wijk.2':
    'Een waarde die “niet getoond” is, rust op te weinig mensen (minder dan het minimum van die indicator): zo blijft niemand herkenbaar.',
  'help.certainty.1':
    'Zekerheidswoorden: “laag”, “middel” en “hoog” zeggen hoe sterk een signaal is, niet hoe erg de situatie is. “Hoog” betekent dat de afwijking ver buiten de gewone schommeling ligt.',
  'help.certainty.2':
    '“Binnen de grenzen” betekent: niet te onderscheiden van toeval; “buiten 95 %” opvallend; “buiten 99,8 %” zeer opvallend.',
} as const;

export type UxMessageKey = keyof typeof UX_NL;

export const UX_EN: Record<UxMessageKey, string> = {
  'search.label': 'Search',
  'search.placeholder': 'Municipality, district, neighbourhood or indicator',
  'search.hint': 'Type at least 2 letters; choose with the arrow keys and Enter.',
  'search.results': '{count} results',
  'search.none': 'Nothing found for “{query}”.',
  'search.error': 'Search is not available right now.',
  'search.level.municipality': 'municipality',
  'search.level.district': 'district',
  'search.level.neighbourhood': 'neighbourhood',
  'search.indicator': 'indicator',
  'search.in': 'in {name}',
  'ux.noData': 'There is no data (yet) for {name}. Choose a municipality with data, at the top of the list.',
  'ux.noDataShort': 'No data',
  'ux.noSignalsInQuadrant': 'No open signals in this quadrant.',
  'ux.homeMissing': 'No municipality has data yet; load data on the Data page first.',
  'ux.withData': 'with data',
  'ux.suppressed': 'not shown (fewer than {n})',
  'ux.periodOf': 'figure of {period}',
  'ux.perPopulation': 'per {per} inhabitants',
  'ux.measure.count': 'count',
  'ux.measure.mean': 'mean',
  'ux.base': '{n} inhabitants or respondents',
  'ux.baseCol': 'Base (inhabitants or respondents)',
  'ux.smallBase': 'uncertain: small base',
  'ux.smallBaseHint': 'Marked “uncertain”: fewer than {n} inhabitants or respondents; such a figure swings strongly by chance.',
  'ux.worstFirst': 'Sorted with the least favourable areas first.',
  'help.title': 'How do I read this?',
  'help.overzicht.1':
    'The four quadrants come from the network quadrant of the Dutch programme Integraal Werken in de Wijk: the social network and the institutional network, each individual and collective.',
  'help.overzicht.2':
    'I “In personal life” (individual, social), II “Between the rules” (individual, institutional), III “In the neighbourhood” (collective, social), IV “At the policy table” (collective, institutional). Each quadrant shows its open signals and its guiding question.',
  'help.overzicht.3':
    'The map colours the districts in five classes from low to high; grey means no value. The table below the map gives the same figures.',
  'help.verkenner.1':
    'The funnel plot places every district by size (residents or respondents, horizontal) and value (vertical). The line in the middle is the average of all districts together.',
  'help.verkenner.2':
    'The limits form a funnel: small districts vary more by nature. A district outside the 95 % limit is notable, outside the 99.8 % limit very notable — the same limits the signal rules use.',
  'help.verkenner.3': 'A district within the limits differs from the rest no more than chance can explain.',
  'help.wijk.1':
    'This page shows the figures of one district or neighbourhood, next to the median of comparable areas, and the signals open for this area.',
  'help.wijk.2':
    'A value “not shown” rests on too few people (fewer than that indicator’s minimum), so that nobody can be recognised.',
  'help.certainty.1':
    'Certainty words: “low”, “medium” and “high” say how strong a signal is, not how bad the situation is. “High” means the deviation lies far beyond the usual fluctuation.',
  'help.certainty.2': '“Within limits” means: indistinguishable from chance; “outside 95 %” notable; “outside 99.8 %” very notable.',
};

registerMessages(UX_NL, UX_EN);
