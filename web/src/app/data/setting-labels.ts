import { spellOut } from '../shared/spell-out';
/**
 * Names for the signal settings, in the user's language (issue 15: no dotted keys such as
 * `peerOutlier.coverage` on screen). A key without a name here is spelled out in words.
 */
type Lang = 'nl' | 'en';

const GROUPS: Record<string, Record<Lang, string>> = {
  peerOutlier: { nl: 'Uitschieter t.o.v. vergelijkbare gebieden', en: 'Outlier among peers' },
  risingTrend: { nl: 'Stijgende trend', en: 'Rising trend' },
  leadingIndicator: { nl: 'Voorlopende indicator', en: 'Leading indicator' },
  systemicPattern: { nl: 'Systeempatroon', en: 'Systemic pattern' },
  stackedProblems: { nl: 'Gestapelde problematiek', en: 'Stacked problems' },
  severity: { nl: 'Ernst', en: 'Severity' },
  monitoring: { nl: 'Opvolging van besluiten', en: 'Follow-up of decisions' },
};

const LEAVES: Record<string, Record<Lang, string>> = {
  enabled: { nl: 'aan', en: 'on' },
  coverage: { nl: 'betrouwbaarheid van de grenzen', en: 'coverage of the limits' },
  minPeers: { nl: 'minimaal aantal vergelijkbare gebieden', en: 'minimum number of peers' },
  overdispersionTestLevel: { nl: 'toetsniveau voor extra spreiding', en: 'test level for overdispersion' },
  winsorise: { nl: 'uitschieters aftoppen (fractie)', en: 'winsorise extremes (fraction)' },
  periods: { nl: 'aantal perioden', en: 'number of periods' },
  minBaselinePeriods: { nl: 'minimaal aantal perioden als basis', en: 'minimum baseline periods' },
  maxBaselinePeriods: { nl: 'maximaal aantal perioden als basis', en: 'maximum baseline periods' },
  windows: { nl: 'vensters (perioden)', en: 'windows (periods)' },
  alpha: { nl: 'significantieniveau', en: 'significance level' },
  defaultMaxLag: { nl: 'standaard maximale vertraging (perioden)', en: 'default maximum lag (periods)' },
  leaderAlpha: { nl: 'significantieniveau voorloper', en: 'significance level of the leader' },
  followerAlpha: { nl: 'significantieniveau volger', en: 'significance level of the follower' },
  minAreas: { nl: 'minimaal aantal gebieden', en: 'minimum number of areas' },
  areaAlpha: { nl: 'significantieniveau per gebied', en: 'significance level per area' },
  minShare: { nl: 'minimaal aandeel gebieden', en: 'minimum share of areas' },
  lookback: { nl: 'terugkijken (perioden)', en: 'look-back (periods)' },
  annotationWindow: { nl: 'venster voor beleidsnotities (perioden)', en: 'window for policy notes (periods)' },
  minIndicators: { nl: 'minimaal aantal indicatoren', en: 'minimum number of indicators' },
  minQuadrants: { nl: 'minimaal aantal kwadranten', en: 'minimum number of quadrants' },
  indicatorAlpha: { nl: 'significantieniveau per indicator', en: 'significance level per indicator' },
  strongQ: { nl: 'q-waarde voor “hoog”', en: 'q-value for “high”' },
  moderateQ: { nl: 'q-waarde voor “middel”', en: 'q-value for “medium”' },
  largeEffect: { nl: 'groot effect', en: 'large effect' },
  moderateEffect: { nl: 'middelgroot effect', en: 'moderate effect' },
  persistPeriods: { nl: 'aantal perioden aanhoudend', en: 'periods it must persist' },
  effectAlpha: { nl: 'significantieniveau van het effect', en: 'significance level of the effect' },
};

export { spellOut } from '../shared/spell-out';

/** The settings group (a rule) of a dotted path, by name. */
export function settingGroupLabel(path: string, lang: Lang): string {
  const group = path.split('.')[0] ?? path;
  return GROUPS[group]?.[lang] ?? spellOut(group);
}

/** A setting's own name, without its group: "betrouwbaarheid van de grenzen". */
export function settingLabel(path: string, lang: Lang): string {
  const parts = path.split('.');
  const leaf = parts[parts.length - 1] ?? path;
  const name = LEAVES[leaf]?.[lang] ?? spellOut(leaf);
  return name.charAt(0).toUpperCase() + name.slice(1);
}
