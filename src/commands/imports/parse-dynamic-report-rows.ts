/**
 * The file half of a dynamic-report import, free of the database: streams the file, maps
 * the header, reads every row into AnnualData (checked by the engine) and serialises it.
 * The register half (lookups, scope, writes) is import-dynamic-report-file.ts. A row's grid defaults to its factory's region, known only
 * after the lookup, so each document travels as the JSON after its `gridRegion` value
 * (`documentTail`), and `documentHead` + tail make the whole — the same text
 * `JSON.stringify` gives for the whole document (`documentJson`). The tail travels as its
 * UTF-8 bytes, written into one buffer per batch: a batch parsed in a worker moves to the
 * importing thread without a copy, and the database receives the bytes as they are (a
 * document of Chinese text is a two-byte JS string, converted again on every bind).
 */
import type { AnnualData } from '../../engine/annual-data.ts';
import { getFactorSet } from '../../engine/factor-set.ts';
import { mapDynamicReportHeader } from './dynamic-report-columns.ts';
import { planRows, readDynamicReportRow, type RowPlan } from './dynamic-report-row.ts';
import { readSheetRows, type SheetFormat } from './read-sheet-rows.ts';
import type { RowError } from './row-errors.ts';

/**
 * Rows per batch: one lookup round trip each, and small enough that a batch dies young
 * (V8 promotes what outlives two scavenges; 1,000 kept the peak RSS lowest in bench/import.ts).
 */
export const BATCH_ROWS = 1000;

/** Rows read from the sheet at a time, each parsed before the next are read. */
const SHEET_ROWS = 50;

export interface ParsedRow {
  row: number;
  creditCode: string;
  year: number;
  listEntryId: number | null;
  /** The grid the row names, or null for the factory's own. */
  gridRegion: AnnualData['gridRegion'] | null;
  /** The document's JSON after its gridRegion value, `,"energy":[…],…}`, in UTF-8 (a view into its batch's buffer). */
  tail: Uint8Array;
}

export interface ParsedBatch {
  /** Data rows this batch covers (rows with problems included). */
  dataRows: number;
  parsed: ParsedRow[];
  problems: RowError[];
  /** Bytes of the file read so far. */
  bytes: number;
}

export interface ParseEnd {
  /** SHA-256 of the file; null when it was not read to its end. */
  sha256: string | null;
  bytes: number;
}

/** The JSON text of a document before its tail: `{"year":2025,"gridRegion":"east"`. */
export function documentHead(year: number, gridRegion: AnnualData['gridRegion']): string {
  return `{"year":${year},"gridRegion":${JSON.stringify(gridRegion)}`;
}

/** The JSON text of a document from its year, grid and tail (see `ParsedRow.tail`). */
export function documentJson(year: number, gridRegion: AnnualData['gridRegion'], tail: Uint8Array): string {
  return documentHead(year, gridRegion) + Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).toString('utf8');
}

/** Tails of one batch, written one after another into buffers of their own (never Node's shared pool, so a batch can be transferred). */
class TailBuffer {
  private static readonly SIZE = 1 << 20;
  private chunk = Buffer.allocUnsafeSlow(TailBuffer.SIZE);
  private used = 0;

  /** Consumes the document: its gridRegion is blanked in place (it is serialised here and not used again). */
  add(document: AnnualData): Uint8Array {
    (document as { gridRegion: string }).gridRegion = '';
    const json = JSON.stringify(document);
    const head = `{"year":${document.year},"gridRegion":""`;
    if (!json.startsWith(head)) throw new Error('document keys out of order: year and gridRegion must come first');
    const text = json.slice(head.length);
    // A UTF-16 code unit is at most three bytes of UTF-8.
    const most = text.length * 3;
    if (this.used + most > this.chunk.length) this.start(Math.max(TailBuffer.SIZE, most));
    const written = this.chunk.write(text, this.used, most, 'utf8');
    const tail = this.chunk.subarray(this.used, this.used + written);
    this.used += written;
    return tail;
  }

  /** The next batch's tails go to a new buffer: the last one's may move to another thread. */
  start(size = TailBuffer.SIZE): void {
    this.chunk = Buffer.allocUnsafeSlow(size);
    this.used = 0;
  }
}

/**
 * Batches of parsed rows. A header it cannot read yields one batch with the header's
 * problems and ends. A file that cannot be read at all throws VALIDATION at path 'file'.
 */
export async function* parseDynamicReportRows(path: string, format: SheetFormat, batchSize = BATCH_ROWS): AsyncGenerator<ParsedBatch, ParseEnd> {
  // The sheet is read in small batches and each row parsed at once: its cells and document
  // die young, and only what a batch needs (key, document text) waits for the batch.
  const reader = readSheetRows(path, format, SHEET_ROWS);
  const factorSet = getFactorSet();
  const tails = new TailBuffer();
  let plan: RowPlan | undefined;
  let batch: ParsedBatch = { dataRows: 0, parsed: [], problems: [], bytes: 0 };
  try {
    for await (const lines of reader.batches) {
      let first = 0;
      if (plan === undefined) {
        const header = mapDynamicReportHeader(lines[0]!.cells);
        if (header.problems.length > 0) {
          yield { dataRows: 0, parsed: [], problems: header.problems.map((p) => ({ row: lines[0]!.row, column: p.column, reason: p.reason })), bytes: reader.bytesRead() };
          return { sha256: null, bytes: reader.bytesRead() };
        }
        plan = planRows(header.columns);
        first = 1;
      }
      for (let i = first; i < lines.length; i++) {
        const line = lines[i]!;
        const row = readDynamicReportRow(plan, line.cells, factorSet);
        if (Array.isArray(row)) for (const problem of row) batch.problems.push({ row: line.row, ...problem });
        else batch.parsed.push({ row: line.row, creditCode: row.creditCode, year: row.year, listEntryId: row.listEntryId, gridRegion: row.gridRegion, tail: tails.add(row.document) });
        if (++batch.dataRows >= batchSize) {
          batch.bytes = reader.bytesRead();
          yield batch;
          batch = { dataRows: 0, parsed: [], problems: [], bytes: 0 };
          tails.start();
        }
      }
    }
    if (plan === undefined) yield { dataRows: 0, parsed: [], problems: [{ row: 1, column: null, reason: 'the file is empty: no header row / 文件为空，缺少表头' }], bytes: reader.bytesRead() };
    else if (batch.dataRows > 0) yield { ...batch, bytes: reader.bytesRead() };
    return { sha256: reader.sha256(), bytes: reader.bytesRead() };
  } finally {
    reader.close();
  }
}
