/**
 * The enterprise uploads a filled annual-data workbook for one factory-year: the factory
 * and the right to write its data are checked first (a stranger's file is not even read),
 * then the workbook is read row by row; with any problem nothing is stored and every
 * problem comes back with its sheet, row, column and reason (zh/en); without one the year
 * is saved like a form (save-annual-data.ts) and audited as coming from a workbook.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '../../domain/actors/actor.ts';
import type { AnnualData } from '../../engine/index.ts';
import type { Store } from '../../store/store.ts';
import { checkYear, loadFactoryFor, lockedError, lockingApplication } from './annual-data-records.ts';
import { readAnnualDataWorkbook, type WorkbookProblem, type WorkbookProgress } from './read-annual-data-workbook.ts';
import { saveAnnualData } from './save-annual-data.ts';

export interface ImportAnnualDataWorkbookInput {
  factoryId: number;
  year: number;
  source: Readable;
  onProgress?: (progress: WorkbookProgress) => void;
}

export type ImportAnnualDataWorkbookResult =
  | { saved: true; data: AnnualData; rows: number }
  | { saved: false; problems: WorkbookProblem[]; rows: number };

export async function importAnnualDataWorkbook(store: Store, actor: Actor, input: ImportAnnualDataWorkbookInput): Promise<ImportAnnualDataWorkbookResult> {
  checkYear(input.year);
  const { factory } = await loadFactoryFor(store.db, actor, input.factoryId, 'write');
  const locking = await lockingApplication(store.db, factory, input.year);
  if (locking !== undefined) {
    input.source.resume();
    throw lockedError(input.year, locking);
  }
  const read = await readAnnualDataWorkbook(input.source, { year: input.year, ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }) });
  if (!read.ok) return { saved: false, problems: read.problems, rows: read.rows };
  await saveAnnualData(store, actor, { factoryId: factory.id, year: input.year, document: read.data, source: 'workbook' });
  return { saved: true, data: read.data, rows: read.rows };
}
