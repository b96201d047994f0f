/** The errors of an import: every one counted, the first 1,000 kept (a file with 400,000 bad rows needs no 400,000-line report). */

export interface RowError {
  /** Spreadsheet row (the header is row 1); 0 for a problem with the file itself. */
  row: number;
  /** The column's key (or the header text it could not read); null when no one column is at fault. */
  column: string | null;
  /** "English / 中文" */
  reason: string;
}

export const MAX_LISTED_ERRORS = 1000;

export class RowErrors {
  readonly listed: RowError[] = [];
  count = 0;

  add(error: RowError): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(error);
  }

  get any(): boolean {
    return this.count > 0;
  }
}
