/**
 * Streams the rows of an import file in batches, never the whole file in memory: CSV
 * through csv-records.ts (UTF-8, with or without a BOM), XLSX through exceljs's streaming
 * WorkbookReader, first worksheet only (a workbook may carry notes on later sheets).
 * The bytes are hashed (SHA-256) and counted as they pass, for the import's record and
 * its progress. Row numbers are those a spreadsheet shows: the header is row 1.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { csvRecords } from './csv-records.ts';
import { AppError } from '../../domain/errors.ts';
import type { Cell } from './dynamic-report-row.ts';

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface SheetReader {
  /** Batches of rows in file order; the first row of the first batch is the header. A file that cannot be read fails with VALIDATION at path 'file'. */
  batches: AsyncGenerator<SheetRow[]>;
  /** Bytes read from the file so far. */
  bytesRead(): number;
  /** SHA-256 of the file once every batch has been read; null when reading stopped early. */
  sha256(): string | null;
  /** Stops reading (after an early stop) and releases the file. */
  close(): void;
}

/** The format of a file from its name (or, failing that, a media type). */
export function sheetFormatOf(fileName: string | undefined, mediaType?: string): SheetFormat | undefined {
  const name = (fileName ?? '').toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  const type = (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  if (type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  return undefined;
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === null || cell === '');
}

async function* csvBatches(source: Readable, size: number, meter: (chunk: Buffer) => void): AsyncGenerator<SheetRow[]> {
  // The meter and the parser are attached in one go, when reading starts: no chunk passes one without the other.
  source.on('data', meter);
  source.setEncoding('utf8');
  let batch: SheetRow[] = [];
  // Row numbers are the lines records start on; empty lines are skipped, not renumbered.
  for await (const record of csvRecords(source as AsyncIterable<string>)) {
    const cells: Cell[] = record.fields;
    if (isBlank(cells)) continue;
    batch.push({ row: record.line, cells });
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** exceljs cell values: text, numbers, dates, rich text, formulas (their result), hyperlinks. */
function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const object = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
  if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
  if ('result' in object) return xlsxCell(object.result);
  if (typeof object.text === 'string') return object.text;
  return String(value);
}

async function* xlsxBatches(source: Readable, size: number, meter: (chunk: Buffer) => void): AsyncGenerator<SheetRow[]> {
  // Loaded on first use: a CSV import (and its parse worker) never needs it.
  const { default: ExcelJS } = await import('exceljs');
  source.on('data', meter);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { entries: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  let batch: SheetRow[] = [];
  for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<{ number: number; values: unknown[] }>>) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
      if (isBlank(cells)) continue;
      batch.push({ row: row.number, cells });
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    break; // the first worksheet only
  }
  if (batch.length > 0) yield batch;
  // Read the rest of the file past the first sheet so that its hash covers every byte.
  source.unpipe();
  source.resume();
  if (!source.readableEnded) await finished(source);
}

/** Reader failures (a stray quote, a file that is no workbook) are the file's problem, not the server's. */
async function* asFileProblems(batches: AsyncGenerator<SheetRow[]>, format: SheetFormat, done: () => void): AsyncGenerator<SheetRow[]> {
  try {
    yield* batches;
    done();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION', `file: cannot be read as ${format.toUpperCase()}: ${reason.slice(0, 300)} / 文件无法按${format.toUpperCase()}格式读取`, { path: 'file' });
  }
}

export function readSheetRows(path: string, format: SheetFormat, batchSize = 2000): SheetReader {
  const hash = createHash('sha256');
  let bytes = 0;
  let complete = false;
  // 64 KB chunks: decoded, a chunk stays an ordinary young string (a 1 MB one is a large
  // object, promoted to the old generation while its rows are read — 80 MB more peak RSS
  // over a 500,000-row import, bench/import.ts).
  const source = createReadStream(path, { highWaterMark: 1 << 16 });
  const meter = (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  };
  let digest: string | undefined;
  return {
    batches: asFileProblems(format === 'csv' ? csvBatches(source, batchSize, meter) : xlsxBatches(source, batchSize, meter), format, () => (complete = true)),
    bytesRead: () => bytes,
    sha256: () => (complete ? (digest ??= hash.digest('hex')) : null),
    close: () => source.destroy(),
  };
}
