import { Injectable } from '@nestjs/common';
import { ACTIVE_STATUSES, AUDIENCES, QUADRANTS, type CouncilSummary, type LocalizedText, type Role } from 'contracts';
import { basisSentence, changed, confirmedRises, municipalityOf, standsOut, type PanelNames } from './council-panel';
import { SUMMARY_TEXTS } from './summary-texts';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { QuadrantsService } from '../quadrants/quadrants.service';
import type { StoredEffect } from '../signals/signals.repository';
import { SignalsService } from '../signals/signals.service';
import { UnitsRepository } from '../units/units.repository';

function effectWords(e: StoredEffect | null | undefined, lang: 'nl' | 'en'): string {
  const t = SUMMARY_TEXTS[lang].effect;
  if (!e) return t.none;
  return `${t[e.direction]}${e.persists ? t.persists : ''}`;
}

@Injectable()
export class SummaryService {
  constructor(
    private readonly quadrants: QuadrantsService,
    private readonly signals: SignalsService,
    private readonly meetings: MeetingsRepository,
    private readonly units: UnitsRepository,
  ) {}

  /** Plain-language summary for the council: per quadrant what stands out and what changed; the policy agenda and its outcomes. */
  async summary(code: string, lang: 'nl' | 'en', _role: Role | null): Promise<CouncilSummary> {
    const area = await this.quadrants.area(code);
    // Always computed as the council sees it: suppressed figures stay hidden whoever asks.
    const { period, states } = await this.quadrants.states(area, undefined, AUDIENCES.councilSummary);
    const all = await this.signals.listFiltered({ area: code }, AUDIENCES.councilSummary);
    const active = all.filter((s) => ACTIVE_STATUSES.includes(s.status) && (s as { patternActive?: boolean }).patternActive !== false);
    const items = all.length ? await this.meetings.itemsOfSignals(all.map((s) => s.id)) : [];
    const byId = new Map(all.map((s) => [s.id, s]));
    const latestItem = new Map<string, (typeof items)[number]>();
    for (const i of items) latestItem.set(i.signal_id, i);
    const names = await this.panelNames(area, active, states.map((s) => s.indicator));
    const confirmed = confirmedRises(active, area.code);
    return {
      area: { code: area.code, name: area.name, level: area.level, parent: area.parent },
      period,
      // No figure of this area at all (a municipality whose data is not loaded): say so, not "nothing notable".
      hasData: states.length > 0,
      basis: basisSentence(period),
      quadrants: QUADRANTS.map((q) => ({
        quadrant: q,
        standsOut: standsOut(q, active, names),
        changed: changed(q, states, confirmed, area.code),
      })),
      agenda: [...latestItem.values()].map((i) => {
        const s = byId.get(i.signal_id)!;
        const effect = (s as { effect?: StoredEffect | null }).effect ?? null;
        const outcome = i.decision
          ? SUMMARY_TEXTS[lang].decision({ date: i.meeting_date, decision: i.decision, effect: effectWords(effect, lang) })
          : null;
        return { title: s.title, status: s.status, outcome };
      }),
    };
  }

  /** Names of the areas and indicators the panel's sentences mention. */
  private async panelNames(
    area: { code: string; name: string; level: string },
    active: readonly { subjects: string[]; groupId?: string | null }[],
    indicators: readonly { code: string; name: LocalizedText }[],
  ): Promise<PanelNames> {
    const areaNames = new Map<string, string>([[area.code, area.name]]);
    const municipalityCode = area.level === 'municipality' ? area.code : municipalityOf(area.code);
    const wanted = new Set<string>(active.filter((s) => !s.groupId).flatMap((s) => s.subjects.slice(0, 1)));
    if (municipalityCode) wanted.add(municipalityCode);
    const missing: string[] = [];
    for (const code of wanted) {
      if (areaNames.has(code)) continue;
      const found = /^(GM|WK|BU|NL)/.test(code) ? await this.quadrants.area(code).catch(() => null) : null;
      if (found) areaNames.set(code, found.name);
      else missing.push(code);
    }
    // Subjects that are no areas are units (schools, practices): their names and the area they are in.
    const unitArea = new Map<string, string>();
    if (missing.length && municipalityCode) {
      const units = await this.units.list(municipalityCode).catch(() => []);
      for (const u of units) {
        if (!missing.includes(u.code)) continue;
        areaNames.set(u.code, u.name);
        unitArea.set(u.code, u.area);
      }
    }
    const indicatorNames = new Map(indicators.map((i) => [i.code, i.name]));
    const catalogue = await this.quadrants.indicatorNames().catch(() => new Map<string, LocalizedText>());
    return {
      area: (code) => areaNames.get(code) ?? code,
      linkOf: (code) => unitArea.get(code) ?? code,
      indicator: (code) => indicatorNames.get(code) ?? catalogue.get(code) ?? { nl: code, en: code },
      municipality: municipalityCode ? { code: municipalityCode, name: areaNames.get(municipalityCode) ?? municipalityCode } : null,
    };
  }
}
