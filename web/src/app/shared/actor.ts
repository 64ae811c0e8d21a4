import { spellOut } from './spell-out';

/**
 * Who did something, as a person reads it: people by their e-mail address or name, the system's
 * own jobs as "systeem (demo data)" rather than `system:demo-data`.
 */
export function actorText(actor: string | null | undefined, systemWord: string): string {
  if (!actor) return '–';
  const m = /^system:(.+)$/.exec(actor);
  return m ? `${systemWord} (${spellOut(m[1]!)})` : actor;
}
