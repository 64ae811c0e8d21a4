import type { MigrationInterface, QueryRunner } from 'typeorm';

interface StandardIndicator {
  code: string;
  nl: string;
  en: string;
  description: string;
  quadrant: string;
  theme: string;
  measure: string;
  polarity: string;
  subjectKind: string;
  per: number | null;
  leadsTo: { indicator: string; maxLag: number }[];
}

/** The standard catalogue every database carries (docs/design.md section 4); analysts may edit it later. */
const STANDARD: StandardIndicator[] = [
  {
    code: 'youth-care-referrals', nl: 'Verwijzingen naar jeugdhulp per school', en: 'Youth care referrals per school',
    description: 'Aandeel leerlingen dat in de periode naar jeugdhulp is verwezen (teller: verwijzingen, noemer: leerlingen).',
    quadrant: 'III', theme: 'jeugd', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'unit', per: null, leadsTo: [],
  },
  {
    code: 'youth-care-use', nl: 'Jongeren met jeugdhulp', en: 'Young people receiving youth care',
    description: 'Aandeel jongeren tot 18 jaar met jeugdhulp (teller: jongeren met jeugdhulp, noemer: jongeren).',
    quadrant: 'I', theme: 'jeugd', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', per: null, leadsTo: [],
  },
  {
    code: 'debt-signals', nl: 'Signalen van betalingsachterstanden', en: 'Payment arrears signals',
    description: 'Aandeel huishoudens met een vroegsignalering van betalingsachterstanden (huur, energie, water, zorgverzekering).',
    quadrant: 'II', theme: 'bestaanszekerheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', per: null,
    leadsTo: [{ indicator: 'evictions', maxLag: 2 }],
  },
  {
    code: 'evictions', nl: 'Huisuitzettingen', en: 'Evictions',
    description: 'Aantal uitgevoerde huisuitzettingen, per 1.000 huishoudens (teller: uitzettingen, noemer: huishoudens).',
    quadrant: 'II', theme: 'wonen', measure: 'rate', polarity: 'higher-is-worse', subjectKind: 'area', per: 1000, leadsTo: [],
  },
  {
    code: 'social-cohesion', nl: 'Sociale samenhang', en: 'Social cohesion',
    description: 'Gemiddelde score sociale samenhang (0–10) uit de bewonersenquête; n = aantal respondenten.',
    quadrant: 'III', theme: 'leefbaarheid', measure: 'mean', polarity: 'higher-is-better', subjectKind: 'area', per: null, leadsTo: [],
  },
  {
    code: 'loneliness', nl: 'Eenzaamheid', en: 'Loneliness',
    description: 'Aandeel volwassenen dat zich eenzaam voelt (GGD Gezondheidsmonitor).',
    quadrant: 'I', theme: 'gezondheid', measure: 'proportion', polarity: 'higher-is-worse', subjectKind: 'area', per: null, leadsTo: [],
  },
];

export class StandardCatalogue1764300000001 implements MigrationInterface {
  name = 'StandardCatalogue1764300000001';

  async up(q: QueryRunner): Promise<void> {
    for (const i of STANDARD) {
      await q.query(
        `INSERT INTO indicator (code, name_nl, name_en, description, quadrant, theme, measure, polarity, subject_kind, per,
           min_count, leads_to, source, licence)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,5,$11,'Wijksignaal standaardcatalogus',NULL)
         ON CONFLICT (code) DO NOTHING`,
        [i.code, i.nl, i.en, i.description, i.quadrant, i.theme, i.measure, i.polarity, i.subjectKind, i.per, JSON.stringify(i.leadsTo)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM indicator WHERE code = ANY($1) AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.indicator_code = indicator.code)`, [
      STANDARD.map((i) => i.code),
    ]);
  }
}
