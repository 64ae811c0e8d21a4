import { DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';
import type { LocalizedText } from 'contracts';
import type { MessageKey } from './messages';
import { DICTIONARIES, registerMessages, type Lang } from './message-registry';

export { registerMessages, type Lang };
export type MessageParams = Record<string, string | number>;

const STORAGE_KEY = 'wijksignaal.lang';

/** The language in use, for code outside components (see translateKey). */
let activeLang: Lang = readStoredLang();

/**
 * A text from the catalogues by a key that arrives at run time (a server error `code`), in the
 * language in use; null when the catalogues have no such key.
 */
export function translateKey(key: string, params?: MessageParams): string | null {
  const template = DICTIONARIES[activeLang][key];
  return template === undefined ? null : interpolate(template, params);
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(readStoredLang());

  readonly lang = this.current.asReadonly();
  readonly locale = computed(() => (this.current() === 'nl' ? 'nl-NL' : 'en-GB'));

  constructor() {
    effect(() => {
      const lang = this.current();
      activeLang = lang;
      this.document.documentElement.lang = lang;
      try {
        localStorage.setItem(STORAGE_KEY, lang);
      } catch {
        // Storage can be unavailable (private mode); the choice then lasts for this page only.
      }
    });
  }

  setLang(lang: Lang): void {
    activeLang = lang;
    this.current.set(lang);
  }

  toggle(): void {
    this.current.update((l) => (l === 'nl' ? 'en' : 'nl'));
    activeLang = this.current();
  }

  t(key: MessageKey, params?: MessageParams): string {
    return interpolate(DICTIONARIES[this.current()][key] ?? key, params);
  }

  /** Picks the current language from an API text that may be localized or plain. */
  text(value: LocalizedText | string | null | undefined): string {
    if (value == null) return '';
    return typeof value === 'string' ? value : value[this.current()];
  }

  number(value: number | null | undefined, maximumFractionDigits = 1): string {
    if (value == null || Number.isNaN(value)) return '–';
    return new Intl.NumberFormat(this.locale(), { maximumFractionDigits }).format(value);
  }

  date(value: string | null | undefined): string {
    if (!value) return '–';
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium' }).format(d);
  }

  /** Date and time of day in the current language, local time ("5 dec 2026, 21:08"); an unreadable value as it is. */
  dateTime(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  }
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}
