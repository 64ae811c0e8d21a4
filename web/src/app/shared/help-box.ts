import '../core/i18n/messages-ux';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { MessageKey } from '../core/i18n/messages';
import { TPipe } from '../core/i18n/t.pipe';

export type HelpTopic =
  | 'overzicht' | 'wijken' | 'wijk' | 'verkenner' | 'signalen' | 'signaal' | 'beleidstafel' | 'raad' | 'data' | 'meldingen' | 'beheer';

/** The paragraphs per page: what it shows, then the reading aids that apply there (quadrants, certainty words, suppression). */
export const HELP_PARAGRAPHS: Record<HelpTopic, readonly MessageKey[]> = {
  overzicht: ['help.overzicht.1', 'help.overzicht.2', 'help.overzicht.3', 'help.certainty.1'],
  wijken: ['help.wijken.1', 'help.wijken.2'],
  wijk: ['help.wijk.1', 'help.quadrants', 'help.wijk.2', 'help.certainty.1', 'help.certainty.2'],
  verkenner: ['help.verkenner.1', 'help.verkenner.2', 'help.verkenner.3', 'help.certainty.2'],
  signalen: ['help.signalen.1', 'help.signalen.2', 'help.quadrants', 'help.certainty.1'],
  signaal: ['help.signaal.1', 'help.signaal.2', 'help.certainty.1', 'help.certainty.2', 'help.wijk.2'],
  beleidstafel: ['help.beleidstafel.1', 'help.beleidstafel.2'],
  raad: ['help.raad.1', 'help.quadrants', 'help.raad.2'],
  data: ['help.data.1', 'help.data.2'],
  meldingen: ['help.meldingen.1', 'help.meldingen.2', 'help.certainty.1'],
  beheer: ['help.beheer.1', 'help.beheer.2'],
};

/** "Hoe lees ik dit?": a short, collapsed explanation of a page (native details: keyboard-ready). */
@Component({
  selector: 'app-help-box',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="help-box" data-testid="help-box">
      <summary>{{ 'help.title' | t }}</summary>
      @for (p of paragraphs(); track p) {
        <p>{{ p | t }}</p>
      }
    </details>
  `,
  styles: `
    .help-box { margin: 0.5rem 0 1rem; border: 1px solid #c7ccd1; border-radius: 4px; padding: 0.25rem 0.75rem; max-width: 60rem; }
    .help-box summary { cursor: pointer; font-weight: 600; padding: 0.25rem 0; }
    .help-box p { margin: 0.5rem 0; }
  `,
})
export class HelpBox {
  readonly topic = input.required<HelpTopic>();
  protected readonly paragraphs = computed(() => HELP_PARAGRAPHS[this.topic()]);
}
