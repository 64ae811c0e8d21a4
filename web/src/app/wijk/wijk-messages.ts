import '../overzicht/overzicht-messages';
import { registerMessages } from '../core/i18n/i18n.service';

/** Texts of the wijk page's buurt map and level-aware peer labels (issue 15), Dutch first. */
export const WIJK_BUURT_NL = {
  'bmap.heading': 'Buurtkaart van {name}',
  'bmap.indicator': 'Kleur naar',
  'bmap.title': '{indicator} per buurt in {name}, {period}',
  'bmap.label': 'Kaart van de buurten van {name}. De tabel (knop hieronder) bevat dezelfde gegevens.',
  'bmap.noFigures': 'Voor deze buurten zijn nog geen cijfers ingelezen; de kaart toont hun ligging.',
  'col.peers.district': 'Wijken (mediaan)',
  'col.peers.neighbourhood': 'Buurten (mediaan)',
} as const;

export const WIJK_BUURT_EN: Record<keyof typeof WIJK_BUURT_NL, string> = {
  'bmap.heading': 'Neighbourhood map of {name}',
  'bmap.indicator': 'Colour by',
  'bmap.title': '{indicator} per neighbourhood in {name}, {period}',
  'bmap.label': 'Map of the neighbourhoods of {name}. The table (button below) holds the same data.',
  'bmap.noFigures': 'No figures have been loaded for these neighbourhoods yet; the map shows where they are.',
  'col.peers.district': 'Districts (median)',
  'col.peers.neighbourhood': 'Neighbourhoods (median)',
};

registerMessages(WIJK_BUURT_NL, WIJK_BUURT_EN);
