/**
 * Incremental CSV tokenizer (RFC 4180 plus what real files do).
 *
 * - `push(chunk)` / `end()` return the complete records seen so far; a record (or a character)
 *   may be split over chunks.
 * - Quotes, doubled quotes, delimiters and newlines inside quotes, CRLF and LF.
 * - Every record carries the 1-based physical line on which it starts (a record with embedded
 *   newlines reports its first line; the next record's line accounts for them).
 * - Delimiter `,`, `;` or tab, or `'auto'`: detected from the first line that has a delimiter
 *   outside quotes (title lines of StatLine's table layout are skipped; quoted header names may
 *   contain `;`). Falls back to `,`.
 * - Guards: a record longer than `maxRecordLength` characters (default 1 MiB) or with more than
 *   `maxFields` fields stops with a `ParseError` naming the line.
 *
 * Speed: fields are found with indexOf/slice, never char-by-char concatenation.
 */
import { ChunkDecoder, DecoderOptions } from './decode';
import { ParseError } from './errors';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvOptions {
  delimiter?: Delimiter | 'auto';
  /** Maximum characters in one record (default 1 MiB). */
  maxRecordLength?: number;
  /** Maximum fields in one record (default 100 000). */
  maxFields?: number;
}

export const DEFAULT_MAX_RECORD_LENGTH = 1024 * 1024;
const DETECT_MAX_LINES = 20;
const DETECT_MAX_CHARS = 256 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Detects the delimiter from the first line that has `;`, `,` or tab outside quotes.
 * Returns null when `text` is not long enough to decide and more may come (`final` false).
 */
export function detectDelimiter(text: string, final = true): Delimiter | null {
  let semi = 0;
  let comma = 0;
  let tab = 0;
  let inQuotes = false;
  let lines = 0;
  let decided = false;
  const n = Math.min(text.length, DETECT_MAX_CHARS);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes; // a doubled quote toggles twice: fine
    else if (inQuotes) continue;
    else if (c === 59) semi++;
    else if (c === 44) comma++;
    else if (c === 9) tab++;
    else if (c === LF) {
      if (semi + comma + tab > 0 || ++lines >= DETECT_MAX_LINES) {
        decided = true;
        break;
      }
    }
  }
  if (!decided && !final && n < DETECT_MAX_CHARS) return null; // first line with data not complete yet
  if (semi === 0 && comma === 0 && tab === 0) return ',';
  if (semi >= comma && semi >= tab) return ';';
  if (tab > comma) return '\t';
  return ',';
}

export class CsvTokenizer {
  private buf = '';
  private line = 1;
  private started = false;
  private ended = false;
  private delim: Delimiter | null;
  private readonly maxLen: number;
  private readonly maxFields: number;

  constructor(options: CsvOptions = {}) {
    this.delim = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : null;
    this.maxLen = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
    this.maxFields = options.maxFields ?? 100_000;
  }

  /** The delimiter in use (null while auto-detection still waits for the first line). */
  get delimiter(): Delimiter | null {
    return this.delim;
  }

  push(chunk: string): CsvRecord[] {
    if (this.ended) throw new Error('CsvTokenizer: push() after end()');
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    return this.run(false);
  }

  end(): CsvRecord[] {
    if (this.ended) return [];
    this.ended = true;
    return this.run(true);
  }

  private run(final: boolean): CsvRecord[] {
    if (this.delim === null) {
      this.delim = detectDelimiter(this.buf, final);
      if (this.delim === null) {
        if (this.buf.length > this.maxLen) {
          throw new ParseError(`line 1 is longer than ${this.maxLen} characters`, 1, null, 'import.lineTooLong', { line: 1, max: this.maxLen });
        }
        return [];
      }
    }
    return this.scan(final);
  }

  private tooLong(line: number): ParseError {
    return new ParseError(`line ${line} is longer than ${this.maxLen} characters`, line, null, 'import.lineTooLong', { line, max: this.maxLen });
  }

