/**
 * Bytes → text, chunk by chunk.
 *
 * - UTF-8 with or without BOM (the BOM is dropped).
 * - UTF-16 LE/BE with a BOM.
 * - Windows-1252 (what Excel's "CSV" writes) when the file is not valid UTF-8 and nothing but
 *   ASCII was seen before the first invalid byte.
 * - Anything with NUL bytes or other control characters (binary files, UTF-16 without BOM,
 *   .xlsx/.xls, PDF …) is refused with a `ParseError` "file is not text: …".
 *
 * A chunk may end in the middle of a character: the incomplete bytes are kept for the next one.
 */
import { ParseError } from './errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// Control characters that never occur in a text file (tab, LF, VT, FF and CR are allowed).
// eslint-disable-next-line no-control-regex
const BINARY_CHARS = /[\x00-\x08\x0e-\x1f]/;
// C1 controls only appear when bytes 0x81/0x8d/0x8f/0x90/0x9d are decoded as windows-1252.
const C1_CHARS = /[\x80-\x9f]/;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

function countLines(text: string, end: number): number {
  let n = 0;
  let i = text.indexOf('\n');
  while (i !== -1 && i < end) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

function binaryHint(head: Uint8Array): { kind: 'zip' | 'xls' | 'nul' | 'binary'; text: string } {
  const b = head;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return { kind: 'zip', text: 'it looks like a ZIP or Excel .xlsx/.ods file; export it as CSV (UTF-8)' };
  }
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return { kind: 'xls', text: 'it looks like an old Excel .xls file; export it as CSV (UTF-8)' };
  }
  if (b.length >= 2 && (b[0] === 0 || b[1] === 0)) {
    return { kind: 'nul', text: 'it contains NUL bytes: a binary file, or UTF-16 text without a byte order mark; save it as UTF-8' };
  }
  return { kind: 'binary', text: 'it contains binary data (control characters); upload a CSV text file in UTF-8' };
}

/** Length of the longest prefix of `b` that ends on a UTF-8 character boundary. */
function completeUtf8Length(b: Uint8Array): number {
  const n = b.length;
  // Look back at most 3 bytes for the start of a multi-byte sequence.
  for (let k = 1; k <= 3 && k <= n; k++) {
    const byte = b[n - k];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    if (byte < 0x80) return n; // ASCII: complete
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return k >= need ? n : n - k;
  }
  return n; // invalid (more than 3 continuation bytes): let the fatal decoder report it
}

export interface DecoderOptions {
  /** Allow a fall-back to windows-1252 for files that are not valid UTF-8 (default true). */
  allowWindows1252?: boolean;
}

/**
 * Incremental decoder: `write(chunk)` returns the text decoded so far, `end()` the rest.
 * Throws `ParseError` (with the line where the problem is) for data that is not text.
 */
export class ChunkDecoder {
  private encoding: TextEncodingName | null = null;
  private pending: Uint8Array = new Uint8Array(0);
  private utf16: TextDecoder | null = null;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private sawNonAscii = false;
  private lines = 0; // newlines emitted so far
  private head: Uint8Array | null = null;
  private readonly allow1252: boolean;

  constructor(options: DecoderOptions = {}) {
    this.allow1252 = options.allowWindows1252 ?? true;
  }

  /** The detected encoding (null until enough bytes were seen). */
  get detectedEncoding(): TextEncodingName | null {
    return this.encoding;
  }

  write(chunk: Uint8Array | string): string {
    if (typeof chunk === 'string') {
      // Already text (e.g. a body parsed by a framework): only check it.
      let text = chunk;
      if (this.encoding === null) {
        if (chunk.length === 0) return '';
        this.encoding = 'utf-8';
        if (chunk.charCodeAt(0) === 0xfeff) text = chunk.slice(1);
      }
      return this.check(text);
    }
    let bytes = chunk;
    if (this.pending.length > 0) {
      const merged = new Uint8Array(this.pending.length + chunk.length);
      merged.set(this.pending, 0);
      merged.set(chunk, this.pending.length);
      bytes = merged;
      this.pending = new Uint8Array(0);
    }
    if (this.encoding === null) {
      if (bytes.length < 4) {
        this.pending = bytes;
        return '';
      }
      bytes = this.detect(bytes);
    }
    return this.decode(bytes, false);
  }

  end(): string {
    let bytes = this.pending;
    this.pending = new Uint8Array(0);
    if (this.encoding === null) {
      if (bytes.length === 0) return '';
      bytes = this.detect(bytes);
    }
    return this.decode(bytes, true);
  }

  private detect(bytes: Uint8Array): Uint8Array {
    this.head = bytes.slice(0, 8);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.encoding = 'utf-8';
      return bytes.subarray(3);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.encoding = 'utf-16le';
      this.utf16 = new TextDecoder('utf-16le', { fatal: true });
      return bytes.subarray(2);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.encoding = 'utf-16be';
      this.utf16 = new TextDecoder('utf-16be', { fatal: true });
      return bytes.subarray(2);
    }
    this.encoding = 'utf-8';
    return bytes;
  }

  private decode(bytes: Uint8Array, final: boolean): string {
    if (this.utf16) {
      let text: string;
      try {
        text = this.utf16.decode(bytes, { stream: !final });
      } catch {
        throw new ParseError(`file is not text: invalid ${this.encoding} data`, this.lines + 1, null, 'import.notText.encoding', { encoding: this.encoding ?? 'UTF-16' });
      }
      return this.check(text);
    }
    if (this.encoding === 'windows-1252') {
      return this.check(new TextDecoder('windows-1252').decode(bytes));
    }
    const cut = final ? bytes.length : completeUtf8Length(bytes);
    const body = cut === bytes.length ? bytes : bytes.subarray(0, cut);
    if (cut < bytes.length) this.pending = bytes.slice(cut);
    let text: string;
    try {
      text = this.utf8.decode(body);
    } catch {
      if (this.allow1252 && !this.sawNonAscii) {
        // Not UTF-8, and everything emitted so far was ASCII: re-read as windows-1252.
        this.encoding = 'windows-1252';
        const rest = new Uint8Array(bytes.length);
        rest.set(bytes);
        this.pending = new Uint8Array(0);
        return this.decode(rest, final);
      }
      throw new ParseError('file is not text: invalid UTF-8 (save the file as UTF-8)', this.lines + 1, null, 'import.notText.utf8');
    }
    if (!this.sawNonAscii && NON_ASCII.test(text)) this.sawNonAscii = true;
    return this.check(text);
  }

  private check(text: string): string {
    const m = BINARY_CHARS.exec(text) ?? (this.encoding === 'windows-1252' ? C1_CHARS.exec(text) : null);
    if (m) {
      const line = this.lines + countLines(text, m.index) + 1;
      const hint = binaryHint(this.head ?? new Uint8Array(0));
      throw new ParseError(`file is not text: ${hint.text}`, line, null, `import.notText.${hint.kind}`);
    }
    this.lines += countLines(text, text.length);
    return text;
  }
}

/** Decodes a whole buffer (convenience for small files and tests). */
export function decodeText(bytes: Uint8Array | string, options?: DecoderOptions): string {
  const d = new ChunkDecoder(options);
  return d.write(bytes) + d.end();
}

/** Turns any byte/text source into text chunks, decoding incrementally. */
export async function* decodeChunks(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options?: DecoderOptions,
): AsyncGenerator<string, void, undefined> {
  const d = new ChunkDecoder(options);
  for await (const chunk of source) {
    const text = d.write(chunk);
    if (text) yield text;
  }
  const rest = d.end();
  if (rest) yield rest;
}
