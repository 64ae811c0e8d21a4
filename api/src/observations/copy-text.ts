import type { Writable } from 'node:stream';
import type { Granularity, ObservationStatus } from 'contracts';

/** Columnar chunk of observations to stage (arrays of equal length). */
export interface StageChunk {
  /** Line in the source file, for the duplicate-key report. */
  line: number[];
  indicator: string[];
  subject: string[];
  granularity: Granularity[];
  start: string[];
  value: (number | null)[];
  numerator: (number | null)[];
  denominator: (number | null)[];
  n: (number | null)[];
  status: ObservationStatus[];
}

export const STAGE_COLUMNS = 'line, indicator_code, subject_code, granularity, period_start, value, numerator, denominator, n, status';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text field of PostgreSQL's COPY text format. */
export function copyText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : s;
}

function copyNumber(v: number | null): string {
  return v === null ? '\\N' : String(v);
}

export const OBSERVATION_COPY_COLUMNS = 'indicator_code, subject_code, granularity, period_start, value, numerator, denominator, n, status, batch_id, batch_history';

/**
 * The chunk's rows in COPY text format (tab-separated, `\N` for null, one line per row): for the
 * staging table (`line` first) or, given a batch id, for observation itself.
 */
export function copyLines(c: StageChunk, batchId?: string): string {
  const head = batchId === undefined;
  const tail = head ? '\n' : `\t${batchId}\t{${batchId}}\n`;
  let out = '';
  for (let i = 0; i < c.line.length; i++) {
    out += `${head ? `${c.line[i]}\t` : ''}${copyText(c.indicator[i])}\t${copyText(c.subject[i])}\t${c.granularity[i]}\t${c.start[i]}\t${copyNumber(c.value[i])}\t${copyNumber(c.numerator[i])}\t${copyNumber(c.denominator[i])}\t${copyNumber(c.n[i])}\t${c.status[i]}${tail}`;
  }
  return out;
}

/** Runs one `COPY … FROM STDIN` with the given text; rejects with the database's error. */
export function copyIn(stream: Writable, text: string): Promise<void> {
  return new Promise((ok, fail) => {
    stream.on('error', fail);
    stream.on('finish', ok);
    stream.end(text);
  });
}
