/**
 * Errors and error lists shared by the parsers. Pure, framework-free.
 */

/** One problem in an uploaded file. `column` is the header name (or null when the whole line is wrong). */
export interface ImportIssue {
  line: number;
  column: string | null;
  message: string;
  /** Stable message key the web app translates (docs/design.md §4b); `message` stays the English text. */
  code?: string;
  params?: Record<string, string | number>;
}

/** A problem that stops parsing the whole file (not text, line too long, bad header …). */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: string | null = null,
  ) {
    super(message);
    this.name = 'ParseError';
  }

  toIssue(): ImportIssue {
    return { line: this.line, column: this.column, message: this.message };
  }
}

/** The default number of errors kept (the contract reports "the first 100, plus the total count"). */
export const MAX_REPORTED_ERRORS = 100;

/** Collects every error but keeps only the first `limit`; `total` counts them all. */
export class ErrorList {
  readonly items: ImportIssue[] = [];
  total = 0;

  constructor(readonly limit: number = MAX_REPORTED_ERRORS) {}

  add(line: number, column: string | null, message: string, code?: string, params?: Record<string, string | number>): void {
    this.total++;
    if (this.items.length < this.limit) this.items.push({ line, column, message, ...(code ? { code } : {}), ...(code && params ? { params } : {}) });
  }

  addIssue(issue: ImportIssue): void {
    this.add(issue.line, issue.column, issue.message, issue.code, issue.params);
  }

  get ok(): boolean {
    return this.total === 0;
  }

  /** Errors sorted by line then column (the order in which a user reads the file). */
  sorted(): ImportIssue[] {
    return [...this.items].sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
  }
}

/** Shows a user-supplied value in a message without flooding it. */
export function quote(value: string, max = 40): string {
  const v = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(v);
}
