import { Pipe, PipeTransform, inject } from '@angular/core';
import type { LocalizedText } from 'contracts';
import { I18nService, MessageParams } from './i18n.service';
import { MessageKey } from './messages';

/**
 * Impure on purpose: the pipe reads the language signal on every check, so the template
 * tracks it and re-renders when the language changes (zoneless, no reload).
 */
@Pipe({ name: 't', pure: false })
export class TPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}

/** Localized API text (`{nl, en}` or a plain string). */
@Pipe({ name: 'loc', pure: false })
export class LocPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  transform(value: LocalizedText | string | null | undefined): string {
    return this.i18n.text(value);
  }
}

/** Number in the current locale; '–' for missing values. */
@Pipe({ name: 'num', pure: false })
export class NumPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  transform(value: number | null | undefined, digits = 1): string {
    return this.i18n.number(value, digits);
  }
}

/** Date in the current locale. */
@Pipe({ name: 'day', pure: false })
export class DayPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  transform(value: string | null | undefined): string {
    return this.i18n.date(value);
  }
}
