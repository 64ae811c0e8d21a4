import { TestBed } from '@angular/core/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES } from '../core/i18n/message-registry';
import { I18nService } from '../core/i18n/i18n.service';
import { HELP_PARAGRAPHS, HelpBox, type HelpTopic } from './help-box';

/** Every main page of the app (issue 15: "a short 'Hoe lees ik dit?' help per page") with the file of its template. */
const PAGES: Record<string, { file: string; topic: HelpTopic }> = {
  Overzicht: { file: 'overzicht/overzicht-page.html', topic: 'overzicht' },
  Wijken: { file: 'wijken/wijken-page.html', topic: 'wijken' },
  'wijk- en buurtpagina': { file: 'wijk/wijk-page.html', topic: 'wijk' },
  Verkenner: { file: 'verkenner/verkenner-page.html', topic: 'verkenner' },
  Signalen: { file: 'signalen/signal-list-page.html', topic: 'signalen' },
  signaalpagina: { file: 'signalen/signal-detail-page.html', topic: 'signaal' },
  Beleidstafel: { file: 'beleidstafel/beleidstafel-page.ts', topic: 'beleidstafel' },
  Raad: { file: 'raad/raad-page.html', topic: 'raad' },
  Data: { file: 'data/data-page.html', topic: 'data' },
  Meldingen: { file: 'meldingen/meldingen-page.ts', topic: 'meldingen' },
  Beheer: { file: 'beheer/beheer-page.html', topic: 'beheer' },
};

describe('"Hoe lees ik dit?" on every page', () => {
  it.each(Object.entries(PAGES))('%s has the help box with its own topic', (_page, { file, topic }) => {
    const template = readFileSync(join(__dirname, '..', file), 'utf8');
    expect(template).toContain(`<app-help-box topic="${topic}" />`);
  });

  it('covers every topic, each with text in Dutch and English', () => {
    expect(new Set(Object.values(PAGES).map((p) => p.topic))).toEqual(new Set(Object.keys(HELP_PARAGRAPHS)));
    for (const [topic, keys] of Object.entries(HELP_PARAGRAPHS)) {
      expect({ topic, count: keys.length >= 2 }).toEqual({ topic, count: true });
      for (const key of keys) {
        expect({ key, nl: (DICTIONARIES.nl[key] ?? '').length > 40 }).toEqual({ key, nl: true });
        expect({ key, en: (DICTIONARIES.en[key] ?? '').length > 40 }).toEqual({ key, en: true });
      }
    }
  });

  it('names the quadrants, the suppression words and the certainty words where they appear', () => {
    const text = (topic: HelpTopic) => HELP_PARAGRAPHS[topic].map((k) => DICTIONARIES.nl[k]).join(' ');
    for (const topic of ['overzicht', 'wijk', 'signalen', 'raad'] as const) expect(text(topic)).toContain('IV “Aan de beleidstafel”');
    for (const topic of ['wijk', 'signaal'] as const) expect(text(topic)).toContain('Niet getoond (minder dan N)');
    for (const topic of ['verkenner', 'wijk', 'signaal'] as const) expect(text(topic)).toContain('buiten 99,8 %');
    expect(text('verkenner')).toContain('trechter');
  });

  it('is a closed disclosure with a summary, in the user’s language', async () => {
    localStorage.clear();
    const fixture = TestBed.createComponent(HelpBox);
    fixture.componentRef.setInput('topic', 'raad');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const details = el.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Hoe lees ik dit?');
    expect(details.querySelectorAll('p')).toHaveLength(HELP_PARAGRAPHS.raad.length);
    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(details.querySelector('summary')?.textContent).toBe('How do I read this?');
    expect(details.textContent).toContain('municipal council');
  });
});
