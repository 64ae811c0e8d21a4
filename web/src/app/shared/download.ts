import { toCsv, type CsvColumn, type CsvLang } from './csv';

/** Client-side downloads: file names and the browser's save dialog. CSV text comes from csv.ts. */

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

export function downloadCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], lang: CsvLang, name: string): void {
  downloadBlob(new Blob([toCsv(columns, rows, lang)], { type: 'text/csv;charset=utf-8' }), name);
}
