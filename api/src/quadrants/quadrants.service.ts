import { Injectable } from '@nestjs/common';
import {
  QUADRANTS, type AreaQuadrants, type Indicator, type LocalizedText, type Quadrant, type QuadrantIndicatorView, type Role,
} from 'contracts';
import { NotFoundError } from '../common/errors';
import { toPt, type IndicatorMeta } from '../core/signals';
import { displayValue, isSuppressed } from '../core/signals/model';
import { ACTIVE_STATUSES } from '../signals/lifecycle';
import { toPoint } from '../signals/detection.service';
import type { RawObservation } from '../signals/signals.repository';
import { SignalsService } from '../signals/signals.service';
import { QuadrantsRepository, type AreaRow } from './quadrants.repository';
import { DisclosureService, isRestricted, sliceOf } from '../disclosure/disclosure.service';

const SERIES_LENGTH = 8;

interface Shown {
  period: string;
  periodIndex: number;
  granularity: string;
  value: number | null;
  suppressed: boolean;
}

/** Internal view with the relative change the council summary puts in words. */
export interface IndicatorState extends QuadrantIndicatorView {
  previousPeriod: string | null;
  relativeChange: number | null;
}

export function metaOf(i: Indicator): IndicatorMeta {
  return { code: i.code, name: i.name, quadrant: i.quadrant, measure: i.measure, polarity: i.polarity, subjectKind: i.subjectKind, per: i.per ?? null, minCount: i.minCount, leadsTo: i.leadsTo };
}

/** The figure of one observation as it may be shown, using the engine's own suppression rule. */
export function shownValue(ind: Indicator, o: RawObservation): Omit<Shown, 'granularity'> | null {
  const point = toPoint(o);
  if (!point) return null;
  const meta = metaOf(ind);
  const pt = toPt(meta, point);
  const base = { period: point.period, periodIndex: point.periodIndex };
  if (typeof pt === 'string') return point.value === null ? null : { ...base, value: point.value, suppressed: false };
  const computed = ind.measure === 'count' ? pt.x : displayValue(meta, pt.x, pt.e);
  return { ...base, value: point.value ?? computed, suppressed: isSuppressed(meta, pt.x, pt.e) };
}

export function formatValue(ind: Indicator, value: number, lang: 'nl' | 'en' = 'nl'): string {
  const f = (v: number, d: number): string => {
    const s = v.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
    return s;
  };
  switch (ind.measure) {
    case 'proportion':
      return lang === 'nl' ? `${f(value, 1)} %` : `${f(value, 1)}%`;
    case 'rate':
      return `${f(value, 1)} per ${f(ind.per ?? 1000, 0)}`;
    case 'mean':
      return f(value, 1);
    case 'count':
      return f(value, 0);
  }
}

/** The municipality's figure from the counts of its areas at one period, where all carry counts. */
export function pooled(ind: Indicator, rows: RawObservation[], granularity: string | null, period: string): { value: number; suppressed: boolean } | null {
  if (ind.measure !== 'proportion' && ind.measure !== 'rate') return null;
  let num = 0;
  let den = 0;
  for (const o of rows) {
    if (o.indicator_code !== ind.code || o.granularity !== granularity) continue;
    const point = toPoint(o);
    if (!point || point.period !== period) continue;
    if (o.numerator === null || !o.denominator) return null;
    num += o.numerator;
    den += o.denominator;
  }
  if (den === 0) return null;
  const value = ind.measure === 'proportion' ? (100 * num) / den : (num / den) * (ind.per ?? 1000);
  return { value, suppressed: num < ind.minCount };
}

