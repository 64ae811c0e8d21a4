/** Plain-language building blocks (Dutch and English) and privacy-safe formatting. */
import type { LocalizedText, Quadrant, Severity } from 'contracts';
import { belowMinimum, discloseCount, QUADRANT_INFO } from 'contracts';
import { TEXTS, type Lang } from './texts';
import type { Disclosed, IndicatorMeta, SeveritySettings } from './types';

export { TEXTS, type Lang } from './texts';

/** Number in the language's notation (nl: decimal comma). */
export function fmt(v: number, lang: Lang, digits = 1): string {
  return v.toFixed(digits).replace('.', TEXTS[lang].decimal);
}

/** p-value in words with the number: "vrijwel zeker (p < 0,001)". */
export function certainty(p: number, lang: Lang): string {
  const c = TEXTS[lang].certainty;
  if (p < 0.001) return c.almostCertain;
  if (p < 0.01) return c.veryLikely(fmt(p, lang, 3));
  if (p < 0.05) return c.likely(fmt(p, lang, 2));
  return c.uncertain(fmt(p, lang, 2));
}

/** Sentence about the FDR-corrected strength. */
export function fdrSentence(q: number, tests: number, lang: Lang): string {
  return TEXTS[lang].fdr({ tests, q: q < 0.001 ? `< ${fmt(0.001, lang, 3)}` : `= ${fmt(q, lang, 3)}` });
}

/** A count as it may be shown: the number, or "< minCount". */
export function disclose(count: number, minCount: number): Disclosed {
  return discloseCount(count, minCount);
}

/** A display value with its unit, or the suppression phrase. */
export function valueText(ind: IndicatorMeta, value: number | null, lang: Lang): string {
  if (value === null) return TEXTS[lang].suppressedValue(ind.minCount);
  switch (ind.measure) {
    case 'proportion':
      return `${fmt(value, lang, 1)}%`;
    case 'rate':
      return `${fmt(value, lang, 1)} per ${ind.per ?? 1000}`;
    case 'mean':
      return fmt(value, lang, 1);
    case 'count':
      return value < ind.minCount ? belowMinimum(ind.minCount) : fmt(value, lang, 0);
  }
}

/** "hoger"/"lager": the worse direction of the indicator. */
export function worseWord(ind: IndicatorMeta, lang: Lang): string {
  return TEXTS[lang].worse[ind.polarity === 'higher-is-worse' ? 'higher' : 'lower'];
}

/** "stijgt"/"daalt": the worse movement of the indicator. */
export function riseWord(ind: IndicatorMeta, lang: Lang): string {
  return TEXTS[lang].rise[ind.polarity === 'higher-is-worse' ? 'higher' : 'lower'];
}

export function pct(effect: number, lang: Lang): string {
  if (!Number.isFinite(effect)) return TEXTS[lang].much;
  return `${fmt(Math.abs(effect) * 100, lang, 0)}%`;
}

export function quadrantLine(q: Quadrant, lang: Lang): string {
  const info = QUADRANT_INFO[q];
  return TEXTS[lang].quadrantLine({ quadrant: q, name: info.name[lang], keyConcept: info.keyConcept[lang].toLowerCase(), question: info.inclusionQuestion[lang] });
}

/** "a, b en c"; more than six: the first five and "n andere". */
export function list(items: readonly string[], l: Lang): string {
  if (items.length <= 1) return items.join('');
  const t = TEXTS[l].list;
  const shown = items.length > 6 ? [...items.slice(0, 5), t.others(items.length - 5)] : items;
  return `${shown.slice(0, -1).join(', ')} ${t.and} ${shown.at(-1)}`;
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
