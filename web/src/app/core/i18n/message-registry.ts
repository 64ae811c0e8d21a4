/**
 * The texts of every language, filled by the catalogues: the core catalogue (messages.ts) through
 * i18n.service.ts and each lazily loaded catalogue (messages-pages.ts, …) when its file loads. It
 * imports nothing, so the catalogues can register themselves without an import cycle through the service.
 */
export type Lang = 'nl' | 'en';

export const DICTIONARIES: Record<Lang, Record<string, string>> = { nl: {}, en: {} };

/** Adds the texts of a lazily loaded part of the app (see messages-pages.ts). */
export function registerMessages(nl: Record<string, string>, en: Record<string, string>): void {
  Object.assign(DICTIONARIES.nl, nl);
  Object.assign(DICTIONARIES.en, en);
}
