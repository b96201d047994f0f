/**
 * `greenlist import <file.csv|file.xlsx>`: imports a file with a progress bar on stderr.
 * The content decides what it is: a dynamic-report file (credit_code and year columns on
 * its first sheet, docs/formats/dynamic-report-csv.md), or the workspace's annual-data
 * workbook (its 能源 and 其他 sheets), handed to `greenlist import-annual-data`. A
 * dynamic-report run claims its own job: if the terminal dies, a running server takes the
 * import back after the job lease and completes it; Ctrl-C cancels it (nothing applied).
 * `greenlist import template --year Y [--out file]` writes the year's reports to fill in.
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createImport, type ImportKind } from '../../commands/imports/create-import.ts';
import { isDynamicReportHeader } from '../../commands/imports/dynamic-report-columns.ts';
import { dynamicReportTemplate } from '../../commands/imports/dynamic-report-template.ts';
import { bindImportDirectory } from '../../commands/imports/import-files.ts';
import { readSheetRows, sheetFormatOf, type SheetFormat } from '../../commands/imports/read-sheet-rows.ts';
import { failRun, runImport, type ImportProgress } from '../../commands/imports/run-import.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { presentImport } from '../../http/presenters/present-import.ts';
import { completeJob } from '../../store/repositories/jobs.ts';
import { optionString, type Arguments } from '../arguments.ts';
import { Progress } from '../progress-bar.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { importAnnualDataFile, isAnnualDataWorkbook } from './import-annual-data.ts';
import { cliActor, positiveInteger } from './pipeline-actor.ts';

const USAGE = 'import <file.csv|file.xlsx> [--as=<email>] [--as-of=YYYY-MM-DD] [--json] [--quiet] (an annual-data workbook: the options of import-annual-data) · import template --year <Y> [--out <file.csv|file.xlsx>]';

/** What a file is: its first row (streamed, so a large file is not read whole), then the workbook's sheets. */
async function kindOfFile(path: string, format: SheetFormat): Promise<ImportKind | 'annual-data'> {
  const reader = readSheetRows(path, format, 1);
  try {
    const first = await reader.batches.next();
    if (isDynamicReportHeader(first.done ? [] : first.value[0]!.cells)) return 'dynamic-reports';
  } catch {
    // not a sheet this reader understands: perhaps the workbook below
  } finally {
    reader.close();
  }
  if (await isAnnualDataWorkbook(path)) return 'annual-data';
  throw invalid('file', 'neither a dynamic-report file (no credit_code and year columns, docs/formats/dynamic-report-csv.md) nor an annual-data workbook / 既不是动态管理表文件（缺少统一社会信用代码和年度列），也不是年度数据工作簿');
}

function drawProgress(bar: Progress): (progress: ImportProgress) => void {
  let started = false;
  return (progress) => {
    if (!started) bar.start('importing rows (one transaction)', undefined);
    started = true;
    bar.update(progress.rows, progress.size > 0 ? progress.bytes / progress.size : 0);
  };
}

async function importFile(args: Arguments, file: string): Promise<number> {
  const path = resolve(file);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `no file ${path}`);
  const format = sheetFormatOf(path);
  if (format === undefined) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'give a .csv or .xlsx file / 请提供CSV或XLSX文件');
  const kind = await kindOfFile(path, format);
  if (kind === 'annual-data') return importAnnualDataFile(args, file);
  const asOf = optionString(args, 'as-of');
  return withStore(async (store, config) => {
    bindImportDirectory(store, config.dataDirectory);
    const worker = `${hostname()}:${process.pid}:cli`;
    const { record, job } = await createImport(store, await cliActor(store, args), { kind, fileName: path, sourcePath: path, format, size: statSync(path).size, ...(asOf === undefined ? {} : { today: asOf }) }, { claimBy: worker });
    const cancel = new AbortController();
    const onInterrupt = () => cancel.abort();
    process.once('SIGINT', onInterrupt);
    const bar = new Progress(args.options.quiet === true || args.options.json === true);
    const started = Date.now();
    let result;
    try {
      result = await runImport(store, record.id, { job: { id: job.id, worker }, signal: cancel.signal, onProgress: drawProgress(bar) });
    } catch (error) {
      await failRun(store, record.id, record.attempts + 1, error instanceof Error ? error.message.slice(0, 500) : String(error));
      throw error;
    } finally {
      bar.done();
      process.off('SIGINT', onInterrupt);
      await completeJob(store.db, job.id);
    }
    const seconds = (Date.now() - started) / 1000;
    const view = presentImport(result);
    if (args.options.json) console.log(JSON.stringify({ ...view, seconds, rowsPerSecond: Math.round((result.rows_total ?? result.rows_read) / seconds), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2));
    else if (result.status === 'done') console.log(`import ${result.id}: ${result.rows_total} rows in ${seconds.toFixed(1)} s — ${result.reports_filed} reports filed, ${result.reports_amended} amended, ${result.reports_unchanged} unchanged`);
    if (result.status === 'done') return 0;
    if (!args.options.json) {
      console.error(`import ${result.id}: nothing was applied; ${result.error_count} problem(s) / 未导入任何数据，共${result.error_count}处错误`);
      for (const e of view.errors.slice(0, 20)) console.error(`  row ${e.row}${e.column === null ? '' : `, ${e.column}`}: ${e.reason}`);
      if (result.error_count > 20) console.error(`  … and ${result.error_count - 20} more (greenlist import … --json lists the first 1,000)`);
    }
    return 2;
  });
}

async function writeTemplate(args: Arguments): Promise<number> {
  const year = positiveInteger(optionString(args, 'year'), 'year', USAGE);
  const out = optionString(args, 'out');
  const format = out === undefined ? 'csv' : sheetFormatOf(out);
  if (format === undefined) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '--out must name a .csv or .xlsx file');
  return withStore(async (store) => {
    const sheet = dynamicReportTemplate(store, await cliActor(store, args), { year, format });
    await pipeline(sheet, out === undefined ? process.stdout : createWriteStream(resolve(out)));
    return 0;
  });
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: USAGE,
  summary: 'import a dynamic-report file (all or nothing; progress on stderr) or an annual-data workbook; or write the dynamic-report template',
  async run(args) {
    const [first] = args.positionals;
    if (first === 'template') return writeTemplate(args);
    if (first === undefined) throw new AppError('VALIDATION', `usage: greenlist ${USAGE}`, { path: 'file' });
    return importFile(args, first);
  },
};
