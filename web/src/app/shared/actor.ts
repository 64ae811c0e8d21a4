import { spellOut } from './spell-out';

/**
 * Who did something, as a person reads it: people by their e-mail address or name, the system's
 * own jobs as "systeem (demo data)" rather than `system:demo-data`.
 */
export function actorText(actor: string | null | undefined, systemWord: string): string {
  if (!actor) return '–';
  if (actor === 'system') return systemWord;
  const m = /^system:(.+)$/.exec(actor);
  return m ? `${systemWord} (${spellOut(m[1]!)})` : actor;
}

/**
 * A history comment written by the system in both languages ("Gevonden bij detectie / detected")
 * in the reader's language; a person's comment stays as written.
 */
export function eventComment(actor: string | null | undefined, comment: string | null | undefined, lang: 'nl' | 'en'): string {
  if (!comment) return '';
  const bilingual = /^system(:|$)/.test(actor ?? '') ? /^(.+?) \/ (.+)$/.exec(comment) : null;
  return bilingual ? (lang === 'nl' ? bilingual[1]! : bilingual[2]!) : comment;
}