function median(v: number[]): number | null {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

@Injectable()
export class QuadrantsService {
  constructor(
    private readonly repo: QuadrantsRepository,
    private readonly signals: SignalsService,
    private readonly disclosure: DisclosureService,
  ) {}

  async area(code: string): Promise<AreaRow> {
    const area = await this.repo.area(code);
    if (!area) throw new NotFoundError(`Unknown area ${code}`);
    return area;
  }

  /** Every indicator's name by its code (for sentences that mention indicators without data here). */
  async indicatorNames(): Promise<Map<string, LocalizedText>> {
    return new Map((await this.repo.indicators()).map((i) => [i.code, i.name]));
  }

  /** Per indicator: value at the period (or latest), series, trend, municipality and peers. */
  async states(area: AreaRow, period: string | undefined, role: Role | null): Promise<{ period: string | null; states: IndicatorState[] }> {
    let wanted: { label: string; granularity: string } | null = null;
    if (period) {
      // The label's form is checked by QuadrantsQueryDto (QUADRANT_PERIOD).
      wanted = { label: period, granularity: /^\d{4}$/.test(period) ? 'year' : /^\d{4}-Q[1-4]$/.test(period) ? 'quarter' : 'month' };
    }
    const analyst = role === 'analyst' || role === 'admin';
    const indicators = await this.repo.indicators();
    const municipality = area.level === 'municipality' ? area.code : area.municipality;
    const [own, pooledOwn, units, muniObs, muniUnits, peerObs] = await Promise.all([
      this.repo.ofSubject(area.code),
      area.level === 'municipality' ? this.repo.districtsPooled(area.code) : Promise.resolve([]),
      area.level === 'country' ? Promise.resolve([]) : this.repo.unitsInside(area.code, area.level),
      municipality && municipality !== area.code ? this.repo.ofSubject(municipality) : Promise.resolve(null),
      municipality && municipality !== area.code ? this.repo.unitsInside(municipality, 'municipality') : Promise.resolve(null),
      municipality && area.level !== 'municipality' && area.level !== 'country' ? this.repo.peers(municipality, area.level) : Promise.resolve([]),
    ]);
    const mine = [...own, ...pooledOwn, ...units];
    const muni = muniObs && muniUnits ? [...muniObs, ...muniUnits] : mine;
    // Disclosure control (issue 9): restricted roles see the stored pattern — a cell is hidden
    // when the pattern hides it (primary, complement or secondary), a figure pooled from cells
    // (municipality from its areas, area from its units) when any cell of its slice is hidden.
    const restricted = isRestricted(role);
    const { cells: hiddenCells, slices } = await this.disclosure.hiddenInside(role, area.level === 'country' ? null : municipality);
    const derived = new Set<RawObservation>([...pooledOwn, ...units, ...(muniUnits ?? [])]);
    const shown = (ind: Indicator, o: RawObservation): Omit<Shown, 'granularity'> | null => {
      const s = shownValue(ind, o);
      if (!s || !restricted) return s;
      const hidden = derived.has(o)
        ? slices.has(sliceOf(o.indicator_code, o.granularity, o.period_start))
        : hiddenCells.has(o.indicator_code, o.subject_code, o.granularity, o.period_start);
      return { ...s, suppressed: hidden };
    };

    const states: IndicatorState[] = [];
    let latestShown: string | null = null;
    for (const ind of indicators) {
      const series: Shown[] = [];
      for (const o of mine) {
        if (o.indicator_code !== ind.code) continue;
        const s = shown(ind, o);
        if (s) series.push({ ...s, granularity: o.granularity });
      }
      if (series.length === 0) continue; // no data for this area: nothing to show in its quadrant
      // One granularity: the one of the requested period, else the finest with the latest data.
      const gran = wanted?.granularity ?? (series.length ? series.reduce((a, b) => (b.period > a.period || (b.period === a.period && b.granularity !== 'year') ? b : a)).granularity : null);
      let list = series.filter((s) => s.granularity === gran).sort((a, b) => a.periodIndex - b.periodIndex);
      if (wanted) {
        const idx = list.findIndex((s) => s.period === wanted!.label);
        list = idx >= 0 ? list.slice(0, idx + 1) : list.filter((s) => s.period < wanted!.label);
      }
      const current = wanted ? (list.find((s) => s.period === wanted!.label) ?? null) : (list[list.length - 1] ?? null);
      const hide = (s: Shown | null): boolean => !!s && s.suppressed && !analyst;
      const recent = list.slice(-SERIES_LENGTH);
      const visible = recent.filter((s) => !hide(s) && s.value !== null);
      let trend: QuadrantIndicatorView['trend'] = 'unknown';
      let relativeChange: number | null = null;
      let previousPeriod: string | null = null;
      if (current && !hide(current) && current.value !== null) {
        const prev = [...visible].reverse().find((s) => s.periodIndex < current.periodIndex);
        if (prev && prev.value !== null) {
          previousPeriod = prev.period;
          const base = Math.abs(prev.value) || 1;
          relativeChange = (current.value - prev.value) / base;
          trend = Math.abs(relativeChange) < 0.02 ? 'flat' : relativeChange > 0 ? 'up' : 'down';
        }
      }
      const higherWorse = ind.polarity === 'higher-is-worse';
      const trendMeaning: QuadrantIndicatorView['trendMeaning'] =
        trend === 'unknown' ? 'unknown' : trend === 'flat' ? 'neutral' : (trend === 'up') === higherWorse ? 'worse' : 'better';

      const at = current?.period ?? null;
      const valueAt = (rows: RawObservation[], subject?: string): { value: number | null; suppressed: boolean } | null => {
        if (!at) return null;
        for (const o of rows) {
          if (o.indicator_code !== ind.code || o.granularity !== gran || (subject && o.subject_code !== subject)) continue;
          const s = shown(ind, o);
          if (s && s.period === at) return s;
        }
        return null;
      };
      const own = municipality ? valueAt(muni) : null;
      // Without a published municipality figure, pool the counts of its areas (Σ numerators / Σ denominators).
      let m = own && own.value !== null ? own : at ? pooled(ind, peerObs, gran, at) : own;
      if (restricted && m && m !== own && at) {
        // Pooled from the peers: withheld when any peer cell of that period is hidden.
        const anyHidden = peerObs.some((o) => o.indicator_code === ind.code && o.granularity === gran && shown(ind, o)?.period === at && shown(ind, o)?.suppressed);
        if (anyHidden) m = null;
      }
      let peers: QuadrantIndicatorView['peers'] = null;
      if (at && peerObs.length && ind.subjectKind === 'area') {
        const values: number[] = [];
        for (const o of peerObs) {
          if (o.indicator_code !== ind.code || o.granularity !== gran) continue;
          const s = shown(ind, o);
          if (s && s.period === at && s.value !== null && (!s.suppressed || analyst)) values.push(s.value);
        }
        peers = { median: median(values), count: values.length };
      }
      const suppressed = hide(current);
      const value = current && !suppressed ? current.value : null;
      if (at && (!latestShown || at > latestShown)) latestShown = at;
      states.push({
        indicator: ind,
        period: at,
        value,
        display: suppressed ? `< ${ind.minCount}` : value === null ? '–' : formatValue(ind, value),
        suppressed,
        series: recent.map((s) => ({ period: s.period, value: hide(s) ? null : s.value })),
        trend,
        trendMeaning,
        municipality: municipality ? { code: municipality, value: m && !(m.suppressed && !analyst) ? m.value : null } : null,
        peers,
        previousPeriod,
        relativeChange,
      });
    }
    return { period: wanted?.label ?? latestShown, states };
  }

  async view(code: string, period: string | undefined, role: Role | null): Promise<AreaQuadrants> {
    const area = await this.area(code);
    const { period: at, states } = await this.states(area, period, role);
    const open = await this.signals.listFiltered({ area: code, status: ACTIVE_STATUSES }, role);
    return {
      area: { code: area.code, name: area.name, level: area.level, parent: area.parent },
      period: at,
      quadrants: QUADRANTS.map((q: Quadrant) => ({
        quadrant: q,
        indicators: states.filter((s) => s.indicator.quadrant === q).map(({ previousPeriod: _p, relativeChange: _r, ...view }) => view),
        openSignals: open.filter((s) => s.quadrant === q),
      })),
    };
  }
}
