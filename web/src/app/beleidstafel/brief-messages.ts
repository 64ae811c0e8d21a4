import { registerMessages } from '../core/i18n/i18n.service';

/** Texts of the PDF brief download (docs/design.md §4b), Dutch first. */
export const BRIEF_NL = {
  'brief.pdf': 'Notitie als PDF downloaden',
  'brief.pdfBusy': 'PDF maken…',
  'brief.pdfFailed': 'De PDF kon niet worden gemaakt. Probeer het opnieuw.',
};
export type BriefMessageKey = keyof typeof BRIEF_NL;
export const BRIEF_EN: Record<BriefMessageKey, string> = {
  'brief.pdf': 'Download the brief as PDF',
  'brief.pdfBusy': 'Making the PDF…',
  'brief.pdfFailed': 'The PDF could not be made. Please try again.',
};
registerMessages(BRIEF_NL, BRIEF_EN);
