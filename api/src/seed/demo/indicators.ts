/**
 * Demo indicator catalogue: the standard six (with the demo's source and StatLine column) plus the
 * indicators of the real ELAN and Gezondheidsmonitor series and one synthetic quadrant-IV figure.
 * Shape = contracts `Indicator`; POST these to /api/v1/indicators (upsert by code) before any data.
 */
import type { Indicator } from 'contracts';

/** Exact `source` of every indicator whose demo data is generated (the UI keys on this string). */
export const SYNTHETIC_SOURCE = 'synthetic demo data';
export const ELAN_SOURCE =
  'ELAN / LUMC Health Campus Den Haag, wijkprofielen (elan-dcc/wijkprofielen, df_count_ver_3.csv), from CBS microdata';
export const ELAN_LICENCE = 'MIT (elan-dcc/wijkprofielen); derived from CBS microdata — Bron: CBS, ELAN';
export const GEZONDHEID_SOURCE =
  'RIVM/GGD’en/CBS Gezondheidsmonitor Volwassenen en Ouderen, Gezondheid per wijk en buurt (StatLine)';
export const CBS_LICENCE = 'CC BY 4.0 — Bron: CBS';

/** Exact StatLine headers of the Gezondheid per wijk en buurt file. */
export const GEZONDHEID_COLUMNS = {
  loneliness: 'Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)',
  psychologicalComplaints: 'Psychische klachten (%)',
  anxietyDepression: 'Hoog risico op angst of depressie (%)',
  lowResilience: 'Veerkracht/(Zeer) lage veerkracht (%)',
  goodHealth: 'Ervaren gezondheid (goed/zeer goed) (%)',
} as const;

type IndicatorDraft = Omit<Indicator, 'minCount' | 'leadsTo'> & Partial<Pick<Indicator, 'minCount' | 'leadsTo'>>;
const ind = (d: IndicatorDraft): Indicator => ({ minCount: 5, leadsTo: [], per: null, statlineColumn: null, ...d });

const synthetic = { source: SYNTHETIC_SOURCE, licence: null } as const;
const elan = { source: ELAN_SOURCE, licence: ELAN_LICENCE } as const;
const gezondheid = { source: GEZONDHEID_SOURCE, licence: CBS_LICENCE } as const;

/** The standard six as the demo fills them (same codes, quadrants and measures as docs/design.md §4). */
export const demoStandardIndicators: Indicator[] = [
  ind({
    code: 'youth-care-referrals', name: { nl: 'Verwijzingen naar jeugdhulp per school', en: 'Youth care referrals per school' },
    description: 'Leerlingen die in het jaar naar jeugdhulp zijn verwezen, als aandeel van het aantal leerlingen (teller: verwijzingen, noemer: leerlingen).',
    quadrant: 'III', theme: 'jeugd', topic: 'referrals', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'unit', ...synthetic,
  }),
  ind({
    code: 'youth-care-use', name: { nl: 'Jeugdhulpgebruik', en: 'Youth care use' },
    description: 'Personen met jeugdhulp in het jaar (CBS JGDHULPBUS) als aandeel van de inwoners van 0–20 jaar. Demo: ELAN-reeks Haagse regio 2015–2022.',
    quadrant: 'I', theme: 'jeugd', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', ...elan,
  }),
  ind({
    code: 'debt-signals', name: { nl: 'Signalen vroegsignalering schulden', en: 'Early debt signals' },
    description: 'Huishoudens met een gemelde betalingsachterstand (woningcorporatie, energie, water, zorgverzekeraar) in het kwartaal, als aandeel van de huishoudens.',
    quadrant: 'II', theme: 'bestaanszekerheid', topic: 'payment-arrears', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area',
    leadsTo: [{ indicator: 'evictions', maxLag: 2 }], ...synthetic,
  }),
  ind({
    code: 'evictions', name: { nl: 'Huisuitzettingen', en: 'Evictions' },
    description: 'Uitgevoerde huisuitzettingen in het kwartaal per 1.000 huishoudens (teller: uitzettingen, noemer: huishoudens).',
    quadrant: 'II', theme: 'wonen', topic: 'evictions', measure: 'rate', per: 1000, polarity: 'higher-is-worse', subjectKind: 'area', ...synthetic,
  }),
  ind({
    code: 'social-cohesion', name: { nl: 'Sociale samenhang', en: 'Social cohesion' },
    description: 'Gemiddelde score sociale samenhang (0–10) in de bewonersenquête; n = aantal respondenten.',
    quadrant: 'III', theme: 'leefbaarheid', measure: 'mean', polarity: 'higher-is-better', subjectKind: 'area', ...synthetic,
  }),
  ind({
    code: 'loneliness', name: { nl: 'Ernstige eenzaamheid', en: 'Severe loneliness' },
    description: 'Volwassenen (18+) die ernstig of zeer ernstig eenzaam zijn (%), modelschatting Gezondheidsmonitor.',
    quadrant: 'I', theme: 'gezondheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area',
    statlineColumn: GEZONDHEID_COLUMNS.loneliness, ...gezondheid,
  }),
];

