/**
 * One streaming pass over a dynamic-report file inside the caller's transaction: rows
 * come parsed and checked by the engine (parse-dynamic-report-rows.ts), are looked up in the register a batch at a time (credit code, listing, the report open
 * for the year, the actor's scope, duplicates) and, while the file is clean so far,
 * written. A file with errors is read to its end so that every error is reported, and the
 * caller rolls back: nothing of it is stored.
 */
import { statSync } from 'node:fs';
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { Tx } from '../../store/store.ts';
import { importPermission, loadTargets, targetsOfRow } from './dynamic-report-targets.ts';
import type { DynamicReportWriter, ReportToWrite } from './dynamic-report-writer.ts';
import { BATCH_ROWS, documentHead, parseDynamicReportRows } from './parse-dynamic-report-rows.ts';
import { parseDynamicReportRowsInWorker, parsesInWorker } from './parse-dynamic-report-rows-in-worker.ts';
import type { SheetFormat } from './read-sheet-rows.ts';
import { RowErrors } from './row-errors.ts';

/** Above this many data rows a file is refused: split it (the national lists hold about 60,000 entries a year). */
export const MAX_IMPORT_ROWS = 1_000_000;

export interface PassProgress {
  rows: number;
  bytes: number;
}

export interface PassResult {
  /** Data rows read (the header not counted). */
  rows: number;
  /** Reports the file files (one row may file two: the same factory on a national and a provincial list). */
  reports: number;
  errors: RowErrors;
  /** Null when the file was not read to its end (a header it cannot read, too many rows). */
  sha256: string | null;
  bytes: number;
}

export interface PassInput {
  path: string;
  format: SheetFormat;
  /** Called after each batch of rows; may throw to stop the pass (cancelled, overtaken). */
  onProgress?: (progress: PassProgress) => void;
}

export async function importDynamicReportFile(trx: Tx, actor: Actor, writer: DynamicReportWriter, input: PassInput): Promise<PassResult> {
  const source = parsesInWorker(fileSize(input.path)) ? parseDynamicReportRowsInWorker(input.path, input.format, BATCH_ROWS) : parseDynamicReportRows(input.path, input.format, BATCH_ROWS);
  const errors = new RowErrors();
  const allowed = importPermission(actor);
  const filedBy = new RowByReport();
  const heads = new DocumentHeads();
  const result: PassResult = { rows: 0, reports: 0, errors, sha256: null, bytes: 0 };
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) {
        result.sha256 = next.value.sha256;
        result.bytes = next.value.bytes;
        break;
      }
      const batch = next.value;
      result.rows += batch.dataRows;
      result.bytes = batch.bytes;
      for (const problem of batch.problems) errors.add(problem);
      if (result.rows > MAX_IMPORT_ROWS) {
        errors.add({ row: 0, column: null, reason: `more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; split the file / 行数超过上限，请拆分文件` });
        break;
      }
      const targets = await loadTargets(trx, batch.parsed);
      const clean: ReportToWrite[] = [];
      for (const parsed of batch.parsed) {
        const enterprise = targets.get(parsed.creditCode);
        const found = targetsOfRow(parsed, enterprise, allowed);
        if (!Array.isArray(found)) {
          errors.add({ row: parsed.row, ...found });
          continue;
        }
        const twice = found.find((t) => filedBy.has(t.reportId));
        if (twice !== undefined) {
          const first = filedBy.get(twice.reportId);
          errors.add({ row: parsed.row, column: 'credit_code', reason: `files the same ${parsed.year} report as row ${first} / 与第${first}行重复` });
          continue;
        }
        for (const target of found) filedBy.set(target.reportId, parsed.row);
        result.reports += found.length;
        // Once the file has an error nothing will be stored: keep checking, stop writing.
        if (errors.any) continue;
        const head = heads.of(parsed.year, parsed.gridRegion ?? enterprise!.gridRegion);
        for (const target of found) clean.push(Object.assign(target, { head, tail: parsed.tail }));
      }
      if (!errors.any) await writer.add(clean);
      input.onProgress?.({ rows: result.rows, bytes: result.bytes });
    }
  } catch (error) {
    if (!AppError.is(error, 'VALIDATION') || error.path !== 'file') throw error;
    errors.add({ row: 0, column: null, reason: error.message });
  } finally {
    await source.return(undefined as never);
  }
  return result;
}

/** The file's size, or 0 when it cannot be read (the reader reports that as the file's problem). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** `documentHead` for each year and grid, made once: a file holds a few of each. */
class DocumentHeads {
  private readonly byYear = new Map<number, Map<string, string>>();

  of(year: number, gridRegion: Parameters<typeof documentHead>[1]): string {
    let byGrid = this.byYear.get(year);
    if (byGrid === undefined) this.byYear.set(year, (byGrid = new Map()));
    let head = byGrid.get(gridRegion);
    if (head === undefined) byGrid.set(gridRegion, (head = documentHead(year, gridRegion)));
    return head;
  }
}

/**
 * The row that filed each report, for duplicates: a flat array indexed by report id,
 * grown by doubling (4 bytes per id up to the largest seen — 2 MB for 500,000 reports),
 * where a Map of 500,000 entries holds some 20 MB in the heap for the whole import.
 */
class RowByReport {
  private rows = new Int32Array(1024);

  has(reportId: number): boolean {
    return reportId < this.rows.length && this.rows[reportId] !== 0;
  }

  get(reportId: number): number | undefined {
    return this.has(reportId) ? this.rows[reportId] : undefined;
  }

  set(reportId: number, row: number): void {
    if (reportId >= this.rows.length) {
      let size = this.rows.length;
      while (size <= reportId) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[reportId] = row;
  }
}
