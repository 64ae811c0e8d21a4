/**
 * Client-side exports. CSV cells that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`,
 * tab, carriage return) get a leading `'` so an exported file cannot run anything (CSV injection).
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value == null) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  // Numbers are data, not formulas: "-3" stays a negative number.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Lowercase file name without spaces or characters a file system may refuse. */
export function fileName(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadCsv(header: string[], rows: CsvCell[][], name: string): void {
  // BOM so Excel opens UTF-8 (ë, ï) correctly.
  downloadBlob(new Blob(['\ufeff', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), name);
}
