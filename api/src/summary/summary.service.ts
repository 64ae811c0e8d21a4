import { Injectable } from '@nestjs/common';
import { QUADRANTS, type CouncilSummary, type LocalizedText, type Role } from 'contracts';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { QuadrantsService, type IndicatorState } from '../quadrants/quadrants.service';
import { ACTIVE_STATUSES } from '../signals/lifecycle';
import type { StoredEffect } from '../signals/signals.repository';
import { SignalsService } from '../signals/signals.service';

/** A latest change counts as notable from this relative size on. */
const NOTABLE = 0.05;
const STRONG = 0.2;

/** What changed, in words only: no figures at all (the council never sees small numbers). */
export function changeSentence(s: IndicatorState): LocalizedText | null {
  if (s.suppressed || s.relativeChange === null || !s.previousPeriod || !s.period) return null;
  const r = s.relativeChange;
  if (Math.abs(r) < NOTABLE || s.trend === 'unknown' || s.trend === 'flat') return null;
  const strong = Math.abs(r) >= STRONG;
  const up = r > 0;
  const nl = `${s.indicator.name.nl} is ${strong ? 'sterk ' : ''}${up ? 'gestegen' : 'gedaald'} (${s.period} tegenover ${s.previousPeriod}); dat is ${s.trendMeaning === 'worse' ? 'ongunstig' : 'gunstig'}.`;
  const verb = `${up ? 'rose' : 'fell'}${strong ? ' sharply' : ''}`;
  const en = `${s.indicator.name.en} ${verb} (${s.period} compared with ${s.previousPeriod}); that is ${s.trendMeaning === 'worse' ? 'unfavourable' : 'favourable'}.`;
  return { nl, en };
}

function effectWords(e: StoredEffect | null | undefined, lang: 'nl' | 'en'): string {
  if (!e) return lang === 'nl' ? 'effect nog niet gemeten' : 'effect not measured yet';
  const words = {
    nl: { improved: 'de indicator is verbeterd', worsened: 'de indicator is verslechterd', unchanged: 'nog geen duidelijke verandering', unknown: 'nog te vroeg om te meten' },
    en: { improved: 'the indicator improved', worsened: 'the indicator worsened', unchanged: 'no clear change yet', unknown: 'too early to measure' },
  }[lang][e.direction];
  const persists = e.persists ? (lang === 'nl' ? '; het patroon houdt aan' : '; the pattern persists') : '';
  return `${words}${persists}`;
}

@Injectable()
export class SummaryService {
  constructor(
    private readonly quadrants: QuadrantsService,
    private readonly signals: SignalsService,
    private readonly meetings: MeetingsRepository,
  ) {}

  /** Plain-language summary for the council: per quadrant what stands out and what changed; the policy agenda and its outcomes. */
  async summary(code: string, lang: 'nl' | 'en', _role: Role | null): Promise<CouncilSummary> {
    const area = await this.quadrants.area(code);
    // Always computed as the council sees it: suppressed figures stay hidden whoever asks.
    const { period, states } = await this.quadrants.states(area, undefined, 'council');
    const all = await this.signals.listFiltered({ area: code }, 'council');
    const active = all.filter((s) => ACTIVE_STATUSES.includes(s.status) && (s as { patternActive?: boolean }).patternActive !== false);
    const items = all.length ? await this.meetings.itemsOfSignals(all.map((s) => s.id)) : [];
    const byId = new Map(all.map((s) => [s.id, s]));
    const latestItem = new Map<string, (typeof items)[number]>();
    for (const i of items) latestItem.set(i.signal_id, i);
    return {
      area: { code: area.code, name: area.name, level: area.level, parent: area.parent },
      period,
      quadrants: QUADRANTS.map((q) => ({
        quadrant: q,
        standsOut: active.filter((s) => s.quadrant === q).map((s) => (typeof s.title === 'string' ? { nl: s.title, en: s.title } : s.title)),
        changed: states
          .filter((s) => s.indicator.quadrant === q)
          .map(changeSentence)
          .filter((t): t is LocalizedText => t !== null),
      })),
      agenda: [...latestItem.values()].map((i) => {
        const s = byId.get(i.signal_id)!;
        const effect = (s as { effect?: StoredEffect | null }).effect ?? null;
        const outcome = i.decision
          ? `${lang === 'nl' ? 'Besluit' : 'Decision'} (${i.meeting_date}): ${i.decision} — ${effectWords(effect, lang)}`
          : null;
        return { title: s.title, status: s.status, outcome };
      }),
    };
  }
}
