import '../core/i18n/messages-ux';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { MessageKey } from '../core/i18n/messages';
import { TPipe } from '../core/i18n/t.pipe';

export type HelpTopic = 'overzicht' | 'verkenner' | 'wijk';

const PARAGRAPHS: Record<HelpTopic, MessageKey[]> = {
  overzicht: ['help.overzicht.1', 'help.overzicht.2', 'help.overzicht.3', 'help.certainty.1'],
  verkenner: ['help.verkenner.1', 'help.verkenner.2', 'help.verkenner.3', 'help.certainty.2'],
  wijk: ['help.wijk.1', 'help.wijk.2', 'help.certainty.1', 'help.certainty.2'],
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
  protected readonly paragraphs = computed(() => PARAGRAPHS[this.topic()]);
}