  private scan(final: boolean): CsvRecord[] {
    const buf = this.buf;
    const n = buf.length;
    const d = this.delim as Delimiter;
    const dc = d.charCodeAt(0);
    const out: CsvRecord[] = [];
    const maxLen = this.maxLen;
    const NONE = n + 1;
    let pos = 0;
    let line = this.line;
    let nl = -1; // cached index of the next '\n' at or after some point (NONE = no more)
    let dl = -1; // cached index of the next delimiter
    let fields: string[] = [];
    let startLine = line; // line of the record being scanned

    record: while (pos < n) {
      const recStart = pos;
      const recLine = line;
      startLine = recLine;
      fields = [];
      let i = pos;
      for (;;) {
        if (buf.charCodeAt(i) === QUOTE) {
          // Quoted field.
          const fieldStart = i;
          let j = i + 1;
          let segStart = j;
          let value: string | null = null;
          let close = -1;
          for (;;) {
            const q = buf.indexOf('"', j);
            if (q === -1) break;
            if (q + 1 < n && buf.charCodeAt(q + 1) === QUOTE) {
              value = (value ?? '') + buf.slice(segStart, q + 1);
              j = q + 2;
              segStart = j;
              continue;
            }
            if (q + 1 >= n && !final) break; // the next char might be a second quote
            close = q;
            break;
          }
          if (close === -1) {
            if (final) throw new ParseError(`line ${recLine}: a quoted field is not closed`, recLine, null, 'import.unclosedQuote', { line: recLine });
            break record; // need more data
          }
          fields.push(value === null ? buf.slice(segStart, close) : value + buf.slice(segStart, close));
          i = close + 1;
          // Count newlines inside the quoted field.
          if (nl < fieldStart) {
            nl = buf.indexOf('\n', fieldStart);
            if (nl === -1) nl = NONE;
          }
          while (nl < i) {
            line++;
            nl = buf.indexOf('\n', nl + 1);
            if (nl === -1) nl = NONE;
          }
          const c = i < n ? buf.charCodeAt(i) : -1;
          if (c === dc) {
            i++;
            continue;
          }
          if (c === LF) {
            i++;
            line++;
            break;
          }
          if (c === CR) {
            if (i + 1 < n && buf.charCodeAt(i + 1) === LF) {
              i += 2;
              line++;
              break;
            }
            if (i + 1 >= n && !final) break record;
            i++; // a lone CR ends the record (old Mac line ending)
            break;
          }
          if (c === -1) {
            if (!final) break record;
            break;
          }
          throw new ParseError(
            `line ${line}: unexpected character ${JSON.stringify(buf[i])} after a closing quote (field ${fields.length})`,
            line,
            null,
            'import.afterQuote',
            { line, field: fields.length, char: buf[i] },
          );
        }
        // Unquoted field: up to the next delimiter or newline.
        if (dl < i) {
          dl = buf.indexOf(d, i);
          if (dl === -1) dl = NONE;
        }
        if (nl < i) {
          nl = buf.indexOf('\n', i);
          if (nl === -1) nl = NONE;
        }
        if (dl < nl) {
          fields.push(buf.slice(i, dl));
          i = dl + 1;
          if (fields.length > this.maxFields) {
            throw new ParseError(`line ${recLine} has more than ${this.maxFields} fields`, recLine, null, 'import.tooManyFields', { line: recLine, max: this.maxFields });
          }
          continue;
        }
        if (nl === NONE) {
          if (!final) break record;
          let end = n;
          if (end > i && buf.charCodeAt(end - 1) === CR) end--;
          fields.push(buf.slice(i, end));
          i = n;
          break;
        }
        let end = nl;
        if (end > i && buf.charCodeAt(end - 1) === CR) end--;
        fields.push(buf.slice(i, end));
        i = nl + 1;
        line++;
        break;
      }
      if (i - recStart > maxLen) throw this.tooLong(recLine);
      out.push({ line: recLine, fields });
      pos = i;
    }
    // Keep the incomplete record for the next chunk.
    if (pos < n) {
      if (n - pos > maxLen) throw this.tooLong(startLine);
      this.buf = pos === 0 ? buf : buf.slice(pos);
      this.line = startLine; // newlines of the incomplete record are counted again next time
    } else {
      this.buf = '';
      this.line = line;
    }
    return out;
  }
}

/**
 * Bytes or text in, batches of records out (one batch per input chunk), decoding on the way.
 * Throws `ParseError` for non-text input, over-long lines and unclosed quotes.
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: CsvOptions & DecoderOptions = {},
): AsyncGenerator<CsvRecord[], Delimiter, undefined> {
  const decoder = new ChunkDecoder(options);
  const tok = new CsvTokenizer(options);
  for await (const chunk of source) {
    const text = decoder.write(chunk);
    if (text) {
      const recs = tok.push(text);
      if (recs.length) yield recs;
    }
  }
  const rest = decoder.end();
  if (rest) {
    const recs = tok.push(rest);
    if (recs.length) yield recs;
  }
  const last = tok.end();
  if (last.length) yield last;
  return tok.delimiter ?? ',';
}

/** Tokenises a whole text at once. */
export function parseCsv(text: string, options: CsvOptions = {}): { delimiter: Delimiter; records: CsvRecord[] } {
  const tok = new CsvTokenizer(options);
  const records = tok.push(text);
  for (const r of tok.end()) records.push(r);
  return { delimiter: tok.delimiter ?? ',', records };
}

/** True for a record that is an empty line. */
export function isBlankRecord(r: CsvRecord): boolean {
  return r.fields.length === 1 && r.fields[0].trim() === '';
}
