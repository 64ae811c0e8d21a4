/** The PDF brief's file name: the meeting's title and date ("Beleidstafel-Zuid-2025-01-15.pdf"). */
export function briefFileName(title: string, date: string): string {
  return `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'notitie'}-${date}.pdf`;
}

/** Saves a fetched file (the request needs the token, so it cannot be a plain link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
