/**
 * `greenlist import-annual-data <file.xlsx> [--factory=<id> --year=<Y>] [--as=<email>] [--json]`:
 * the workspace's annual-data workbook from a terminal. Without a factory it checks the
 * workbook and prints the AnnualData document (to pipe into `greenlist kpi`); with one it
 * saves the factory-year as the workspace upload does. Problems are listed by sheet, row
 * and column, exit code 2, nothing stored. Progress on stderr.
 *
 * `isAnnualDataWorkbook(path)` tells this workbook apart by its sheet names, so that
 * `greenlist import <file>` can dispatch to `importAnnualDataFile` by content.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { importAnnualDataWorkbook } from '../../commands/annual-data/import-annual-data-workbook.ts';
import { readAnnualDataWorkbook, type WorkbookProblem } from '../../commands/annual-data/read-annual-data-workbook.ts';
import { AppError } from '../../domain/errors.ts';
import { SHEETS } from '../../output/sheets/annual-data-layout.ts';
import { optionString, type Arguments } from '../arguments.ts';
import { Progress } from '../progress-bar.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { cliActor, positiveInteger } from './pipeline-actor.ts';

const USAGE = 'import-annual-data <file.xlsx> [--factory=<id> --year=<Y>] [--as=<email>] [--json] [--quiet]';

/** True when the file is an .xlsx workbook holding the annual-data sheets (能源 energy and 其他 other). */
export async function isAnnualDataWorkbook(path: string): Promise<boolean> {
  if (!path.toLowerCase().endsWith('.xlsx')) return false;
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const names = workbook.worksheets.map((s) => s.name);
    return names.includes(SHEETS.energy.name) && names.includes(SHEETS.other.name);
  } catch {
    return false;
  }
}

function printProblems(problems: readonly WorkbookProblem[]): void {
  console.error(`nothing was stored; ${problems.length} problem(s) / 未保存任何数据，共${problems.length}处问题`);
  for (const p of problems) console.error(`  ${p.sheet} ${p.row === 0 ? '' : `row ${p.row}`}${p.column === '' ? '' : ` column ${p.column}`}: ${p.reason.en} / ${p.reason.zh}`);
}

/** Imports (or, without --factory, checks) one annual-data workbook; returns the exit code. */
export async function importAnnualDataFile(args: Arguments, file: string): Promise<number> {
  const path = resolve(file);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `no file ${path}`);
  const size = statSync(path).size;
  const bar = new Progress(args.options.quiet === true || args.options.json === true);
  bar.start('reading the annual-data workbook', undefined);
  const onProgress = (p: { bytes: number; rows: number }) => bar.update(p.rows, size > 0 ? p.bytes / size : 0);
  const factory = optionString(args, 'factory');
  try {
    if (factory === undefined) {
      const year = optionString(args, 'year');
      const read = await readAnnualDataWorkbook(createReadStream(path), { onProgress, ...(year === undefined ? {} : { year: positiveInteger(year, 'year', USAGE) }) });
      if (!read.ok) {
        if (args.options.json) console.log(JSON.stringify({ problems: read.problems }, null, 2));
        else printProblems(read.problems);
        return 2;
      }
      console.log(JSON.stringify(read.data, null, 2));
      return 0;
    }
    const factoryId = positiveInteger(factory, 'factory', USAGE);
    const year = positiveInteger(optionString(args, 'year'), 'year', USAGE);
    return await withStore(async (store) => {
      const result = await importAnnualDataWorkbook(store, await cliActor(store, args), { factoryId, year, source: createReadStream(path), onProgress });
      if (args.options.json) console.log(JSON.stringify(result.saved ? { saved: true, rows: result.rows, data: result.data } : { saved: false, problems: result.problems }, null, 2));
      else if (result.saved) console.log(`factory ${factoryId}, ${year}: saved from ${result.rows} rows`);
      else printProblems(result.problems);
      return result.saved ? 0 : 2;
    });
  } finally {
    bar.done();
  }
}

export const importAnnualDataCommand: CliCommand = {
  name: 'import-annual-data',
  usage: USAGE,
  summary: 'check an annual-data workbook (prints AnnualData JSON), or save it for a factory-year with --factory and --year',
  async run(args) {
    const [file] = args.positionals;
    if (file === undefined) throw new AppError('VALIDATION', `usage: greenlist ${USAGE}`, { path: 'file' });
    return importAnnualDataFile(args, file);
  },
};
