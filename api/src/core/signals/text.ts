/** Plain-language building blocks (Dutch and English) and privacy-safe formatting. */
import type { LocalizedText, Quadrant, Severity } from 'contracts';
import { belowMinimum, discloseCount, QUADRANT_INFO } from 'contracts';
import type { Disclosed, IndicatorMeta, SeveritySettings } from './types';

export type Lang = 'nl' | 'en';

/** Number in the language's notation (nl: decimal comma). */
export function fmt(v: number, lang: Lang, digits = 1): string {
  const s = v.toFixed(digits);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

/** p-value in words with the number: "vrijwel zeker (p < 0,001)". */
export function certainty(p: number, lang: Lang): string {
  const num = (v: number, d: number): string => fmt(v, lang, d);
  if (p < 0.001) return lang === 'nl' ? 'vrijwel zeker (p < 0,001)' : 'almost certain (p < 0.001)';
  if (p < 0.01) return lang === 'nl' ? `zeer waarschijnlijk (p = ${num(p, 3)})` : `very likely (p = ${num(p, 3)})`;
  if (p < 0.05) return lang === 'nl' ? `waarschijnlijk (p = ${num(p, 2)})` : `likely (p = ${num(p, 2)})`;
  return lang === 'nl' ? `onzeker (p = ${num(p, 2)})` : `uncertain (p = ${num(p, 2)})`;
}

/** Sentence about the FDR-corrected strength. */
export function fdrSentence(q: number, tests: number, lang: Lang): string {
  const qs = q < 0.001 ? (lang === 'nl' ? '< 0,001' : '< 0.001') : `= ${fmt(q, lang, 3)}`;
  return lang === 'nl'
    ? `Ook na correctie voor de ${tests} reeksen die in deze ronde zijn getoetst blijft dit staan (q ${qs}).`
    : `This holds after correcting for the ${tests} series tested in this run (q ${qs}).`;
}

/** A count as it may be shown: the number, or "< minCount". */
export function disclose(count: number, minCount: number): Disclosed {
  return discloseCount(count, minCount);
}

/** A display value with its unit, or the suppression phrase. */
export function valueText(ind: IndicatorMeta, value: number | null, lang: Lang): string {
  if (value === null) {
    return lang === 'nl'
      ? `(niet getoond: minder dan ${ind.minCount} gevallen)`
      : `(not shown: fewer than ${ind.minCount} cases)`;
  }
  switch (ind.measure) {
    case 'proportion':
      return `${fmt(value, lang, 1)}%`;
    case 'rate':
      return lang === 'nl' ? `${fmt(value, lang, 1)} per ${ind.per ?? 1000}` : `${fmt(value, lang, 1)} per ${ind.per ?? 1000}`;
    case 'mean':
      return fmt(value, lang, 1);
    case 'count':
      return value < ind.minCount ? belowMinimum(ind.minCount) : fmt(value, lang, 0);
  }
}

export function worseWord(ind: IndicatorMeta, lang: Lang): string {
  const higher = ind.polarity === 'higher-is-worse';
  return lang === 'nl' ? (higher ? 'hoger' : 'lager') : higher ? 'higher' : 'lower';
}

export function riseWord(ind: IndicatorMeta, lang: Lang): string {
  const higher = ind.polarity === 'higher-is-worse';
  return lang === 'nl' ? (higher ? 'stijgt' : 'daalt') : higher ? 'is rising' : 'is falling';
}

export function pct(effect: number, lang: Lang): string {
  if (!Number.isFinite(effect)) return lang === 'nl' ? 'veel' : 'much';
  return `${fmt(Math.abs(effect) * 100, lang, 0)}%`;
}

export function quadrantLine(q: Quadrant, lang: Lang): string {
  const info = QUADRANT_INFO[q];
  return lang === 'nl'
    ? `Kwadrant ${q} “${info.name.nl}” (${info.keyConcept.nl.toLowerCase()}): ${info.inclusionQuestion.nl}`
    : `Quadrant ${q} “${info.name.en}” (${info.keyConcept.en.toLowerCase()}): ${info.inclusionQuestion.en}`;
}

export function both(f: (lang: Lang) => string): LocalizedText {
  return { nl: f('nl'), en: f('en') };
}

/** Severity from FDR-adjusted q and effect size (relative excess, or standardised difference for means). */
export function severityOf(q: number, effect: number | null, s: SeveritySettings): Severity {
  let score = q <= s.strongQ ? 2 : q <= s.moderateQ ? 1 : 0;
  const e = effect === null ? 0 : Math.abs(effect);
  score += e >= s.largeEffect ? 2 : e >= s.moderateEffect ? 1 : 0;
  return score >= 3 ? 'high' : score >= 2 ? 'medium' : 'low';
}

/** Collective side of a quadrant: I → III, II → IV, III → III, IV → IV. */
export function collectiveSide(q: Quadrant): Quadrant {
  return q === 'I' ? 'III' : q === 'II' ? 'IV' : q;
}
