/**
 * Pure, framework-free parsing of uploaded indicator files (no Nest/TypeORM imports).
 * See each module for the rules; README section "Data" lists the bad inputs handled.
 */
export { ParseError, ErrorList, MAX_REPORTED_ERRORS } from './errors';
export type { ImportIssue } from './errors';
export { ChunkDecoder, decodeText, decodeChunks } from './decode';
export type { DecoderOptions, TextEncodingName } from './decode';
export { CsvTokenizer, readCsvRecords, parseCsv, detectDelimiter, isBlankRecord, DEFAULT_MAX_RECORD_LENGTH } from './csv';
export type { CsvRecord, CsvOptions, Delimiter } from './csv';
export {
  parsePeriod,
  parsePeriodOrThrow,
  isPeriodError,
  periodIndex,
  periodFromIndex,
  periodGranularity,
  periodLabel,
  addPeriods,
  periodFromTitle,
} from '../core/period';
export type { Period, PeriodError, Granularity } from '../core/period';
export { KeyIndex } from './key-index';
export { parseNumber, isNumberError, isFormulaLike } from './numbers';
export type { NumberResult, NumberOptions } from './numbers';
export {
  parseLongCsv,
  streamLongCsv,
  readLongHeader,
  readLongRow,
  checkRow,
  validateRows,
  RowValidator,
  duplicateMessage,
  LONG_COLUMNS,
  LONG_REQUIRED,
} from './long-format';
export type { LongRow, LongParseResult, LongParseOptions, LongColumn, Catalogue, IndicatorRule, ValidateOptions } from './long-format';
export {
  parseStatline,
  parseStatlineRecords,
  isTotalDimensionValue,
  dimensionValues,
  totalRows,
  AREA_CODE,
} from './statline';
export type { StatlineTable, StatlineRow, StatlineCell, StatlineLayout, StatlineOptions } from './statline';
export { detectFormat } from './detect-format';
export type { DetectedFormat, FormatDetection } from './detect-format';
export { tableSignature, columnUnit, measureMismatch } from './column-mapping';
