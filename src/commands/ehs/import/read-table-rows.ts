/**
 * Streams the rows of a CSV or XLSX file as plain cells, with the sheet name and the row
 * number a person sees in a spreadsheet (the header is row 1). CSV is UTF-8 with or
 * without a BOM (csv-parse); XLSX is read with exceljs's streaming reader, every sheet in
 * turn. Cells come out as text or numbers; dates as 'YYYY-MM-DD'.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';
export type Cell = string | number | null;

export interface TableRow {
  /** Worksheet name (XLSX) or null (CSV). */
  sheet: string | null;
  /** 1-based, as the spreadsheet shows it; row 1 is the header. */
  row: number;
  cells: Cell[];
}

function plainDate(date: Date): string {
  // Excel dates carry no zone; exceljs gives them as UTC midnight.
  return date.toISOString().slice(0, 10);
}

/** exceljs cell values: text, numbers, dates, rich text, formulas (their result), hyperlinks. */
function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return plainDate(value);
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
    if ('result' in object) return xlsxCell(object.result);
    if (typeof object.text === 'string') return object.text;
    if (typeof object.error === 'string') return object.error;
  }
  return String(value);
}

async function* csvRows(source: Readable): AsyncGenerator<TableRow> {
  const parser = source.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    yield { sheet: null, row, cells: record.map((cell) => (cell === '' ? null : cell)) };
  }
}

async function* xlsxRows(source: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { entries: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<{ number: number; values: unknown[] }> & { name: string }>) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = values.map(xlsxCell);
      if (cells.every((cell) => cell === null || cell === '')) continue;
      yield { sheet: worksheet.name, row: row.number, cells };
    }
  }
}

export function readTableRows(source: Readable, format: TableFormat): AsyncGenerator<TableRow> {
  return format === 'csv' ? csvRows(source) : xlsxRows(source);
}

/** The format of an upload, from its media type or, failing that, its name. */
export function tableFormatOf(mediaType: string | undefined, fileName: string | undefined): TableFormat | undefined {
  const type = (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  if (type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  const name = (fileName ?? '').toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}
