/**
 * Automatic format detection (`?format=auto`, docs/design.md §4b): long CSV or a CBS StatLine download, read
 * from the first bytes of the file only (the rest keeps streaming). Pure, framework-free.
 *
 * Rules, in order:
 * 1. The first non-blank line, split on its delimiter (`,` `;` tab), names `indicator`, `subject`
 *    and `period` → long (sure).
 * 2. StatLine markers → statline (sure): a header field "Perioden"/"Periods", "Wijken en buurten",
 *    "Regio's"/"Regions", "Districts and neighbourhoods", a field starting "Regioaanduiding"/
 *    "Regional designation", a `"";"Onderwerp"`/`"";"Topic"` line (pivot layout), an `ID` first
 *    column with a `;` delimiter, or a topic with a unit in parentheses ("Roker (%)") with `;`.
 * 3. Otherwise, when the first line is a lone title followed by a blank line (pivot layout):
 *    statline, unsure (the reason says why it was assumed).
 * 4. A header that names some of the long format's columns (or all of them in one field: wrong
 *    delimiter) is taken as a long file with mistakes, so that the long reader names each one.
 * 5. Anything else matches no format: one message naming what was expected. Empty files and
 *    files that are not text come back as `empty`/`not-text` (format null): the readers already
 *    explain those with line numbers.
 */
export type DetectedFormat = 'long' | 'statline';

export interface FormatDetection {
  format: DetectedFormat | null;
  /** False when the format was assumed; `reason` then says why. */
  sure: boolean;
  /** Message key for the web app (docs/design.md §4b `code`). */
  code:
    | 'import.format.long'
    | 'import.format.long-assumed'
    | 'import.format.statline'
    | 'import.format.statline-assumed'
    | 'import.format.unknown'
    | 'import.format.not-text'
    | 'import.format.empty';
  /** English, for logs and the CLI; the web shows `code` with `params` in the user's language. */
  reason: string;
  /** The reason's details for the message `code` (the columns named, the title seen …). */
  params?: Record<string, string>;
}

const STATLINE_FIELDS = [
  /^perioden$/i,
  /^periods$/i,
  /^wijken en buurten$/i,
  /^regio'?s$/i,
  /^regions$/i,
  /^districts and neighbourhoods$/i,
  /^regioaanduiding/i,
  /^regional designation/i,
  /^onderwerpe?n?$/i,
  /^topics?$/i,
];

function decodeHead(head: Uint8Array): string {
  let b = head;
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const le = b[0] === 0xff;
    const chars: number[] = [];
    for (let i = 2; i + 1 < b.length; i += 2) chars.push(le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
    return String.fromCharCode(...chars.slice(0, 16384));
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8').replace(/^\uFEFF/, '');
}

/** Splits one CSV line (quotes respected) on the delimiter; fields trimmed and unquoted. */
function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function delimiterOf(line: string): string {
  const counts = [',', ';', '\t'].map((d) => ({ d, n: splitLine(line, d).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 1 ? counts[0].d : ',';
}

// eslint-disable-next-line no-control-regex
const BINARY = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;
const LONG_NAMES = ['indicator', 'subject', 'period', 'value', 'numerator', 'denominator'];

export function detectFormat(head: Uint8Array | string): FormatDetection {
  if (typeof head !== 'string') {
    const b = head;
    const utf16 = b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
    if (!utf16 && BINARY.test(Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 4096)).toString('latin1'))) {
      return { format: null, sure: true, code: 'import.format.not-text', reason: 'the file is not text' };
    }
  }
  const text = typeof head === 'string' ? head.replace(/^\uFEFF/, '') : decodeHead(head);
  const lines = text.split(/\r?\n/);
  // The last line of the head may be cut off mid-way; look at complete lines only when there are some.
  const complete = lines.length > 1 ? lines.slice(0, -1) : lines;
  const firstIdx = complete.findIndex((l) => l.replace(/[";,\s]/g, '') !== '');
  if (firstIdx === -1) {
    return { format: null, sure: true, code: 'import.format.empty', reason: 'the file is empty: expected a long CSV (header indicator,subject,period,value,numerator,denominator) or a CBS StatLine CSV download' };
  }
  const first = complete[firstIdx];
  const delimiter = delimiterOf(first);
  const fields = splitLine(first, delimiter).map((f) => f.replace(/^\uFEFF/, ''));
  const lower = fields.map((f) => f.toLowerCase());
  if (['indicator', 'subject', 'period'].every((c) => lower.includes(c))) {
    return { format: 'long', sure: true, code: 'import.format.long', reason: 'the header names indicator, subject and period (long format)' };
  }
  // R's write.csv mangles headers ("Wijken.en.buurten"): dots count as spaces for the markers.
  const isMarker = (f: string) => STATLINE_FIELDS.some((re) => re.test(f.replace(/\.+/g, ' ').trim()));
  const marker = fields.find(isMarker);
  if (marker !== undefined) {
    return { format: 'statline', sure: true, code: 'import.format.statline', reason: `the header has the StatLine column ${JSON.stringify(marker)}`, params: { column: marker.slice(0, 80) } };
  }
  const pivotTopic = complete
    .slice(firstIdx + 1, firstIdx + 6)
    .some((l) => splitLine(l, delimiterOf(l)).some((f) => isMarker(f)));
  if (pivotTopic) {
    return { format: 'statline', sure: true, code: 'import.format.statline', reason: 'a title line followed by a StatLine dimension line ("Onderwerp", "Wijken en buurten": StatLine table layout)' };
  }
  if (delimiter === ';' && (lower[0] === 'id' || fields.some((f) => /\([^)]*\)$/.test(f)))) {
    return { format: 'statline', sure: true, code: 'import.format.statline', reason: 'a ;-separated header with topics and units in parentheses (StatLine download)' };
  }
  const named = LONG_NAMES.filter((c) => lower.includes(c) || (fields.length === 1 && lower[0].includes(c)));
  if (named.length >= 2) {
    return {
      format: 'long',
      sure: false,
      code: 'import.format.long-assumed',
      reason: `assumed the long format: the header names ${named.join(', ')}, but not all of indicator, subject and period in separate columns`,
      params: { columns: named.join(', ') },
    };
  }
  if (fields.filter((f) => f !== '').length === 1 && (complete[firstIdx + 1] ?? '').replace(/[";,\s]/g, '') === '') {
    const title = fields.find((f) => f !== '')?.slice(0, 80) ?? '';
    return {
      format: 'statline',
      sure: false,
      code: 'import.format.statline-assumed',
      reason: `assumed a StatLine table: the first line is a lone title (${JSON.stringify(title)}) followed by a blank line, as in StatLine's table layout`,
      params: { title },
    };
  }
  return {
    format: null,
    sure: true,
    code: 'import.format.unknown',
    reason: `the header (${fields.slice(0, 6).map((f) => JSON.stringify(f.slice(0, 40))).join(', ')}${fields.length > 6 ? ' …' : ''}) matches no format: expected a long CSV with the header indicator,subject,period,value,numerator,denominator or an unmodified CBS StatLine CSV download (with a "Perioden" or "Wijken en buurten" column)`,
  };
}
