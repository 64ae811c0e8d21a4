import type { BriefModel } from 'contracts';

/**
 * Every text of the brief model a reader sees (the chart's evidence is data for the chart, not
 * text): what the HTML and PDF briefs (integration) and the web's print page (browser) must all show.
 */
export function modelTexts(m: BriefModel): string[] {
  return [
    m.kicker, m.meeting.title, m.meeting.areaName, m.meta, m.labels.source,
    ...m.items.flatMap((i) => [
      ...(i.quadrant ? [m.labels.see, m.labels.interpretation, ...(i.interpretation.length ? [] : [m.labels.noInterpretation])] : []),
      ...(i.question ? [m.labels.question] : []), ...(i.notes ? [m.labels.notes] : []), m.labels.decision, ...(i.effect ? [m.labels.effect] : []),
      i.heading, ...i.facts, i.explanation, i.quadrant?.heading ?? '', i.quadrant?.inclusion ?? '', ...i.interpretation, i.question, i.notes ?? '',
      i.decision?.text ?? '', ...(i.decision?.facts ?? []), i.effect?.text ?? '', i.effect?.warning ?? '',
      i.evidence?.table?.caption ?? '', ...(i.evidence?.table?.columns ?? []), ...(i.evidence?.table?.rows.flatMap((r) => [r.label, r.value]) ?? []),
    ]),
  ].filter(Boolean);
}
