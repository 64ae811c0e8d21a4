/**
 * The brief for a policy-table conversation as one content model (issue 15, "one brief"):
 * `GET /api/v1/meetings/:id/brief?format=json`. The API builds it in one place (a pure function);
 * its HTML and PDF renderings and the web's print page all draw this model, so they carry the same
 * items, labels and figures. Every text is already in the reader's language, every code already a
 * name, and every figure already as the reader's role may see it (docs/design.md §6).
 */

/** A dated event drawn on a chart over periods: the agenda item's decision at its meeting's date. */
export interface BriefMark {
  /** YYYY-MM-DD */
  date: string;
  text: string;
}

/** The evidence's top ten, as two columns of text ("niet getoond (minder dan 5)" for a hidden figure). */
export interface BriefTable {
  caption: string;
  columns: [string, string];
  rows: { label: string; value: string; mark: boolean }[];
}

export interface BriefEvidence {
  /** The chart's title (the indicator's or area's name). */
  title: string;
  /** The signal's evidence as the reader's role may see it (the shapes of `Evidence`); drawn as a chart. */
  chart: unknown;
  /** Names of the area, unit and indicator codes the evidence mentions. */
  names: Record<string, string>;
  table: BriefTable | null;
  /** Drawn on charts over periods (a series, a chain); empty for the others. */
  marks: BriefMark[];
}

export interface BriefDecision {
  text: string;
  /** "Eigenaar: A. de Vries", "Uitgevoerd uiterlijk: 2025-03-01", "Opvolging (effect meten): 2025-09-01"… */
  facts: string[];
  owner: string | null;
  deadline: string | null;
  followUp: string | null;
  decidedOn: string | null;
}

export interface BriefItemModel {
  id: string;
  number: number;
  /** "Agendapunt 1. Basisschool De Eik wijkt af…" */
  heading: string;
  /** The rule, status, severity and period in words. */
  facts: string[];
  explanation: string;
  quadrant: { heading: string; inclusion: string } | null;
  evidence: BriefEvidence | null;
  /** What people wrote about the signal, oldest first, each as one line. */
  interpretation: string[];
  question: string;
  notes: string | null;
  decision: BriefDecision | null;
  /** The measured effect of the decision in words; null while there is no decision. */
  effect: { text: string; warning: string | null } | null;
}

export interface BriefModel {
  lang: 'nl' | 'en';
  /** "Notitie voor de beleidstafel" */
  kicker: string;
  meeting: { id: string; title: string; date: string; area: string; areaName: string };
  /** "Datum: 2025-01-15 · Gebied: Ede · Gemaakt op 2026-12-05" */
  meta: string;
  /** Section headings in the reader's language. */
  labels: {
    see: string; interpretation: string; question: string; notes: string; decision: string; effect: string;
    noInterpretation: string; noItems: string; source: string; page: string;
    /** "na de laatste gegevens": added to a decision drawn later than the chart's data. */
    afterData: string;
  };
  items: BriefItemModel[];
}
