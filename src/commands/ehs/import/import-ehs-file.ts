/**
 * Imports LDAR inspection readings or monitoring results from a CSV or XLSX file,
 * streaming it row by row. Every row is checked — cell formats first, then against the
 * register (unknown seal point, no permit limit, a different value already stored) —
 * and each problem is reported with its sheet, row, column and reason.
 *
 * Policy: all or nothing. A file with any error stores nothing (the transaction is
 * rolled back) and the report lists the errors (the first 1 000); a clean file is stored
 * in one transaction. Rows already stored with the same values are counted as unchanged,
 * so importing the same file twice is harmless.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '../../../domain/actors/actor.ts';
import { todayInShanghai } from '../../../domain/calendar/plain-date.ts';
import { AppError, invalid } from '../../../domain/errors.ts';
import { sealPointsByTag } from '../../../store/repositories/ehs/ehs-ldar.ts';
import type { Store } from '../../../store/store.ts';
import { auditRegisterChange, openRegister, type RegisterOptions } from '../ehs-register-access.ts';
import { writeInspectionReadings, type ReadingInput } from '../write-inspection-readings.ts';
import { writeMonitoringResults, type MonitoringResultInput } from '../write-monitoring-results.ts';
import { EHS_IMPORT_KINDS, IMPORT_COLUMNS, mapHeader, type EhsImportKind } from './import-columns.ts';
import { readTableRows, type TableFormat } from './read-table-rows.ts';

export interface ImportRowError {
  sheet: string | null;
  /** Spreadsheet row number (the header is row 1); 0 for a problem with the file itself. */
  row: number;
  column: string | null;
  reason: string;
}

export interface EhsImportReport {
  kind: EhsImportKind;
  rows: number;
  stored: number;
  unchanged: number;
  /** Leaks (readings) or exceedances (monitoring) found among the stored rows. */
  flagged: number;
  committed: boolean;
  errors: ImportRowError[];
  /** More errors than listed. */
  moreErrors: number;
}

/** Rows are held in memory until the whole file is checked (all or nothing): about 1 kB each. */
export const MAX_IMPORT_ROWS = 200_000;
const MAX_LISTED_ERRORS = 1000;

interface ParsedRow {
  sheet: string | null;
  row: number;
  columns: Map<string, { index: number; name: string }>;
  values: Record<string, unknown>;
}

class ImportFailed extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import failed');
  }
}

