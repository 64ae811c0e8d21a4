import '../core/i18n/messages-inbox';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { QUADRANT_INFO, type Quadrant, type SignalMember } from 'contracts';
import { I18nService } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';
import { LocPipe, TPipe } from '../core/i18n/t.pipe';
import { seenIn } from './signal-groups';

/** "ook gezien in 48 buurten en 2 wijken" — or the member count when all members are about one area. */
export function seenInText(i18n: I18nService, members: readonly SignalMember[], count: number): string {
  const parts = seenIn(members).map(({ level, count: n }) =>
    n === 1 ? i18n.t(`inbox.level.${level}.one` as MessageKey) : i18n.t(`inbox.level.${level}` as MessageKey, { count: n }),
  );
  if (!parts.length) return count === 1 ? i18n.t('inbox.memberCountOne') : i18n.t('inbox.memberCount', { count });
  const places = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ${i18n.t('inbox.and')} ${parts.at(-1)}`;
  return i18n.t('inbox.seenIn', { places });
}

/** Quadrant by number and name ("IV · Samen in de wijk"). */
export function quadrantText(i18n: I18nService, q: Quadrant | undefined): string {
  if (!q) return '–';
  return i18n.t('inbox.quadrant', { q, name: i18n.text(QUADRANT_INFO[q]?.name) });
}

/**
 * The members of a signal group: each with its own status in words ("al geïnterpreteerd", "op de
 * agenda") and its evidence one click away (the member's own page).
 */
@Component({
  selector: 'app-signal-members',
  imports: [TPipe, LocPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table data-testid="signal-members" [attr.id]="tableId() || null">
      <caption>{{ caption() }}</caption>
      <thead>
        <tr>
          <th scope="col">{{ 'col.title' | t }}</th>
          <th scope="col">{{ 'col.rule' | t }}</th>
          <th scope="col">{{ 'col.quadrant' | t }}</th>
          <th scope="col">{{ 'col.period' | t }}</th>
          <th scope="col">{{ 'col.status' | t }}</th>
          <th scope="col">{{ 'inbox.evidence' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (m of members(); track m.id) {
          <tr data-testid="member-row" [attr.data-signal-id]="m.id">
            <th scope="row"><a [routerLink]="['/signalen', m.id]">{{ m.title | loc }}</a></th>
            <td>{{ ruleKey(m.rule) | t }}</td>
            <td>{{ quadrant(m.quadrant) }}</td>
            <td>{{ m.period }}</td>
            <td><span class="badge" data-testid="member-status">{{ stateKey(m.status) | t }}</span></td>
            <td>
              <a [routerLink]="['/signalen', m.id]" fragment="bewijs" [attr.aria-label]="'inbox.evidenceOf' | t: { title: (m.title | loc) }">{{ 'inbox.evidence' | t }}</a>
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class SignalMembers {
  readonly members = input.required<readonly SignalMember[]>();
  readonly caption = input.required<string>();
  readonly tableId = input<string>('');

  private readonly i18n = inject(I18nService);

  protected ruleKey(rule: string): MessageKey {
    return `rule.${rule}` as MessageKey;
  }
  protected stateKey(status: string): MessageKey {
    return `inbox.state.${status}` as MessageKey;
  }
  protected quadrant(q: Quadrant | undefined): string {
    return quadrantText(this.i18n, q);
  }
}
