/** Shared set-up for the import tests: files in a temporary folder, an import run in-process, the open reports of a year. */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/domain/actors/actor.ts';
import { createImport } from '../../src/commands/imports/create-import.ts';
import { bindImportDirectory } from '../../src/commands/imports/import-files.ts';
import { runImport } from '../../src/commands/imports/run-import.ts';
import { sheetFormatOf } from '../../src/commands/imports/read-sheet-rows.ts';
import type { Row } from '../../src/store/schema.ts';
import type { Store } from '../../src/store/store.ts';

export interface Folder {
  path: string;
  /** Writes a CSV (UTF-8 with a BOM, CRLF as Excel saves it) and returns its path. */
  csv(name: string, lines: readonly string[]): string;
  remove(): void;
}

export function tempFolder(): Folder {
  const path = mkdtempSync(join(tmpdir(), 'greenlist-import-'));
  return {
    path,
    csv(name, lines) {
      const file = join(path, name);
      writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n');
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Records and runs an import in this process, as the job would. */
export async function importFile(store: Store, actor: Actor, file: string, options: { today?: string; folder?: string } = {}): Promise<Row<'imports'>> {
  bindImportDirectory(store, options.folder ?? tmpdir());
  const format = sheetFormatOf(file)!;
  const { record } = await createImport(store, actor, { kind: 'dynamic-reports', fileName: file, sourcePath: file, format, size: statSync(file).size, ...(options.today === undefined ? {} : { today: options.today }) });
  return runImport(store, record.id);
}

export interface OpenReport {
  reportId: number;
  entryId: number;
  enterpriseId: number;
  creditCode: string;
  provinceCode: string;
  status: string;
}

/** The reports of a year on one authority's lists, with their enterprise's credit code. */
export function reportsOf(store: Store, year: number, authorityId: number): Promise<OpenReport[]> {
  return store.db
    .selectFrom('dynamic_reports as r')
    .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'r.list_entry_id').onRef('e.enterprise_id', '=', 'r.enterprise_id'))
    .innerJoin('enterprises as n', 'n.id', 'r.enterprise_id')
    .select(['r.id as reportId', 'r.list_entry_id as entryId', 'r.enterprise_id as enterpriseId', 'n.credit_code as creditCode', 'e.province_code as provinceCode', 'r.status as status'])
    .where('r.year', '=', year)
    .where('e.authority_id', '=', authorityId)
    .orderBy('r.id')
    .execute();
}
