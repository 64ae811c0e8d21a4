import { registerMessages } from '../core/i18n/i18n.service';

/** Texts of the Overzicht's buurt map (issue 15), Dutch first. */
export const OVERZICHT_BUURT_NL = {
  'ovz.level': 'Kaart van',
  'ovz.level.district': 'Wijken',
  'ovz.level.neighbourhood': 'Buurten',
  'ovz.col.neighbourhood': 'Buurt',
  'ovz.mapTitleBuurt': '{indicator} per buurt in {name}, {period}',
  'ovz.mapLabelBuurt': 'Kaart van de buurten van {name}, gekleurd naar {indicator}. De tabel hieronder bevat dezelfde gegevens.',
  'ovz.noBuurtData': 'Voor de buurten van {name} zijn nog geen cijfers ingelezen.',
  'ovz.toWijken': 'Naar de kaart van de wijken',
  'ovz.worstFirstBuurt': 'Gesorteerd met de ongunstigste buurten bovenaan.',
  'ovz.noBuurtBoundaries': 'Voor deze gemeente zijn nog geen buurtgrenzen ingelezen (Data, "Grenzen van wijken en buurten"); de tabel toont de waarden.',
} as const;

export const OVERZICHT_BUURT_EN: Record<keyof typeof OVERZICHT_BUURT_NL, string> = {
  'ovz.level': 'Map of',
  'ovz.level.district': 'Districts (wijken)',
  'ovz.level.neighbourhood': 'Neighbourhoods (buurten)',
  'ovz.col.neighbourhood': 'Neighbourhood',
  'ovz.mapTitleBuurt': '{indicator} per neighbourhood in {name}, {period}',
  'ovz.mapLabelBuurt': 'Map of the neighbourhoods of {name}, coloured by {indicator}. The table below holds the same data.',
  'ovz.noBuurtData': 'No figures have been loaded for the neighbourhoods of {name} yet.',
  'ovz.toWijken': 'To the map of the districts',
  'ovz.worstFirstBuurt': 'Sorted with the least favourable neighbourhoods first.',
  'ovz.noBuurtBoundaries': 'No neighbourhood boundaries have been loaded for this municipality yet (Data, "Wijk and buurt boundaries"); the table shows the values.',
};

registerMessages(OVERZICHT_BUURT_NL, OVERZICHT_BUURT_EN);
