import { registerMessages } from '../core/i18n/i18n.service';

/** Texts of the CSV and PNG exports and of decision marks on charts (issue 15), Dutch first. */
export const EXPORT_NL = {
  'export.col.area': 'Gebied',
  'export.col.areaCode': 'Gebiedscode',
  'export.col.indicator': 'Indicator',
  'export.col.indicatorCode': 'Indicatorcode',
  'export.col.period': 'Periode',
  'export.col.value': 'Waarde',
  'export.col.valueUnit': 'Waarde ({unit})',
  'export.col.numerator': 'Teller',
  'export.col.denominator': 'Noemer',
  'export.col.status': 'Status',
  'export.col.funnel': 'Trechterplot',
  'export.col.source': 'Bron',
  'export.status.final': 'definitief',
  'export.status.provisional': 'voorlopig',
  'export.source': 'Bron',
  'export.sourceUnknown': 'Bron: onbekend',
  'export.busy': 'Afbeelding maken…',
  'export.failed': 'De afbeelding kon niet worden gemaakt.',
  'export.decision': 'Besluit: {text}',
  'export.afterData': 'na de laatste gegevens',
};
export type ExportMessageKey = keyof typeof EXPORT_NL;
export const EXPORT_EN: Record<ExportMessageKey, string> = {
  'export.col.area': 'Area',
  'export.col.areaCode': 'Area code',
  'export.col.indicator': 'Indicator',
  'export.col.indicatorCode': 'Indicator code',
  'export.col.period': 'Period',
  'export.col.value': 'Value',
  'export.col.valueUnit': 'Value ({unit})',
  'export.col.numerator': 'Numerator',
  'export.col.denominator': 'Denominator',
  'export.col.status': 'Status',
  'export.col.funnel': 'Funnel plot',
  'export.col.source': 'Source',
  'export.status.final': 'final',
  'export.status.provisional': 'provisional',
  'export.source': 'Source',
  'export.sourceUnknown': 'Source: unknown',
  'export.busy': 'Making the image…',
  'export.failed': 'The image could not be made.',
  'export.decision': 'Decision: {text}',
  'export.afterData': 'after the latest data',
};
registerMessages(EXPORT_NL, EXPORT_EN);
