import '../core/i18n/messages-pages';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, of, switchMap } from 'rxjs';
import { AreaNames } from '../areas/area-names';
import { IndicatorsApi } from '../indicators/indicators-api';
import { I18nService } from '../core/i18n/i18n.service';
import { TPipe } from '../core/i18n/t.pipe';
import { Chart } from '../shared/chart';
import { asEvidence, type Evidence } from './evidence';
import type { DatedMark } from '../shared/decision-marks';
import type { ExportMessageKey } from '../shared/export-messages';
import '../shared/export-messages';
import type { MessageKey } from '../core/i18n/messages';
import { buildEvidenceOption, buildEvidenceTable, type EvidenceLabels } from './evidence-option';

const AFTER_DATA = 'export.afterData' satisfies ExportMessageKey as MessageKey;

/** A signal's evidence as a chart (deferred) with the same data as a table. */
@Component({
  selector: 'app-evidence-view',
  imports: [TPipe, Chart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (evidence(); as e) {
      <p class="visually-hidden">{{ 'evidence.chartLabel' | t }}</p>
      @if (print()) {
        @defer (on immediate) {
          <app-chart [option]="option()!" renderer="svg" [height]="printHeight()" />
        }
      } @else {
        @defer (on idle) {
          <app-chart [option]="option()!" height="340px" />
        } @placeholder {
          <p class="state">{{ 'chart.loading' | t }}</p>
        }
      }
      @if (showTable()) {
        <details [open]="print()">
          <summary>{{ 'chart.showTable' | t }}</summary>
          <table data-testid="evidence-table">
            <caption>{{ 'chart.tableCaption' | t: { title: caption() } }}</caption>
            <thead>
              <tr>
                @for (c of table()!.columns; track $index) {
                  <th scope="col">{{ c }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (r of table()!.rows; track $index) {
                <tr>
                  @for (cell of r; track $index) {
                    <td>{{ cell }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </details>
      }
    } @else {
      <p class="hint">{{ 'evidence.none' | t }}</p>
    }
  `,
})
export class EvidenceView {
  private readonly i18n = inject(I18nService);
  readonly value = input<unknown>(null);
  readonly caption = input('');
  /** Print pages render at once, as SVG, with the table open. */
  readonly print = input(false);
  /** The table under the chart; the brief shows its own top ten (from the brief's model) instead. */
  readonly showTable = input(true);
  /** The chart's height on a print page (the brief keeps each agenda item on one A4 page). */
  readonly printHeight = input('300px');
  /** Names of the evidence's codes as the caller already knows them (the brief's model); looked up otherwise. */
  readonly names = input<Record<string, string>>({});
  /** Decisions drawn on a chart over periods, and listed under it (the brief's agenda item). */
  readonly marks = input<DatedMark[]>([]);

  protected readonly evidence = computed(() => asEvidence(this.value()));
  private readonly indicatorNames = toSignal(inject(IndicatorsApi).catalogue().pipe(catchError(() => of([]))), { initialValue: [] });
  private readonly areaNamesApi = inject(AreaNames);
  /** Names of the areas the evidence mentions by code. */
  private readonly areaNames = toSignal(
    toObservable(this.evidence).pipe(switchMap((e) => (e ? this.areaNamesApi.names(evidenceAreas(e)) : of(new Map<string, string>())))),
    { initialValue: new Map<string, string>() },
  );
  private readonly labels = computed(() => {
    const areas = this.areaNames();
    const indicators = new Map(this.indicatorNames().map((i) => [i.code, this.i18n.text(i.name)]));
    const minimum = new Map(this.indicatorNames().map((i) => [i.code, i.minCount]));
    const given = this.names();
    return { ...evidenceLabels(this.i18n, (code) => minimum.get(code)), name: (code: string) => given[code] ?? areas.get(code) ?? indicators.get(code) ?? code };
  });
  protected readonly option = computed(() => {
    const e = this.evidence();
    return e ? buildEvidenceOption(e, this.labels(), { events: this.marks(), afterData: this.i18n.t(AFTER_DATA) }) : null;
  });
  protected readonly table = computed(() => {
    const e = this.evidence();
    if (!e) return null;
    return buildEvidenceTable(e, this.labels(), (v) => this.i18n.number(v, 2));
  });
}

/** The area codes a piece of evidence mentions. */
export function evidenceAreas(e: Evidence): string[] {
  switch (e.kind) {
    case 'funnel': return e.points.map((p) => p.subject);
    case 'share': return e.areas.map((a) => a.subject);
    default: return [];
  }
}

/**
 * Column and legend labels. `minimumOf` gives an indicator's own minimum count, so a hidden figure
 * reads "niet getoond (minder dan 10)" for an indicator with minimum 10 (5 when unknown: the default).
 */
export function evidenceLabels(i18n: I18nService, minimumOf: (indicator: string) => number | undefined = () => undefined): EvidenceLabels {
  const t = (k: Parameters<I18nService['t']>[0]) => i18n.t(k);
  return {
    subject: t('col.area'), value: t('col.value'), size: t('verkenner.size'), lower: t('evidence.lower'),
    upper: t('evidence.upper'), target: t('verkenner.target'), highlighted: t('evidence.highlighted'),
    other: t('evidence.other'), period: t('col.period'), expected: t('evidence.expected'), threshold: t('evidence.threshold'),
    leader: t('evidence.leader'), follower: t('evidence.follower'), change: t('evidence.change'), rose: t('evidence.rose'),
    yes: t('evidence.yes'), no: t('evidence.no'), indicator: t('col.indicator'), quadrant: t('col.quadrant'), z: 'z',
    peerValue: t('col.peers'),
    suppressed: (indicator) => i18n.t('ux.suppressed', { n: minimumOf(indicator) ?? 5 }),
  };
}