/** ELAN wijk series (Den Haag region, 2009–2022): counts with a population denominator. */
export const demoElanIndicators: Indicator[] = [
  ind({
    code: 'wmo-use', name: { nl: 'Wmo-gebruik', en: 'Social support (Wmo) use' },
    description: 'Personen met een Wmo-voorziening (CBS WMOBUS) als aandeel van de inwoners.',
    quadrant: 'II', theme: 'zorg en ondersteuning', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', ...elan,
  }),
  ind({
    code: 'social-assistance', name: { nl: 'Bijstand', en: 'Social assistance (bijstand)' },
    description: 'Personen met bijstand als inkomensbron als aandeel van de inwoners.',
    quadrant: 'II', theme: 'bestaanszekerheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', ...elan,
  }),
  ind({
    code: 'debt-restructuring', name: { nl: 'Wettelijke schuldsanering (Wsnp)', en: 'Statutory debt restructuring (WSNP)' },
    description: 'Personen in de wettelijke schuldsaneringsregeling (Wsnp) als aandeel van de inwoners.',
    quadrant: 'II', theme: 'bestaanszekerheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', ...elan,
  }),
  ind({
    code: 'health-insurance-defaulters', name: { nl: 'Wanbetalers zorgverzekering', en: 'Health insurance defaulters' },
    description: 'Personen geregistreerd als wanbetaler van de basiszorgverzekering (Zvw) als aandeel van de inwoners.',
    quadrant: 'II', theme: 'bestaanszekerheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', ...elan,
  }),
  ind({
    code: 'low-income', name: { nl: 'Laag inkomen', en: 'Low income' },
    description: 'Personen in een huishouden in de laagste 10 % van het huishoudinkomen, als aandeel van de inwoners.',
    quadrant: 'II', theme: 'bestaanszekerheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', ...elan,
  }),
];

/** Further Gezondheidsmonitor columns (values are percentages, read by the StatLine importer). */
export const demoGezondheidIndicators: Indicator[] = [
  ind({
    code: 'psychological-complaints', name: { nl: 'Psychische klachten', en: 'Psychological complaints' },
    description: 'Volwassenen (18+) met psychische klachten (%), modelschatting Gezondheidsmonitor.',
    quadrant: 'I', theme: 'gezondheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area',
    statlineColumn: GEZONDHEID_COLUMNS.psychologicalComplaints, ...gezondheid,
  }),
  ind({
    code: 'anxiety-depression-risk', name: { nl: 'Hoog risico op angst of depressie', en: 'High risk of anxiety or depression' },
    description: 'Volwassenen (18+) met een hoog risico op angststoornis of depressie (%).',
    quadrant: 'I', theme: 'gezondheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area',
    statlineColumn: GEZONDHEID_COLUMNS.anxietyDepression, ...gezondheid,
  }),
  ind({
    code: 'low-resilience', name: { nl: '(Zeer) lage veerkracht', en: '(Very) low resilience' },
    description: 'Volwassenen (18+) met (zeer) lage veerkracht (%).',
    quadrant: 'I', theme: 'gezondheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area',
    statlineColumn: GEZONDHEID_COLUMNS.lowResilience, ...gezondheid,
  }),
  ind({
    code: 'good-health', name: { nl: 'Ervaren gezondheid goed', en: 'Good self-rated health' },
    description: 'Volwassenen (18+) die hun gezondheid als goed of zeer goed ervaren (%).',
    quadrant: 'I', theme: 'gezondheid', measure: 'proportion', polarity: 'higher-is-better', subjectKind: 'area',
    statlineColumn: GEZONDHEID_COLUMNS.goodHealth, ...gezondheid,
  }),
];

/** Synthetic quadrant-IV figure so the demo municipality has every quadrant filled. */
export const demoSystemIndicators: Indicator[] = [
  ind({
    code: 'exceptions-granted', name: { nl: 'Maatwerkbesluiten (afwijken van de regel)', en: 'Exceptions granted (maatwerk)' },
    description: 'Besluiten waarin van de standaardregel is afgeweken, per 1.000 huishoudens per jaar. Veel maatwerk wijst op een regel die niet past.',
    quadrant: 'IV', theme: 'beleid', measure: 'rate', per: 1000, polarity: 'higher-is-worse', subjectKind: 'area', ...synthetic,
  }),
];

/** The whole demo catalogue, in import order. */
export const demoIndicators: Indicator[] = [
  ...demoStandardIndicators,
  ...demoElanIndicators,
  ...demoGezondheidIndicators,
  ...demoSystemIndicators,
];
