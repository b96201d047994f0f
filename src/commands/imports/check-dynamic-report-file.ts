/**
 * The first pass of a dynamic-report import: reads the file once, streaming; checks the
 * header, every row's cells with the engine, and every row against the register (credit
 * code, listing, the report open for the year, the actor's scope, duplicates); and writes
 * each report a clean file would file to a staging file — one line per report, already
 * in the form the apply pass writes. Nothing touches the database but the lookups, so a
 * file with errors costs no writes and the second pass only applies what was checked.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { getFactorSet } from '../../engine/index.ts';
import type { Executor } from '../../store/store.ts';
import { mapDynamicReportHeader } from './dynamic-report-columns.ts';
import { planRows, readDynamicReportRow, type DynamicReportRow, type RowPlan } from './dynamic-report-row.ts';
import { importPermission, loadTargets, targetsOfRow } from './dynamic-report-targets.ts';
import { readSheetRows, type SheetFormat, type SheetRow } from './read-sheet-rows.ts';
import { RowErrors } from './row-errors.ts';
import { stagedLine } from './staged-reports.ts';

/** Above this many data rows a file is refused: split it (the national lists hold about 60,000 entries a year). */
export const MAX_IMPORT_ROWS = 1_000_000;

export interface CheckProgress {
  rows: number;
  bytes: number;
}

export interface CheckResult {
  /** Data rows read (the header not counted). */
  rows: number;
  /** Reports the file files (a row may file more than one: the same factory on a national and a provincial list). */
  reports: number;
  errors: RowErrors;
  /** Null when the file was not read to its end (a header it cannot read, too many rows). */
  sha256: string | null;
  bytes: number;
}

export interface CheckInput {
  path: string;
  format: SheetFormat;
  stagedPath: string;
  /** Called after each batch of rows; may throw to stop the run (cancelled, lease lost). */
  onProgress?: (progress: CheckProgress) => Promise<void>;
}

export async function checkDynamicReportFile(db: Executor, actor: Actor, input: CheckInput): Promise<CheckResult> {
  const reader = readSheetRows(input.path, input.format);
  const staged = createWriteStream(input.stagedPath, { highWaterMark: 1 << 20 });
  const errors = new RowErrors();
  const factorSet = getFactorSet();
  const allowed = importPermission(actor);
  const filedBy = new Map<number, number>();
  let plan: RowPlan | undefined;
  let rows = 0;
  let reports = 0;
  try {
    for await (const batch of reader.batches) {
      let dataRows: SheetRow[] = batch;
      if (plan === undefined) {
        const header = mapDynamicReportHeader(batch[0]!.cells);
        for (const problem of header.problems) errors.add({ row: batch[0]!.row, column: problem.column, reason: problem.reason });
        // A header that cannot be read leaves every row unreadable: stop at the file's own problem.
        if (errors.any) break;
        plan = planRows(header.columns);
        dataRows = batch.slice(1);
      }
      rows += dataRows.length;
      if (rows > MAX_IMPORT_ROWS) {
        errors.add({ row: 0, column: null, reason: `more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; split the file / 行数超过上限，请拆分文件` });
        break;
      }
      const readable: { row: number; parsed: DynamicReportRow }[] = [];
      for (const line of dataRows) {
        const parsed = readDynamicReportRow(plan, line.cells, factorSet);
        if (Array.isArray(parsed)) for (const problem of parsed) errors.add({ row: line.row, ...problem });
        else readable.push({ row: line.row, parsed });
      }
      const targets = await loadTargets(db, readable.map((r) => r.parsed));
      const lines: string[] = [];
      for (const { row, parsed } of readable) {
        const enterprise = targets.get(parsed.creditCode);
        const found = targetsOfRow(parsed, enterprise, allowed);
        if (!Array.isArray(found)) {
          errors.add({ row, ...found });
          continue;
        }
        const twice = found.find((t) => filedBy.has(t.reportId));
        if (twice !== undefined) {
          errors.add({ row, column: 'credit_code', reason: `files the same ${parsed.year} report as row ${filedBy.get(twice.reportId)} / 与第${filedBy.get(twice.reportId)}行重复` });
          continue;
        }
        for (const target of found) filedBy.set(target.reportId, row);
        reports += found.length;
        // Once the file has an error nothing will be applied: keep checking, stop staging.
        if (errors.any) continue;
        parsed.document.gridRegion = parsed.gridRegion ?? enterprise!.gridRegion;
        const json = JSON.stringify(parsed.document);
        for (const target of found) lines.push(stagedLine(target, json));
      }
      if (lines.length > 0 && !staged.write(lines.join(''))) await once(staged, 'drain');
      await input.onProgress?.({ rows, bytes: reader.bytesRead() });
    }
    if (plan === undefined && !errors.any) errors.add({ row: 1, column: null, reason: 'the file is empty: no header row / 文件为空，缺少表头' });
  } catch (error) {
    if (!AppError.is(error, 'VALIDATION') || error.path !== 'file') {
      staged.destroy();
      reader.close();
      throw error;
    }
    errors.add({ row: 0, column: null, reason: error.message });
  } finally {
    reader.close();
  }
  staged.end();
  await finished(staged);
  return { rows, reports, errors, sha256: reader.sha256(), bytes: reader.bytesRead() };
}