/** Reads and checks cell formats; rows with a bad cell are reported and left out. */
async function parseRows(kind: EhsImportKind, source: Readable, format: TableFormat, errors: ImportRowError[]): Promise<{ parsed: ParsedRow[]; dataRows: number }> {
  const parsed: ParsedRow[] = [];
  let header: { sheet: string | null; columns: Map<string, { index: number; name: string }>; usable: boolean } | undefined;
  let count = 0;
  try {
    for await (const line of readTableRows(source, format)) {
      if (header === undefined || header.sheet !== line.sheet) {
        const mapped = mapHeader(kind, line.cells);
        header = { sheet: line.sheet, columns: mapped.columns, usable: mapped.missing.length === 0 };
        for (const missing of mapped.missing) errors.push({ sheet: line.sheet, row: line.row, column: missing, reason: 'required column is missing from the header / 表头缺少必填列' });
        continue;
      }
      if (++count > MAX_IMPORT_ROWS) {
        errors.push({ sheet: line.sheet, row: line.row, column: null, reason: `more than ${MAX_IMPORT_ROWS} rows; split the file / 行数超过上限，请拆分文件` });
        break;
      }
      // A sheet without the required columns was reported once, at its header.
      if (!header.usable) continue;
      const values: Record<string, unknown> = {};
      let ok = true;
      for (const spec of IMPORT_COLUMNS[kind]) {
        const column = header.columns.get(spec.key);
        if (column === undefined) continue;
        const result = spec.read(line.cells[column.index] ?? null);
        if ('reason' in result) {
          if (spec.required || line.cells[column.index] != null) {
            errors.push({ sheet: line.sheet, row: line.row, column: column.name, reason: result.reason });
            ok = false;
          }
          continue;
        }
        if (spec.required && result.value === '') {
          errors.push({ sheet: line.sheet, row: line.row, column: column.name, reason: 'is required / 必填' });
          ok = false;
          continue;
        }
        values[spec.key] = result.value;
      }
      if (ok) parsed.push({ sheet: line.sheet, row: line.row, columns: header.columns, values });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    errors.push({ sheet: header?.sheet ?? null, row: 0, column: null, reason: `the file cannot be read as ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)} / 文件无法读取` });
  }
  if (count === 0 && errors.length === 0) errors.push({ sheet: null, row: 0, column: null, reason: 'the file has no data rows / 文件没有数据行' });
  return { parsed, dataRows: Math.min(count, MAX_IMPORT_ROWS) };
}

function columnName(row: ParsedRow, key: string): string {
  return row.columns.get(key)?.name ?? key;
}

export async function importEhsFile(
  store: Store,
  actor: Actor,
  input: { enterpriseId: number; kind: string; format: TableFormat; source: Readable },
  options: RegisterOptions = {},
): Promise<EhsImportReport> {
  if (!(EHS_IMPORT_KINDS as readonly string[]).includes(input.kind)) throw invalid('kind', `must be one of ${EHS_IMPORT_KINDS.join(', ')}`);
  const kind = input.kind as EhsImportKind;
  const today = options.today ?? todayInShanghai();
  // Authorize before reading the file: a refused actor learns nothing about its contents.
  const enterprise = await openRegister(store.db, actor, 'write', input.enterpriseId);
  const errors: ImportRowError[] = [];
  const { parsed: rows, dataRows } = await parseRows(kind, input.source, input.format, errors);
  const report = (committed: boolean, stored = 0, unchanged = 0, flagged = 0): EhsImportReport => ({ kind, rows: dataRows, stored, unchanged, flagged, committed, errors: errors.slice(0, MAX_LISTED_ERRORS), moreErrors: Math.max(0, errors.length - MAX_LISTED_ERRORS) });
  try {
    return await store.transaction(async (trx) => {
      await openRegister(trx, actor, 'write', enterprise.id);
      let stored = 0;
      let unchanged = 0;
      let flagged = 0;
      if (kind === 'inspection-readings') {
        const pointsByTag = await sealPointsByTag(trx, enterprise.id);
        const byRound = new Map<string, ParsedRow[]>();
        for (const row of rows) byRound.set(row.values.round as string, [...(byRound.get(row.values.round as string) ?? []), row]);
        for (const [code, roundRows] of byRound) {
          const dates = roundRows.map((r) => r.values.measuredOn as string).sort();
          const first = (key: string) => (roundRows.map((r) => r.values[key] as string | undefined).find((v) => v) ?? '').slice(0, 100);
          const readings: ReadingInput[] = roundRows.map((r) => ({ tag: r.values.tag as string, measuredOn: r.values.measuredOn as string, valueUmolPerMol: r.values.valueUmolPerMol as number, backgroundUmolPerMol: (r.values.backgroundUmolPerMol as number | null | undefined) ?? null, visibleLeak: r.values.visibleLeak === true }));
          const result = await writeInspectionReadings(trx, enterprise, { code: code.slice(0, 40), startedOn: dates[0]!, completedOn: dates.at(-1)!, inspector: first('inspector'), instrument: first('instrument'), source: 'import' }, readings, { today, pointsByTag });
          for (const problem of result.problems) errors.push({ sheet: roundRows[problem.index]!.sheet, row: roundRows[problem.index]!.row, column: columnName(roundRows[problem.index]!, problem.field), reason: problem.reason });
          if (result.outcome) {
            stored += result.outcome.stored;
            unchanged += result.outcome.unchanged;
            flagged += result.outcome.leaks.length;
          }
        }
      } else {
        const results: MonitoringResultInput[] = rows.map((r) => ({ outletCode: r.values.outletCode as string, pollutantCode: r.values.pollutantCode as string, sampledOn: r.values.sampledOn as string, method: r.values.method as string, value: r.values.value as number, explanation: (r.values.explanation as string | undefined) || null }));
        const result = await writeMonitoringResults(trx, enterprise.id, results, { today, source: 'import' });
        for (const problem of result.problems) errors.push({ sheet: rows[problem.index]!.sheet, row: rows[problem.index]!.row, column: columnName(rows[problem.index]!, problem.field), reason: problem.reason });
        if (result.outcome) {
          stored = result.outcome.stored;
          unchanged = result.outcome.unchanged;
          flagged = result.outcome.exceedances.length;
        }
      }
      if (errors.length > 0) throw new ImportFailed(errors);
      await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.import.committed', subjectType: 'ehs_import', subjectId: kind, data: { kind, rows: rows.length, stored, unchanged, flagged } });
      return report(true, stored, unchanged, flagged);
    });
  } catch (error) {
    if (error instanceof ImportFailed) {
      errors.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
      return report(false);
    }
    throw error;
  }
}
