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
    '“Niet getoond (minder dan N)” betekent: het cijfer rust op minder dan N mensen, het minimum van die indicator, en blijft verborgen zodat niemand herkenbaar is. Staat er “cijfer van” een andere periode bij, dan is dat cijfer ouder of nieuwer dan de periode van de pagina.',
  'help.quadrants':
    'De vier kwadranten van het netwerkkwadrant: I “In het persoonlijke leven” (individueel, sociaal), II “Tussen de regels” (individueel, institutioneel), III “In de wijk” (collectief, sociaal) en IV “Aan de beleidstafel” (collectief, institutioneel).',
  'help.wijken.1':
    'Deze pagina zet de wijken van de gekozen gemeente onder elkaar; klap een wijk open om haar buurten te zien. Klik op een naam voor de cijfers van die wijk of buurt in de vier kwadranten.',
  'help.wijken.2':
    'De grafiek telt per wijk de buurten; de tabel eronder geeft hetzelfde in cijfers. Welke wijken en buurten er zijn, komt uit het gebiedsregister van het CBS.',
  'help.signalen.1':
    'Een signaal is een patroon in de cijfers dat op een gezamenlijk probleem kan wijzen: een gebied of school die ver boven vergelijkbare uitkomt, een cijfer dat kwartalen achter elkaar stijgt, of problemen die zich in één wijk opstapelen.',
  'help.signalen.2':
    'Elk signaal hoort bij een kwadrant en volgt een vaste weg: open, geïnterpreteerd, geagendeerd, besloten, monitoren en gesloten (of afgewezen). Zo verdwijnt geen signaal in een la. Filter op status, regel, kwadrant, gebied of indicator.',
  'help.signaal.1':
    'Bovenaan staan de feiten: ernst, status, kwadrant, regel, periode en de gebieden of voorzieningen waar het om gaat. Daaronder leest u wat er opvalt en welke vraag het signaal aan tafel legt.',
  'help.signaal.2':
    'De grafiek is het bewijs: het gebied tegenover vergelijkbare gebieden, of het verloop in de tijd met de gewone schommeling eromheen. Met de knoppen onderaan zet u het signaal een stap verder; elke stap komt in de geschiedenis, met wie en wanneer.',
  'help.beleidstafel.1':
    'De beleidstafel is het overleg waar signalen over gezamenlijke problemen worden besproken, vooral die uit kwadrant IV “Aan de beleidstafel”: drempels in regels en voorzieningen. Plan hier een overleg en zet geïnterpreteerde signalen op de agenda.',
  'help.beleidstafel.2':
    'Per agendapunt legt u het besluit vast, met een eigenaar, een uiterste datum en een datum om het effect te meten. Na die datum toont Wijksignaal of het patroon is verdwenen, zodat een besluit niet op papier blijft.',
  'help.raad.1':
    'Dit overzicht is voor de gemeenteraad: per kwadrant hoogstens drie punten die opvallen en drie die veranderden, in gewone woorden en zonder cijfers. Klik op een punt voor het gebied waar het over gaat.',
  'help.raad.2':
    '“Sterk gestegen” staat er alleen als de stijging groter is dan de gewone schommeling. “Niets bijzonders” betekent dat er cijfers zijn en niets opvalt; zijn er voor een gemeente geen cijfers, dan staat dat er. Onderaan leest u wat er met de signalen aan de beleidstafel is gebeurd.',
  'help.data.1':
    'Hier komen de cijfers binnen: een CSV in lang formaat, een ongewijzigde CBS StatLine-download of een gekoppelde tabel uit de open data van het CBS. U ziet eerst een voorbeeld met eventuele fouten per regel; pas na bevestigen wordt het bestand opgeslagen, helemaal of helemaal niet.',
  'help.data.2':
    'Verder op de pagina: de geschiedenis van alle imports (wie, wanneer, wat er veranderde), de indicatorcatalogus, de instellingen van de signaalregels, de wijk- en buurtgrenzen voor de kaarten en de laatste signaalberekeningen.',
  'help.meldingen.1':
    'Meldingen houden u op de hoogte van nieuwe signalen over de gebieden en kwadranten die u volgt: direct per signaal, of verzameld per dag, week of maand. Zonder eigen keuze geldt de standaard van uw rol, rond uw eigen gemeente.',
  'help.meldingen.2':
    'Kies de gebieden, kwadranten, regels en de minimale ernst waarover u bericht wilt krijgen. Met “Uit” stoppen de e-mails; de signalenlijst blijft alles tonen.',
  'help.beheer.1':
    'Hier beheert u wie Wijksignaal gebruikt: per gebruiker de rol (wat iemand mag), de thuisgemeente (waar iemand na het inloggen begint) en de gemeenten waartoe iemand toegang heeft.',
  'help.beheer.2':
    'Verder: API-sleutels voor systemen die cijfers aanleveren, webhooks voor andere systemen en het logboek van wie wat wanneer deed. De rol van de raad ziet nooit kleine aantallen.',
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
    '“Not shown (fewer than N)” means: the figure rests on fewer than N people, that indicator’s minimum, and stays hidden so that nobody can be recognised. A “figure of” another period is older or newer than the page’s period.',
  'help.quadrants':
    'The four quadrants of the network quadrant: I “In personal life” (individual, social), II “Between the rules” (individual, institutional), III “In the neighbourhood” (collective, social) and IV “At the policy table” (collective, institutional).',
  'help.wijken.1':
    'This page lists the districts of the chosen municipality; open a district to see its neighbourhoods. Click a name for the figures of that district or neighbourhood in the four quadrants.',
  'help.wijken.2':
    'The chart counts the neighbourhoods per district; the table below gives the same in figures. The districts and neighbourhoods come from the area register of CBS (Statistics Netherlands).',
  'help.signalen.1':
    'A signal is a pattern in the figures that may point at a shared problem: an area or school far above comparable ones, a figure rising quarter after quarter, or problems piling up in one neighbourhood.',
  'help.signalen.2':
    'Each signal belongs to a quadrant and follows a fixed path: open, interpreted, on the agenda, decided, monitoring and closed (or dismissed). That way no signal disappears in a drawer. Filter by status, rule, quadrant, area or indicator.',
  'help.signaal.1':
    'At the top are the facts: severity, status, quadrant, rule, period and the areas or facilities concerned. Below, you read what stands out and which question the signal puts on the table.',
  'help.signaal.2':
    'The chart is the evidence: the area against comparable areas, or the course over time with the usual fluctuation around it. The buttons at the bottom move the signal a step further; every step goes into the history, with who and when.',
  'help.beleidstafel.1':
    'The policy table is the meeting where signals about shared problems are discussed, above all those of quadrant IV “At the policy table”: barriers in rules and services. Plan a meeting here and put interpreted signals on its agenda.',
  'help.beleidstafel.2':
    'For each agenda item you record the decision, with an owner, a deadline and a date to measure its effect. After that date Wijksignaal shows whether the pattern has gone, so that a decision does not stay on paper.',
  'help.raad.1':
    'This overview is for the municipal council: per quadrant at most three points that stand out and three that changed, in plain words and without figures. Click a point for the area it is about.',
  'help.raad.2':
    '“Rose sharply” appears only when the rise is beyond the usual fluctuation. “Nothing in particular” means there are figures and nothing stands out; when a municipality has no figures, the panel says so. At the bottom you read what happened to the signals at the policy table.',
  'help.data.1':
    'This is where the figures come in: a CSV in the long format, an unmodified CBS StatLine download or a linked table from the CBS open data. You first see a preview with any errors per line; only after you confirm is the file stored, entirely or not at all.',
  'help.data.2':
    'Further down: the history of all imports (who, when, what changed), the indicator catalogue, the settings of the signal rules, the district and neighbourhood boundaries for the maps and the latest signal runs.',
  'help.meldingen.1':
    'Notifications keep you informed of new signals about the areas and quadrants you follow: immediately per signal, or collected per day, week or month. Without a choice of your own, your role’s default applies, around your own municipality.',
  'help.meldingen.2':
    'Choose the areas, quadrants, rules and the minimum severity you want to hear about. “Off” stops the e-mails; the signal list keeps showing everything.',
  'help.beheer.1':
    'Here you manage who uses Wijksignaal: per user the role (what they may do), the home municipality (where they start after signing in) and the municipalities they have access to.',
  'help.beheer.2':
    'Further: API keys for systems that deliver figures, webhooks for other systems and the log of who did what and when. The council role never sees small numbers.',
  'help.certainty.1':
    'Certainty words: “low”, “medium” and “high” say how strong a signal is, not how bad the situation is. “High” means the deviation lies far beyond the usual fluctuation.',
  'help.certainty.2': '“Within limits” means: indistinguishable from chance; “outside 95 %” notable; “outside 99.8 %” very notable.',
};

registerMessages(UX_NL, UX_EN);
