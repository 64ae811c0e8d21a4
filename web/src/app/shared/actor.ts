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

/** Whether the system (detection, regrouping, demo data) wrote this, not a person. */
export function isSystemActor(actor: string | null | undefined): boolean {
  return actor === 'system' || /^system:/.test(actor ?? '');
}

/**
 * A history comment in the reader's language. The system writes its comments in both languages,
 * "Gevonden bij detectie / detected" (api/src/signals/lifecycle.ts); people write in one.
 */
export function eventComment(actor: string | null | undefined, comment: string | null | undefined, lang: 'nl' | 'en'): string {
  if (!comment) return '';
  if (!isSystemActor(actor)) return comment;
  const parts = comment.split(' / ');
  return parts.length === 2 ? parts[lang === 'nl' ? 0 : 1]! : comment;
}
